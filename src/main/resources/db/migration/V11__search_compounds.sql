-- The search understands Dutch compounds: "wachten" finds the "wachtlijst", "hulp" the "jeugdhulp". The service
-- splits the compounds of a story's title and text with a Dutch dictionary (story/compound/Decompounder) and stores
-- their parts here, space-separated ('' when there are none). NULL: not split yet; story/compound/CompoundIndexer
-- fills these in the background at start-up and every few minutes (every story already stored, after this
-- migration). A later dictionary ships with a migration that sets the column to NULL again.
ALTER TABLE story ADD COLUMN compound_parts TEXT;

-- The index keeps the words themselves (weight A) and adds the parts (weight D, the lowest): a story that says "hulp"
-- ranks above one that only says "jeugdhulp". Appended after the words, the parts never make a phrase with them.
DROP INDEX story_search;
ALTER TABLE story DROP COLUMN search;
ALTER TABLE story ADD COLUMN search TSVECTOR GENERATED ALWAYS AS (
    setweight(to_tsvector('dutch', coalesce(title, '') || ' ' || text), 'A')
        || to_tsvector('dutch', coalesce(compound_parts, ''))) STORED;
CREATE INDEX story_search ON story USING GIN (search);

CREATE INDEX story_compounds_pending ON story (pk) WHERE compound_parts IS NULL;

-- A change of title or text that does not bring its own parts (any statement but the service's) makes the parts
-- stale: they are cleared, so that the words of a removed span are never found through them, and split again.
CREATE FUNCTION story_compounds_stale() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.compound_parts IS NOT DISTINCT FROM OLD.compound_parts THEN
        NEW.compound_parts := NULL;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER story_compounds_stale BEFORE UPDATE OF title, text ON story FOR EACH ROW
    WHEN (NEW.title IS DISTINCT FROM OLD.title OR NEW.text IS DISTINCT FROM OLD.text)
    EXECUTE FUNCTION story_compounds_stale();
