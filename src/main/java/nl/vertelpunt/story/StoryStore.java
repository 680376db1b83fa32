package nl.vertelpunt.story;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.vertelpunt.moderation.Flagger;
import nl.vertelpunt.story.compound.Decompounder;
import nl.vertelpunt.web.StorageException;

/**
 * Stories in PostgreSQL, through plain JDBC on the transaction's connection: intake needs
 * {@code INSERT ... ON CONFLICT} for idempotency, import needs batches and export a streaming cursor,
 * none of which an entity manager does well. Story points and users stay Panache entities.
 */
@ApplicationScoped
public class StoryStore {

    /** The version a story point currently offers, and the story an earlier identical submission made, if any. */
    public record Current(long versionId, int version, int revision, Optional<Existing> existing) {}

    /** A story already stored for a submission id. */
    public record Existing(long storyPointId, String id, int version, boolean complete) {}

    private static final String UPSERT_COLUMNS =
            "story_point_id, id, version_id, role, channel, language, title, text, "
                    + "answers, submitted_at, word_count, answered_count, complete, flagged, gathering, compound_parts";
    private static final String VALUES = "?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?";

    /** Takes the shared lock that keeps the story point's current definition still until commit. */
    public void lockShared(Connection c, long storyPointId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock_shared(?, ?)::text")) {
            ps.setInt(1, 1001);
            ps.setInt(2, (int) storyPointId);
            ps.executeQuery().close();
        }
    }

    public Optional<Long> storyPointId(Connection c, String slug) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM story_point WHERE slug = ?")) {
            ps.setString(1, slug);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /**
     * Takes the shared lock on the story point's definition and reads its current version and any story
     * of this submission id, in one round trip (for intake; see {@code intake_context} in the schema).
     */
    public Current lockAndRead(Connection c, long storyPointId, UUID submissionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM intake_context(?, ?)")) {
            ps.setLong(1, storyPointId);
            ps.setObject(2, submissionId, Types.OTHER);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("story point " + storyPointId + " has no current version");
                }
                Optional<Existing> existing = rs.getString(5) == null
                        ? Optional.empty()
                        : Optional.of(new Existing(rs.getLong(4), rs.getString(5), rs.getInt(6), rs.getBoolean(7)));
                return new Current(rs.getLong(1), rs.getInt(2), rs.getInt(3), existing);
            }
        }
    }

    public Current current(Connection c, long storyPointId, UUID submissionId) throws SQLException {
        String sql = """
                SELECT v.id, v.version, v.revision, s.story_point_id, s.id, sv.version, s.complete
                FROM story_point sp
                JOIN story_point_version v ON v.id = sp.current_version_id
                LEFT JOIN story s ON s.submission_id = ?
                LEFT JOIN story_point_version sv ON sv.id = s.version_id
                WHERE sp.id = ?""";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, submissionId, Types.OTHER);
            ps.setLong(2, storyPointId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("story point " + storyPointId + " has no current version");
                }
                Optional<Existing> existing = rs.getString(5) == null
                        ? Optional.empty()
                        : Optional.of(new Existing(rs.getLong(4), rs.getString(5), rs.getInt(6), rs.getBoolean(7)));
                return new Current(rs.getLong(1), rs.getInt(2), rs.getInt(3), existing);
            }
        }
    }

    /** The stored definition of a version, as JSON text. */
    public String definitionJson(Connection c, long versionId) {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT definition::text FROM story_point_version WHERE id = ?")) {
            ps.setLong(1, versionId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /**
     * Stores a story from the web form, with its personal-data flags and the hash of its receipt code,
     * unless its submission id is already stored.
     *
     * @return true when this call stored it
     */
    public boolean insertSubmission(
            Connection c, long storyPointId, long versionId, StoryDraft d, List<Flagger.Flag> flags, String receiptHash)
            throws SQLException {
        String sql = "INSERT INTO story (" + UPSERT_COLUMNS + ", submission_id, receipt_hash) VALUES (" + VALUES
                + ", ?, ?) " + "ON CONFLICT (submission_id) DO NOTHING RETURNING pk";
        long pk;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, storyPointId, versionId, d, !flags.isEmpty());
            ps.setObject(17, d.submissionId(), Types.OTHER);
            ps.setString(18, receiptHash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                pk = rs.getLong(1);
            }
        }
        if (!flags.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO story_flag (story_pk, field, kind, span_start, span_end) VALUES (?, ?, ?, ?, ?)")) {
                for (Flagger.Flag f : flags) {
                    ps.setLong(1, pk);
                    ps.setString(2, f.field());
                    ps.setString(3, f.kind());
                    ps.setInt(4, f.start());
                    ps.setInt(5, f.end());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        return true;
    }

    /**
     * Replaces the personal-data flags of imported stories (by id), after their upsert in the same
     * transaction. Stories with no findings lose their old flags.
     */
    public void replaceFlags(Connection c, long storyPointId, Map<String, List<Flagger.Flag>> flagsById)
            throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                        "DELETE FROM story_flag WHERE story_pk = (SELECT pk FROM story WHERE story_point_id = ? AND id = ?)");
                PreparedStatement insert =
                        c.prepareStatement("INSERT INTO story_flag (story_pk, field, kind, span_start, span_end) "
                                + "SELECT pk, ?, ?, ?, ? FROM story WHERE story_point_id = ? AND id = ?")) {
            int pending = 0;
            for (Map.Entry<String, List<Flagger.Flag>> e : flagsById.entrySet()) {
                delete.setLong(1, storyPointId);
                delete.setString(2, e.getKey());
                delete.addBatch();
                for (Flagger.Flag f : e.getValue()) {
                    insert.setString(1, f.field());
                    insert.setString(2, f.kind());
                    insert.setInt(3, f.start());
                    insert.setInt(4, f.end());
                    insert.setLong(5, storyPointId);
                    insert.setString(6, e.getKey());
                    insert.addBatch();
                }
                if (++pending % 1000 == 0) {
                    delete.executeBatch();
                    insert.executeBatch();
                }
            }
            delete.executeBatch();
            insert.executeBatch();
        }
    }

    /** A statement that inserts a story or, when its id exists in the story point, replaces it. */
    public PreparedStatement prepareUpsert(Connection c) throws SQLException {
        return c.prepareStatement("INSERT INTO story (" + UPSERT_COLUMNS + ") VALUES (" + VALUES + ") "
                + "ON CONFLICT (story_point_id, id) DO UPDATE SET version_id = EXCLUDED.version_id, role = EXCLUDED.role, "
                + "channel = EXCLUDED.channel, language = EXCLUDED.language, title = EXCLUDED.title, text = EXCLUDED.text, "
                + "answers = EXCLUDED.answers, submitted_at = EXCLUDED.submitted_at, word_count = EXCLUDED.word_count, "
                + "answered_count = EXCLUDED.answered_count, complete = EXCLUDED.complete, flagged = EXCLUDED.flagged, "
                + "gathering = EXCLUDED.gathering, compound_parts = EXCLUDED.compound_parts");
    }

    public void addUpsert(PreparedStatement ps, long storyPointId, long versionId, StoryDraft d, boolean flagged)
            throws SQLException {
        bind(ps, storyPointId, versionId, d, flagged);
        ps.addBatch();
    }

    public Set<String> ids(Connection c, long storyPointId) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM story WHERE story_point_id = ?")) {
            ps.setFetchSize(10_000);
            ps.setLong(1, storyPointId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private static void bind(PreparedStatement ps, long storyPointId, long versionId, StoryDraft d, boolean flagged)
            throws SQLException {
        ps.setLong(1, storyPointId);
        ps.setString(2, d.id());
        ps.setLong(3, versionId);
        ps.setString(4, d.role());
        ps.setString(5, d.channel().id());
        ps.setString(6, d.language());
        ps.setString(7, d.title());
        ps.setString(8, d.text());
        ps.setString(9, d.answers().toString());
        ps.setObject(10, d.submittedAt().atOffset(ZoneOffset.UTC));
        ps.setInt(11, d.wordCount());
        ps.setInt(12, d.answeredCount());
        ps.setBoolean(13, d.complete());
        ps.setBoolean(14, flagged);
        ps.setString(15, d.gathering());
        // the parts of its compounds, for the search (see story/compound/Decompounder)
        ps.setString(16, Decompounder.dutch().searchText(d.title(), d.text()));
    }
}
