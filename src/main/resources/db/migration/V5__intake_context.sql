-- One round trip at the start of every story intake: take the shared lock that keeps the story point's
-- current definition still until commit, then (with a fresh snapshot, after the lock) read the current
-- version and any story already stored for the submission id.
CREATE FUNCTION intake_context(p_story_point BIGINT, p_submission UUID)
RETURNS TABLE (version_id BIGINT, version INTEGER, revision INTEGER, existing_point BIGINT, existing_id VARCHAR,
               existing_version INTEGER, existing_complete BOOLEAN)
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    PERFORM pg_advisory_xact_lock_shared(1001, p_story_point::INTEGER);
    RETURN QUERY
        SELECT v.id, v.version, v.revision, s.story_point_id, s.id, sv.version, s.complete
        FROM story_point sp
        JOIN story_point_version v ON v.id = sp.current_version_id
        LEFT JOIN story s ON s.submission_id = p_submission
        LEFT JOIN story_point_version sv ON sv.id = s.version_id
        WHERE sp.id = p_story_point;
END
$$;
