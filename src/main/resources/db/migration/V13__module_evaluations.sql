-- Module-wide pattern evaluations: a run analyses either one story point (story_point_id) or a question module
-- across the story points that include it (module_id, the module version whose questions it analyses, and the
-- story points it covers, in order, in evaluation_run_story_point).

ALTER TABLE evaluation_run ALTER COLUMN story_point_id DROP NOT NULL;
ALTER TABLE evaluation_run ADD COLUMN module_id VARCHAR(64) REFERENCES question_module (id);
ALTER TABLE evaluation_run ADD COLUMN module_version INTEGER CHECK (module_version > 0);
ALTER TABLE evaluation_run ADD CONSTRAINT evaluation_run_scope
    CHECK ((story_point_id IS NULL) <> (module_id IS NULL) AND (module_id IS NULL) = (module_version IS NULL));

CREATE TABLE evaluation_run_story_point (
    run_id         UUID     NOT NULL REFERENCES evaluation_run (id) ON DELETE CASCADE,
    story_point_id BIGINT   NOT NULL REFERENCES story_point (id),
    position       INTEGER  NOT NULL CHECK (position >= 0),
    PRIMARY KEY (run_id, story_point_id),
    UNIQUE (run_id, position)
);

-- the runs listed with a story point: its own and the module-wide runs that cover it
CREATE INDEX evaluation_run_story_point_by_point ON evaluation_run_story_point (story_point_id);
