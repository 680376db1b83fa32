package nl.vertelpunt.moderation;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.vertelpunt.card.CardQuotes;
import nl.vertelpunt.story.Receipts;
import nl.vertelpunt.story.StoryRules;
import nl.vertelpunt.story.compound.Decompounder;
import nl.vertelpunt.storypoint.Definitions;
import nl.vertelpunt.storypoint.StoryPoint;
import nl.vertelpunt.storypoint.StoryPointService;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import nl.vertelpunt.user.Access;
import nl.vertelpunt.user.StaffRole;
import nl.vertelpunt.user.session.Throttle;
import nl.vertelpunt.user.session.Throttles;
import nl.vertelpunt.web.FieldError;
import nl.vertelpunt.web.ProblemException;
import nl.vertelpunt.web.StorageException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeping stories safe: the personal-data flags of a story, redacting a span (the original is gone
 * for good), hiding a story from all analysis and exports, dismissing a false alarm, and the
 * storyteller's own withdrawal with their receipt code. Every action is logged without any content.
 */
@ApplicationScoped
@Transactional
public class ModerationService {

    /** The text that replaces a redacted span. */
    public static final String REDACTED = "[verwijderd]";

    /** A flag as staff see it. */
    public record FlagView(long id, String field, String kind, int start, int end, boolean dismissed) {}

    /** A redaction request: which field, and the span [start, end) in UTF-16 code units. */
    public record Redaction(String field, Integer start, Integer end) {}

    /** The state of a story after a moderation step. */
    public record State(String id, String title, String text, boolean flagged, boolean hidden, List<FlagView> flags) {}

    private record Row(
            long pk, long pointId, long versionId, String title, String text, int answered, boolean hidden) {}

    private final AgroalDataSource dataSource;
    private final StoryPointService storyPoints;
    private final Definitions definitions;
    private final Access access;
    private final Flagger flagger;
    private final Throttle withdrawals;

    ModerationService(
            AgroalDataSource dataSource,
            StoryPointService storyPoints,
            Definitions definitions,
            Access access,
            Flagger flagger,
            Throttles throttles,
            @ConfigProperty(name = "vertelpunt.withdrawal.attempts", defaultValue = "5") int attempts,
            @ConfigProperty(name = "vertelpunt.withdrawal.window", defaultValue = "10m") Duration window) {
        this.dataSource = dataSource;
        this.storyPoints = storyPoints;
        this.definitions = definitions;
        this.access = access;
        this.flagger = flagger;
        this.withdrawals = throttles.create(attempts, window);
    }

