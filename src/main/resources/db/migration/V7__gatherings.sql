-- Stories taken down by a facilitator at a verteltafel or typed in from a paper form may carry a short
-- label of the gathering they came from ("Jongerencentrum, 12 maart"): set by staff, never by the
-- storyteller, at most 100 characters. Online and imported stories have none.
ALTER TABLE story ADD COLUMN gathering VARCHAR(100);
ALTER TABLE story ADD CONSTRAINT story_gathering_only_in_person
    CHECK (gathering IS NULL OR channel IN ('verteltafel', 'papier'));
