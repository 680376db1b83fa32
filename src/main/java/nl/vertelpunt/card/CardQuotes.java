package nl.vertelpunt.card;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps the quotes that cards mark in a story's text (UTF-16 offsets) right when a span of that text is redacted:
 * a quote after the span moves with the text, a quote before it stays, and a quote the span cuts into is withdrawn
 * from the card, its current version and every earlier one (the redacted words must not come back from a quote),
 * with a notice for the facilitator ({@code card_story.quote_withdrawn}) until the card is saved again. Runs in the
 * redaction's own transaction, on its connection.
 */
public final class CardQuotes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CardQuotes() {}

    /** A quote [start, end) of a text. */
    public record Quote(int start, int end) {}

    /**
     * Where a quote lies after the span [{@code cutStart}, {@code cutEnd}) of the text was replaced by
     * {@code replacement} characters; empty when the span overlaps the quote.
     */
    public static Optional<Quote> afterRedaction(Quote quote, int cutStart, int cutEnd, int replacement) {
        if (cutEnd <= quote.start()) {
            int shift = replacement - (cutEnd - cutStart);
            return Optional.of(new Quote(quote.start() + shift, quote.end() + shift));
        }
        if (cutStart >= quote.end()) {
            return Optional.of(quote);
        }
        return Optional.empty();
    }

    /**
     * Moves or withdraws the quotes of every card that holds the story, after its text had [{@code cutStart},
     * {@code cutEnd}) replaced by {@code replacement} characters.
     *
     * @return how many quotes were withdrawn
     */
    public static int followRedaction(
            Connection c, long storyPk, String storyId, int cutStart, int cutEnd, int replacement) throws SQLException {
        int withdrawn = 0;
        try (PreparedStatement select = c.prepareStatement("SELECT card_id, quote_start, quote_end FROM card_story "
                        + "WHERE story_pk = ? AND quote_start IS NOT NULL FOR UPDATE");
                PreparedStatement update = c.prepareStatement("UPDATE card_story SET quote_start = ?, quote_end = ?, "
                        + "quote_withdrawn = quote_withdrawn OR ? WHERE card_id = ? AND story_pk = ?")) {
            select.setLong(1, storyPk);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Optional<Quote> moved =
                            afterRedaction(new Quote(rs.getInt(2), rs.getInt(3)), cutStart, cutEnd, replacement);
                    update.setObject(1, moved.map(Quote::start).orElse(null));
                    update.setObject(2, moved.map(Quote::end).orElse(null));
                    update.setBoolean(3, moved.isEmpty());
                    update.setObject(4, rs.getObject(1, UUID.class));
                    update.setLong(5, storyPk);
                    update.addBatch();
                    withdrawn += moved.isEmpty() ? 1 : 0;
                }
            }
            update.executeBatch();
        }
        followInRevisions(c, storyPk, storyId, cutStart, cutEnd, replacement);
        return withdrawn;
    }

    /** The same for the saved versions of every card that holds the story. */
    private static void followInRevisions(
            Connection c, long storyPk, String storyId, int cutStart, int cutEnd, int replacement) throws SQLException {
        try (PreparedStatement select =
                        c.prepareStatement("SELECT r.card_id, r.version, r.content FROM card_revision r "
                                + "WHERE r.card_id IN (SELECT card_id FROM card_story WHERE story_pk = ?) FOR UPDATE");
                PreparedStatement update =
                        c.prepareStatement("UPDATE card_revision SET content = ? WHERE card_id = ? AND version = ?")) {
            select.setLong(1, storyPk);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String changed = revised(rs.getString(3), storyId, cutStart, cutEnd, replacement);
                    if (changed != null) {
                        update.setString(1, changed);
                        update.setObject(2, rs.getObject(1, UUID.class));
                        update.setInt(3, rs.getInt(2));
                        update.addBatch();
                    }
                }
            }
            update.executeBatch();
        }
    }

    /** A revision's content with the story's quote moved or withdrawn, or null when it had no quote of the story. */
    static String revised(String content, String storyId, int cutStart, int cutEnd, int replacement) {
        try {
            JsonNode root = JSON.readTree(content);
            boolean changed = false;
            for (JsonNode s : root.path("stories")) {
                if (s instanceof ObjectNode story
                        && storyId.equals(story.path("id").asText())
                        && story.path("quoteStart").isInt()
                        && story.path("quoteEnd").isInt()) {
                    Optional<Quote> moved = afterRedaction(
                            new Quote(
                                    story.get("quoteStart").asInt(),
                                    story.get("quoteEnd").asInt()),
                            cutStart,
                            cutEnd,
                            replacement);
                    story.set(
                            "quoteStart",
                            moved.map(q -> (JsonNode) JSON.getNodeFactory().numberNode(q.start()))
                                    .orElse(JSON.getNodeFactory().nullNode()));
                    story.set(
                            "quoteEnd",
                            moved.map(q -> (JsonNode) JSON.getNodeFactory().numberNode(q.end()))
                                    .orElse(JSON.getNodeFactory().nullNode()));
                    changed = true;
                }
            }
            return changed ? JSON.writeValueAsString(root) : null;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a card revision is not JSON", e);
        }
    }
}