    /** The flags of a story (staff of its story point). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FlagView> flags(String slug, String storyId) {
        StoryPoint point = storyPoints.find(slug);
        access.require(point, StaffRole.ANALYST, StaffRole.FACILITATOR);
        try (Connection c = dataSource.getConnection()) {
            return flags(c, row(c, point, storyId).pk());
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /**
     * Replaces a span of a story's title or text by {@value #REDACTED}. The original is not kept anywhere;
     * words, completeness and flags are computed again (a dismissed false alarm stays dismissed).
     */
    public State redact(String slug, String storyId, Redaction redaction) {
        StoryPoint point = moderated(slug);
        if (redaction == null) {
            throw ProblemException.malformed("body", "a JSON object with field, start and end is expected");
        }
        try (Connection c = dataSource.getConnection()) {
            Row row = row(c, point, storyId);
            String field = redaction.field();
            List<FieldError> errors = new ArrayList<>();
            if (!"text".equals(field) && !"title".equals(field)) {
                errors.add(new FieldError("field", "must be text or title"));
            }
            String original = "title".equals(field) ? row.title() : row.text();
            int length = original == null ? 0 : original.length();
            if (redaction.start() == null
                    || redaction.end() == null
                    || redaction.start() < 0
                    || redaction.end() > length
                    || redaction.start() >= redaction.end()) {
                errors.add(new FieldError(
                        "start",
                        "start and end must mark a span of the " + field + " (0 <= start < end <= " + length + ")"));
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            String redacted = original.substring(0, redaction.start()) + REDACTED + original.substring(redaction.end());
            String title = "title".equals(field) ? redacted : row.title();
            String text = "text".equals(field) ? redacted : row.text();
            StoryPointDefinition definition = definition(c, row.versionId());
            int words = StoryRules.countWords(text);
            boolean complete = definition.completeness().isMet(words, row.answered());
            Set<String> dismissed = dismissedContents(c, row);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE story SET title = ?, text = ?, word_count = ?, complete = ? WHERE pk = ?")) {
                ps.setString(1, title);
                ps.setString(2, text);
                ps.setInt(3, words);
                ps.setBoolean(4, complete);
                ps.setLong(5, row.pk());
                ps.executeUpdate();
            }
            // the search's compound parts follow the text (a statement of its own: see the trigger in V11)
            try (PreparedStatement ps = c.prepareStatement("UPDATE story SET compound_parts = ? WHERE pk = ?")) {
                ps.setString(1, Decompounder.dutch().searchText(title, text));
                ps.setLong(2, row.pk());
                ps.executeUpdate();
            }
            rescan(c, row.pk(), title, text, dismissed);
            if ("text".equals(field)) {
                // quotes on cards follow the text; one the redaction cuts into is withdrawn, with a notice
                CardQuotes.followRedaction(c, row.pk(), storyId, redaction.start(), redaction.end(), REDACTED.length());
            }
            log(c, point.id, storyId, "redact", field + ", " + (redaction.end() - redaction.start()) + " characters");
            return state(c, point, storyId);
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /** Hides a story from all analysis and exports, or shows it again. */
    public State setHidden(String slug, String storyId, boolean hidden) {
        StoryPoint point = moderated(slug);
        try (Connection c = dataSource.getConnection()) {
            Row row = row(c, point, storyId);
            try (PreparedStatement ps = c.prepareStatement("UPDATE story SET hidden = ? WHERE pk = ?")) {
                ps.setBoolean(1, hidden);
                ps.setLong(2, row.pk());
                ps.executeUpdate();
            }
            log(c, point.id, storyId, hidden ? "hide" : "unhide", null);
            return state(c, point, storyId);
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /** Marks a flag as a false alarm. */
    public State dismiss(String slug, String storyId, long flagId) {
        StoryPoint point = moderated(slug);
        try (Connection c = dataSource.getConnection()) {
            Row row = row(c, point, storyId);
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE story_flag SET dismissed = TRUE WHERE id = ? AND story_pk = ?")) {
                ps.setLong(1, flagId);
                ps.setLong(2, row.pk());
                if (ps.executeUpdate() == 0) {
                    throw ProblemException.notFound("Story '" + storyId + "' has no flag " + flagId + ".");
                }
            }
            updateFlagged(c, row.pk());
            log(c, point.id, storyId, "dismiss", null);
            return state(c, point, storyId);
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /**
     * The storyteller withdraws their story with the receipt code shown once when they shared it: the
     * story is deleted for good; the log keeps only that a story was withdrawn, its id and when. Attempts
     * are limited per client address and story point (in memory only): a code only ever fits the story
     * point it was given for.
     */
    public void withdraw(String slug, String receiptCode, String clientAddress) {
        StoryPoint point = storyPoints.find(slug);
        String attemptKey = point.id + " " + clientAddress;
        long wait = withdrawals.blockedFor(attemptKey);
        if (wait > 0) {
            throw ProblemException.tooManyAttempts("Too many attempts. Try again in " + wait + " seconds.", wait);
        }
        if (receiptCode == null || receiptCode.isBlank() || receiptCode.length() > 40) {
            throw ProblemException.invalid("receiptCode", "is required: the code you got when you shared your story");
        }
        withdrawals.count(attemptKey);
        try (Connection c = dataSource.getConnection()) {
            String storyId;
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM story WHERE story_point_id = ? AND receipt_hash = ? RETURNING id")) {
                ps.setLong(1, point.id);
                ps.setString(2, Receipts.hash(receiptCode));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw ProblemException.invalid("receiptCode", "no story of this story point has this code");
                    }
                    storyId = rs.getString(1);
                }
            }
            log(c, point.id, storyId, "withdraw", null);
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    private StoryPoint moderated(String slug) {
        StoryPoint point = storyPoints.find(slug);
        access.require(point, StaffRole.ANALYST);
        return point;
    }

    private State state(Connection c, StoryPoint point, String storyId) throws SQLException {
        Row row = row(c, point, storyId);
        List<FlagView> flags = flags(c, row.pk());
        return new State(
                storyId, row.title(), row.text(), flags.stream().anyMatch(f -> !f.dismissed()), row.hidden(), flags);
    }

    private static Row row(Connection c, StoryPoint point, String storyId) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT pk, version_id, title, text, answered_count, hidden FROM story "
                        + "WHERE story_point_id = ? AND id = ? FOR UPDATE")) {
            ps.setLong(1, point.id);
            ps.setString(2, storyId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound(
                            "There is no story '" + storyId + "' at story point '" + point.slug + "'.");
                }
                return new Row(
                        rs.getLong(1),
                        point.id,
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getBoolean(6));
            }
        }
    }

