-- Comparisons (issue 17): the patterns of a focus against a reference, as a job queue like evaluation_run (a replica
-- claims a queued run, or one whose worker stopped sending heartbeats, with SELECT ... FOR UPDATE SKIP LOCKED).
-- A run compares within one story point now; 'module' is there for comparisons across the story points that include
-- a module, which come later (then story_point_id is null).

CREATE TABLE comparison_run (
    id                    UUID             PRIMARY KEY,
    story_point_id        BIGINT           REFERENCES story_point (id),
    module                VARCHAR(64),
    status                VARCHAR(16)      NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
    progress              DOUBLE PRECISION NOT NULL CHECK (progress >= 0 AND progress <= 1),
    request               TEXT             NOT NULL,
    requested_by          VARCHAR(64)      NOT NULL,
    created_at            TIMESTAMPTZ      NOT NULL,
    started_at            TIMESTAMPTZ,
    finished_at           TIMESTAMPTZ,
    claimed_by            VARCHAR(64),
    heartbeat_at          TIMESTAMPTZ,
    attempts              INTEGER          NOT NULL DEFAULT 0,
    focus_count           INTEGER,
    reference_count       INTEGER,
    focus_fingerprint     VARCHAR(64),
    reference_fingerprint VARCHAR(64),
    result                TEXT,
    error                 TEXT,
    CHECK (story_point_id IS NOT NULL OR module IS NOT NULL)
);

CREATE INDEX comparison_run_queue ON comparison_run (created_at) WHERE status IN ('queued', 'running');
CREATE INDEX comparison_run_by_point ON comparison_run (story_point_id, created_at DESC);
