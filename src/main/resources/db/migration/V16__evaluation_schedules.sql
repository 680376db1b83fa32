-- Scheduled pattern evaluations: an analyst asks for an evaluation of a story point every quarter or month. Every
-- replica looks at the schedules now and then; a schedule gets exactly one run per period because a claim is a row of
-- evaluation_schedule_run, whose primary key (schedule, period) lets only one INSERT ... ON CONFLICT DO NOTHING win.
-- The run itself is an ordinary row of evaluation_run and goes through the normal queue.

CREATE TABLE evaluation_schedule (
    id             UUID         PRIMARY KEY,
    story_point_id BIGINT       NOT NULL REFERENCES story_point (id),
    every          VARCHAR(8)   NOT NULL CHECK (every IN ('quarter', 'month')),
    covers         VARCHAR(16)  NOT NULL CHECK (covers IN ('last-period', 'all')),
    request        TEXT         NOT NULL,
    created_by     VARCHAR(64)  NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX evaluation_schedule_by_point ON evaluation_schedule (story_point_id, created_at);

-- period: the first day (Dutch time) of the quarter or month in which the run was made.
CREATE TABLE evaluation_schedule_run (
    schedule_id UUID        NOT NULL REFERENCES evaluation_schedule (id) ON DELETE CASCADE,
    period      DATE        NOT NULL,
    run_id      UUID        REFERENCES evaluation_run (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
    created_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (schedule_id, period)
);