    /** The flags of a story by its internal key, for other services that show a story. */
    public static List<FlagView> flagsOf(Connection c, long pk) throws SQLException {
        return flags(c, pk);
    }

    private static List<FlagView> flags(Connection c, long pk) throws SQLException {
        List<FlagView> flags = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT id, field, kind, span_start, span_end, dismissed FROM story_flag "
                        + "WHERE story_pk = ? ORDER BY field DESC, span_start")) {
            ps.setLong(1, pk);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    flags.add(new FlagView(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getInt(4),
                            rs.getInt(5),
                            rs.getBoolean(6)));
                }
            }
        }
        return flags;
    }

    /** field|kind|content of the dismissed flags, to keep them dismissed after the text changes. */
    private static Set<String> dismissedContents(Connection c, Row row) throws SQLException {
        Set<String> contents = new HashSet<>();
        for (FlagView f : flags(c, row.pk())) {
            String source = f.field().equals("title") ? row.title() : row.text();
            if (f.dismissed() && source != null && f.end() <= source.length()) {
                contents.add(f.field() + "|" + f.kind() + "|" + source.substring(f.start(), f.end()));
            }
        }
        return contents;
    }

    private void rescan(Connection c, long pk, String title, String text, Set<String> dismissed) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM story_flag WHERE story_pk = ?")) {
            ps.setLong(1, pk);
            ps.executeUpdate();
        }
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO story_flag (story_pk, field, kind, span_start, span_end, dismissed) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Flagger.Flag f : flagger.flags(title, text)) {
                String source = f.field().equals("title") ? title : text;
                ps.setLong(1, pk);
                ps.setString(2, f.field());
                ps.setString(3, f.kind());
                ps.setInt(4, f.start());
                ps.setInt(5, f.end());
                ps.setBoolean(
                        6, dismissed.contains(f.field() + "|" + f.kind() + "|" + source.substring(f.start(), f.end())));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        updateFlagged(c, pk);
    }

    private static void updateFlagged(Connection c, long pk) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE story SET flagged = EXISTS "
                + "(SELECT 1 FROM story_flag f WHERE f.story_pk = story.pk AND NOT f.dismissed) WHERE pk = ?")) {
            ps.setLong(1, pk);
            ps.executeUpdate();
        }
    }

    private StoryPointDefinition definition(Connection c, long versionId) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT revision, definition::text FROM story_point_version WHERE id = ?")) {
            ps.setLong(1, versionId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String json = rs.getString(2);
                return definitions.get(versionId, rs.getInt(1), () -> json);
            }
        }
    }

    private void log(Connection c, long pointId, String storyId, String action, String detail) throws SQLException {
        String by = "withdraw".equals(action) ? null : access.staff().username();
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO moderation_log (story_point_id, story_id, action, detail, done_by, done_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, pointId);
            ps.setString(2, storyId);
            ps.setString(3, action);
            ps.setString(4, detail);
            ps.setString(5, by);
            ps.setObject(6, OffsetDateTime.now());
            ps.executeUpdate();
        }
    }
}
