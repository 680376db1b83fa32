package nl.vertelpunt.story;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import nl.vertelpunt.storypoint.StoryPoint;
import nl.vertelpunt.storypoint.StoryPointService;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import nl.vertelpunt.user.Access;
import nl.vertelpunt.user.StaffRole;
import nl.vertelpunt.web.FieldError;
import nl.vertelpunt.web.ProblemException;
import nl.vertelpunt.web.StorageException;

/**
 * The story browser: full-text search over title and text (PostgreSQL, Dutch configuration: "wachten"
 * also finds "wachtte" and "wachtlijst" finds "wachtlijsten"), the story filters, paging. Compounds are found by
 * their parts ("wachten" finds "wachtlijst", "hulp" finds "jeugdhulp"): the index holds the parts that
 * {@link nl.vertelpunt.story.compound.Decompounder} found in each story, with a lower weight than the words
 * themselves (see {@code V11__search_compounds.sql}); the words of a search are not split. Lists hold stories, not
 * aggregates, so their totals are exact; only staff of the story point see them.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StorySearchService {

    /**
     * A search: words (web-search syntax: "quoted phrases", -without, or), the filter, moderation
     * state ({@code flagged}, {@code hidden}: null for both), completeness ({@code complete}: null for both;
     * false lists only incomplete stories, which the filter itself cannot express), the page (from 0) and
     * its size (1..100).
     */
    public record Search(
            String q,
            StoryFilter filter,
            Boolean flagged,
            Boolean hidden,
            Integer page,
            Integer size,
            Boolean complete) {}

    /** One story in a list; the excerpt marks matched words with « and ». */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(
            String id,
            String title,
            String excerpt,
            String role,
            String channel,
            Instant submittedAt,
            boolean complete,
            boolean flagged,
            boolean hidden,
            int wordCount,
            String gathering) {}

    public record Page(long total, int page, int size, List<Item> stories) {}

    private final AgroalDataSource dataSource;
    private final StoryPointService storyPoints;
    private final Access access;

    StorySearchService(AgroalDataSource dataSource, StoryPointService storyPoints, Access access) {
        this.dataSource = dataSource;
        this.storyPoints = storyPoints;
        this.access = access;
    }

    public Page search(String slug, Search search) {
        StoryPoint point = storyPoints.find(slug);
        access.require(point, StaffRole.ANALYST, StaffRole.FACILITATOR);
        Search s = search == null ? new Search(null, null, null, null, null, null, null) : search;
        int page = s.page() == null ? 0 : s.page();
        int size = s.size() == null ? 20 : s.size();
        List<FieldError> errors = new ArrayList<>();
        if (page < 0 || page > 100_000) {
            errors.add(new FieldError("page", "must be from 0"));
        }
        if (size < 1 || size > 100) {
            errors.add(new FieldError("size", "must be from 1 to 100"));
        }
        if (s.q() != null && s.q().length() > 200) {
            errors.add(new FieldError("q", "is longer than 200 characters"));
        }
        StoryPointDefinition definition = storyPoints.current(slug).definition();
        StoryFilter filter = s.filter() == null
                ? StoryFilter.all().withIncomplete(true)
                : s.filter().includeIncomplete() == null
                        ? s.filter().and(StoryFilter.all().withIncomplete(true))
                        : s.filter();
        errors.addAll(filter.check(definition, "filter."));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        StoryFilter.Condition where = filter.condition(point.id, definition, true);
        StringBuilder condition = new StringBuilder(where.sql());
        boolean text = s.q() != null && !s.q().isBlank();
        if (text) {
            condition.append(" AND s.search @@ query");
        }
        if (s.flagged() != null) {
            condition.append(s.flagged() ? " AND s.flagged" : " AND NOT s.flagged");
        }
        if (s.hidden() != null) {
            condition.append(s.hidden() ? " AND s.hidden" : " AND NOT s.hidden");
        }
        if (s.complete() != null) {
            condition.append(s.complete() ? " AND s.complete" : " AND NOT s.complete");
        }
        String excerpt = text
                ? "ts_headline('dutch', p.text, o.query, 'StartSel=«, StopSel=», MaxWords=40, MinWords=20, MaxFragments=2')"
                : "left(p.text, 280)";
        String columns = "p.id, p.title, " + excerpt
                + ", p.role, p.channel, p.submitted_at, p.complete, p.flagged, p.hidden, p.word_count, p.gathering";
        // The words become a tsquery once, in FROM: written inline, a reused (generic) plan parses them again for
        // every story. Only the page's rows are read whole. With words, one pass over the matches ranks and counts
        // them (the window total), and the sort carries only key, rank and order columns: a common word matches
        // half of all stories, and sorting whole rows spilled to disk. Without words the index on (story point,
        // time) gives the order, so a page is found without reading the stories before it.
        String from = text ? "FROM websearch_to_tsquery('dutch', ?) query, story s WHERE " : "FROM story s WHERE ";
        String sql = text
                ? "SELECT " + columns
                        + ", o.total FROM (SELECT m.pk, m.rank, m.submitted_at, m.id, m.query, count(*) OVER () AS total "
                        + "FROM (SELECT s.pk, ts_rank(s.search, query) AS rank, s.submitted_at, s.id, query " + from
                        + condition
                        + " OFFSET 0) m ORDER BY m.rank DESC, m.submitted_at DESC, m.id LIMIT ? OFFSET ?) o "
                        + "JOIN story p ON p.pk = o.pk ORDER BY o.rank DESC, o.submitted_at DESC, o.id"
                : "SELECT " + columns + " FROM (SELECT s.pk, s.submitted_at, s.id " + from + condition
                        + " ORDER BY s.submitted_at DESC, s.id LIMIT ? OFFSET ?) o "
                        + "JOIN story p ON p.pk = o.pk ORDER BY o.submitted_at DESC, o.id";
        try (Connection c = dataSource.getConnection()) {
            long total = -1;
            List<Item> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int next = bindFrom(ps, text ? s.q() : null);
                next = where.bind(c, ps, next);
                ps.setInt(next++, size);
                ps.setLong(next, (long) page * size);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(new Item(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getObject(6, OffsetDateTime.class).toInstant(),
                                rs.getBoolean(7),
                                rs.getBoolean(8),
                                rs.getBoolean(9),
                                rs.getInt(10),
                                rs.getString(11)));
                        if (text) {
                            total = rs.getLong(12);
                        }
                    }
                }
            }
            if (total < 0 && (!text || page > 0)) {
                // without words, or a page past the last match: count apart
                try (PreparedStatement ps = c.prepareStatement("SELECT count(*) " + from + condition)) {
                    where.bind(c, ps, bindFrom(ps, text ? s.q() : null));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        total = rs.getLong(1);
                    }
                }
            }
            return new Page(Math.max(0, total), page, size, items);
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /** Binds the words of the FROM clause, if any; returns the next free position. */
    private static int bindFrom(PreparedStatement ps, String words) throws SQLException {
        if (words == null) {
            return 1;
        }
        ps.setString(1, words);
        return 2;
    }
}
