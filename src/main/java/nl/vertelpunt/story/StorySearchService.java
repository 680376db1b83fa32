package nl.vertelpunt.story;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import nl.vertelpunt.storypoint.StoryPoint;
import nl.vertelpunt.storypoint.StoryPointService;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import nl.vertelpunt.user.Access;
import nl.vertelpunt.user.StaffRole;
import nl.vertelpunt.web.FieldError;
import nl.vertelpunt.web.ProblemException;
import nl.vertelpunt.web.StorageException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The story browser: full-text search over title and text (PostgreSQL, Dutch configuration: "wachten"
 * also finds "wachtte" and "wachtlijst" finds "wachtlijsten"), the story filters, paging. Lists hold
 * stories, not aggregates, so their totals are exact; only staff of the story point see them.
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
    public record Search(String q, StoryFilter filter, Boolean flagged, Boolean hidden, Integer page, Integer size,
                         Boolean complete) {
    }

    /** One story in a list; the excerpt marks matched words with « and ». */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String id, String title, String excerpt, String role, String channel, Instant submittedAt,
                       boolean complete, boolean flagged, boolean hidden, int wordCount, String gathering) {
    }

    public record Page(long total, int page, int size, List<Item> stories) {
    }

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
        StoryFilter filter = s.filter() == null ? new StoryFilter(null, null, null, null, null, null, true)
                : s.filter().includeIncomplete() == null ? s.filter().and(new StoryFilter(null, null, null, null, null, null, true)) : s.filter();
        errors.addAll(filter.check(definition, "filter."));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        StoryFilter.Condition where = filter.condition(point.id, definition, true);
        StringBuilder condition = new StringBuilder(where.sql());
        boolean text = s.q() != null && !s.q().isBlank();
        if (text) {
            condition.append(" AND s.search @@ websearch_to_tsquery('dutch', ?)");
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
        String order = text ? "ts_rank(s.search, websearch_to_tsquery('dutch', ?)) DESC, s.submitted_at DESC, s.id"
                : "s.submitted_at DESC, s.id";
        String excerpt = text
                ? "ts_headline('dutch', p.text, websearch_to_tsquery('dutch', ?), 'StartSel=«, StopSel=», MaxWords=40, MinWords=20, MaxFragments=2')"
                : "left(p.text, 280)";
        String sql = "SELECT p.id, p.title, " + excerpt + ", p.role, p.channel, p.submitted_at, p.complete, p.flagged, p.hidden, p.word_count, p.gathering "
                + "FROM (SELECT s.* FROM story s WHERE " + condition + " ORDER BY " + order + " LIMIT ? OFFSET ?) p";
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM story s WHERE " + condition)) {
                int next = where.bind(c, ps, 1);
                if (text) {
                    ps.setString(next, s.q());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Item> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int next = 1;
                if (text) {
                    ps.setString(next++, s.q());
                }
                next = where.bind(c, ps, next);
                if (text) {
                    ps.setString(next++, s.q());
                    ps.setString(next++, s.q());
                }
                ps.setInt(next++, size);
                ps.setLong(next, (long) page * size);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getBoolean(7), rs.getBoolean(8),
                                rs.getBoolean(9), rs.getInt(10), rs.getString(11)));
                    }
                }
            }
            return new Page(total, page, size, items);
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }
}
