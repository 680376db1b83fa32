-- Staff accounts: admins, analysts and facilitators. Storytellers never have an account.

CREATE SEQUENCE app_user_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE app_user (
    id            BIGINT       PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
    password_hash VARCHAR(100) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    enabled       BOOLEAN      NOT NULL
);

CREATE TABLE app_user_role (
    user_id BIGINT      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role    VARCHAR(16) NOT NULL CHECK (role IN ('admin', 'analyst', 'facilitator')),
    PRIMARY KEY (user_id, role)
);

-- Analysts and facilitators see only the story points they are assigned to.
CREATE TABLE app_user_story_point (
    user_id        BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    story_point_id BIGINT NOT NULL REFERENCES story_point (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, story_point_id)
);
