-- Question modules: named, versioned sets of questions that story points include (a national core, a region's own
-- theme). A story point's version pins the module versions it includes in its definition ("modules"), with the
-- module's questions written out among its own, so that stories keep the questions they answered.

CREATE SEQUENCE question_module_version_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE question_module (
    id                 VARCHAR(64)  PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$'),
    created_at         TIMESTAMPTZ  NOT NULL,
    current_version_id BIGINT
);

-- A version is rewritten in place only while no story point includes it.
CREATE TABLE question_module_version (
    id           BIGINT       PRIMARY KEY,
    module_id    VARCHAR(64)  NOT NULL REFERENCES question_module (id),
    version      INTEGER      NOT NULL CHECK (version > 0),
    revision     INTEGER      NOT NULL CHECK (revision > 0),
    definition   JSONB        NOT NULL,
    published_at TIMESTAMPTZ  NOT NULL,
    UNIQUE (module_id, version)
);

ALTER TABLE question_module
    ADD CONSTRAINT question_module_current_version_fk
    FOREIGN KEY (current_version_id) REFERENCES question_module_version (id) DEFERRABLE INITIALLY DEFERRED;

-- Which story point versions include a module version: containment on the definition's "modules".
CREATE INDEX story_point_version_modules ON story_point_version USING gin ((definition -> 'modules') jsonb_path_ops);
