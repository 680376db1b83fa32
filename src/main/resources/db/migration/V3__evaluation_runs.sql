-- Pattern evaluation runs. The table is also the job queue: a replica claims a queued run (or one whose
-- worker stopped sending heartbeats) with SELECT ... FOR UPDATE SKIP LOCKED, so each run runs once.

CREATE TABLE evaluation_run (
    id             UUID         PRIMARY KEY,
    story_point_id BIGINT       NOT NULL REFERENCES story_point (id),
    status         VARCHAR(16)  NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
    progress       DOUBLE PRECISION NOT NULL CHECK (progress >= 0 AND progress <= 1),
    request        TEXT         NOT NULL,
    requested_by   VARCHAR(64)  NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    started_at     TIMESTAMPTZ,
    finished_at    TIMESTAMPTZ,
    claimed_by     VARCHAR(64),
    heartbeat_at   TIMESTAMPTZ,
    attempts       INTEGER      NOT NULL DEFAULT 0,
    story_count    INTEGER,
    fingerprint    VARCHAR(64),
    result         TEXT,
    error          TEXT
);

CREATE INDEX evaluation_run_queue ON evaluation_run (created_at) WHERE status IN ('queued', 'running');
CREATE INDEX evaluation_run_by_point ON evaluation_run (story_point_id, created_at DESC);
