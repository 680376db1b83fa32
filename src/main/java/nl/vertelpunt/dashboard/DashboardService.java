package nl.vertelpunt.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.vertelpunt.story.StoryFilter;
import nl.vertelpunt.storypoint.StoryPoint;
import nl.vertelpunt.storypoint.StoryPointService;
import nl.vertelpunt.storypoint.definition.Option;
import nl.vertelpunt.storypoint.definition.Question;
import nl.vertelpunt.storypoint.definition.QuestionType;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import nl.vertelpunt.user.Access;
import nl.vertelpunt.user.StaffRole;
import nl.vertelpunt.web.FieldError;
import nl.vertelpunt.web.ProblemException;
import nl.vertelpunt.web.StorageException;

/**
 * The numbers behind the dashboard of a story point: stories over time, by role, channel and
 * completeness, and every question's answers, for the stories that pass a filter. Every count goes
 * through {@link Suppression}: small groups are shown as "&lt;k" and never charted. When the filter leaves
 * 1 to k−1 stories, the dashboard says only that there are too few ({@code tooFew}) and shows nothing of them;
 * likewise a question answered in 1 to k−1 of the stories shows no answers.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DashboardService {

    /**
     * One bar: a category with its label as staff see it (the short label of a role or option, else its label), its
     * shown count ({@code Integer} or "&lt;k") and its share of the shown total.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Bar(String id, String label, Object count, Double share) {}

    /**
     * A question's answers: bars for choices and slider bins (0–9 … 90–100), plus not applicable and unanswered.
     * When 1 to k−1 stories answered it, {@code tooFew} is true and there are no bars.
     */
    public record QuestionChart(
            String id,
            int number,
            String type,
            String label,
            List<Bar> bars,
            Object notApplicable,
            Object unanswered,
            boolean tooFew) {}

    /**
     * The dashboard. {@code stories} is the shown total; {@code threshold} the suppression threshold. When the
     * filter leaves 1 to k−1 stories, {@code tooFew} is true and every list is empty.
     */
    public record Dashboard(
            String storyPoint,
            int threshold,
            Object stories,
            boolean tooFew,
            List<Bar> weeks,
            List<Bar> roles,
            List<Bar> channels,
            List<Bar> completeness,
            List<QuestionChart> questions) {}

    private final AgroalDataSource dataSource;
    private final StoryPointService storyPoints;
    private final Access access;

    DashboardService(AgroalDataSource dataSource, StoryPointService storyPoints, Access access) {
        this.dataSource = dataSource;
        this.storyPoints = storyPoints;
        this.access = access;
    }

    /** The dashboard for the stories that pass the filter (complete and incomplete ones, unless the filter says otherwise). */
    public Dashboard dashboard(String slug, StoryFilter requested) {
        StoryPoint point = storyPoints.find(slug);
        access.require(point, StaffRole.ANALYST, StaffRole.FACILITATOR);
        StoryPointDefinition definition = storyPoints.current(slug).definition();
        StoryFilter filter = requested == null
                ? StoryFilter.all().withIncomplete(true)
                : requested.includeIncomplete() == null
                        ? requested.and(StoryFilter.all().withIncomplete(true))
                        : requested;
        List<FieldError> errors = filter.check(definition, "filter.");
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Suppression suppression = new Suppression(definition.suppression());
        StoryFilter.Condition where = filter.condition(point.id, definition);
        try (Connection c = dataSource.getConnection()) {
            Map<String, Map<String, Long>> meta = meta(c, where);
            long total = meta.getOrDefault("total", Map.of()).getOrDefault("", 0L);
            if (suppression.tooFew(total)) {
                return new Dashboard(
                        slug,
                        suppression.threshold(),
                        suppression.count(total),
                        true,
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of());
            }
            Map<String, Map<String, Long>> answers = answers(c, where, definition);
            List<QuestionChart> questions = new ArrayList<>();
            Map<String, Long> byRole = meta.getOrDefault("role", Map.of());
            for (Question q : definition.questions()) {
                if (q.type() == QuestionType.TEXT || q.type() == QuestionType.TRIAD) {
                    continue;
                }
                if (q.type() == QuestionType.STONES) {
                    // a field of several items has no one bar chart; each item's axes are in the evaluations
                    continue;
                }
                Map<String, Long> counts = answers.getOrDefault(q.id(), Map.of());
                long asked = definition.roles().stream()
                        .filter(r -> q.isAskedTo(r.id()))
                        .mapToLong(r -> byRole.getOrDefault(r.id(), 0L))
                        .sum();
                List<Bar> bars = new ArrayList<>();
                long answered = 0;
                long notApplicable = counts.getOrDefault("\"NA\"", 0L);
                if (q.type() == QuestionType.SLIDER) {
                    long[] bins = new long[10];
                    counts.forEach((value, n) -> {
                        if (!value.equals("\"NA\"")) {
                            bins[Math.min(9, Integer.parseInt(value) / 10)] += n;
                        }
                    });
                    for (int b = 0; b < 10; b++) {
                        answered += bins[b];
                    }
                    long shownTotal = 0;
                    for (long n : bins) {
                        shownTotal += suppression.rounded(n);
                    }
                    for (int b = 0; b < 10; b++) {
                        String label = b * 10 + "–" + (b == 9 ? 100 : b * 10 + 9);
                        bars.add(bar(
                                b * 10 + "-" + (b == 9 ? 100 : b * 10 + 9), label, bins[b], shownTotal, suppression));
                    }
                } else {
                    long shownTotal = 0;
                    for (Option o : q.options()) {
                        shownTotal += suppression.rounded(counts.getOrDefault(key(q, o.id()), 0L));
                    }
                    for (Option o : q.options()) {
                        long n = counts.getOrDefault(key(q, o.id()), 0L);
                        answered += q.type() == QuestionType.CHOICE ? n : 0;
                        bars.add(bar(o.id(), o.staffLabel().in("nl"), n, shownTotal, suppression));
                    }
                    if (q.type() == QuestionType.MULTICHOICE) {
                        answered = counts.getOrDefault("answered", 0L);
                    }
                }
                long unanswered = Math.max(0, asked - answered - notApplicable);
                boolean tooFew = suppression.tooFew(answered);
                questions.add(new QuestionChart(
                        q.id(),
                        q.number(),
                        q.type().id(),
                        q.staffLabel().in("nl"),
                        tooFew ? List.of() : bars,
                        q.allowsNotApplicable() ? suppression.count(notApplicable) : null,
                        suppression.count(unanswered),
                        tooFew));
            }
            List<Bar> roles = new ArrayList<>();
            long rolesShown = definition.roles().stream()
                    .mapToLong(r -> suppression.rounded(byRole.getOrDefault(r.id(), 0L)))
                    .sum();
            definition
                    .roles()
                    .forEach(r -> roles.add(bar(
                            r.id(),
                            r.staffLabel().in("nl"),
                            byRole.getOrDefault(r.id(), 0L),
                            rolesShown,
                            suppression)));
            return new Dashboard(
                    slug,
                    suppression.threshold(),
                    suppression.count(total),
                    false,
                    bars(meta.getOrDefault("week", Map.of()), suppression),
                    roles,
                    bars(meta.getOrDefault("channel", Map.of()), suppression),
                    bars(meta.getOrDefault("complete", Map.of()), suppression),
                    questions);
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    private static String key(Question q, String option) {
        return q.type() == QuestionType.MULTICHOICE ? option : "\"" + option + "\"";
    }

    private static Bar bar(String id, String label, long n, long shownTotal, Suppression suppression) {
        long shown = suppression.rounded(n);
        return new Bar(
                id,
                label,
                suppression.count(n),
                shownTotal == 0 || !suppression.shows(n) ? null : shown / (double) shownTotal);
    }

    private static List<Bar> bars(Map<String, Long> counts, Suppression suppression) {
        long shownTotal =
                counts.values().stream().mapToLong(suppression::rounded).sum();
        List<Bar> bars = new ArrayList<>();
        counts.forEach((k, n) -> bars.add(bar(k, k, n, shownTotal, suppression)));
        return bars;
    }

    /** Counts by week (Monday, Dutch time), role, channel and completeness, and the total, in one pass. */
    private static Map<String, Map<String, Long>> meta(Connection c, StoryFilter.Condition where) throws SQLException {
        String sql =
                "SELECT to_char(date_trunc('week', s.submitted_at AT TIME ZONE 'Europe/Amsterdam'), 'YYYY-MM-DD') AS week, "
                        + "s.role, s.channel, s.complete, count(*) FROM story s WHERE " + where.sql()
                        + " GROUP BY GROUPING SETS ((1), (2), (3), (4), ())";
        Map<String, Map<String, Long>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            where.bind(c, ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long n = rs.getLong(5);
                    if (rs.getString(1) != null) {
                        out.computeIfAbsent("week", k -> new TreeMap<>()).put(rs.getString(1), n);
                    } else if (rs.getString(2) != null) {
                        out.computeIfAbsent("role", k -> new LinkedHashMap<>()).put(rs.getString(2), n);
                    } else if (rs.getString(3) != null) {
                        out.computeIfAbsent("channel", k -> new TreeMap<>()).put(rs.getString(3), n);
                    } else if (rs.getObject(4) != null) {
                        out.computeIfAbsent("complete", k -> new TreeMap<>())
                                .put(rs.getBoolean(4) ? "complete" : "incomplete", n);
                    } else {
                        out.computeIfAbsent("total", k -> new HashMap<>()).put("", n);
                    }
                }
            }
        }
        return out;
    }

    /**
     * Answer counts per question: for sliders and choices by JSON value (numbers, "NA", option ids in
     * quotes); for multichoice by option id, plus how many stories answered it.
     */
    private static Map<String, Map<String, Long>> answers(
            Connection c, StoryFilter.Condition where, StoryPointDefinition definition) throws SQLException {
        List<String> single = new ArrayList<>();
        List<String> multi = new ArrayList<>();
        for (Question q : definition.questions()) {
            if (q.type() == QuestionType.SLIDER || q.type() == QuestionType.CHOICE) {
                single.add(q.id());
            } else if (q.type() == QuestionType.MULTICHOICE) {
                multi.add(q.id());
            }
        }
        Map<String, Map<String, Long>> out = new HashMap<>();
        String sql =
                "SELECT e.key, e.value::text, count(*) FROM story s CROSS JOIN LATERAL jsonb_each(s.answers) e WHERE "
                        + where.sql() + " AND e.key = ANY (?) GROUP BY 1, 2";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int next = where.bind(c, ps, 1);
            ps.setArray(next, c.createArrayOf("text", single.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
                }
            }
        }
        if (!multi.isEmpty()) {
            String multiSql = "SELECT e.key, o.value, count(*) FROM story s CROSS JOIN LATERAL jsonb_each(s.answers) e "
                    + "CROSS JOIN LATERAL jsonb_array_elements_text(e.value) o WHERE " + where.sql()
                    + " AND e.key = ANY (?) AND jsonb_typeof(e.value) = 'array' GROUP BY 1, 2";
            try (PreparedStatement ps = c.prepareStatement(multiSql)) {
                int next = where.bind(c, ps, 1);
                ps.setArray(next, c.createArrayOf("text", multi.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                                .put(rs.getString(2), rs.getLong(3));
                    }
                }
            }
            String answeredSql = "SELECT e.key, count(*) FROM story s CROSS JOIN LATERAL jsonb_each(s.answers) e WHERE "
                    + where.sql() + " AND e.key = ANY (?) GROUP BY 1";
            try (PreparedStatement ps = c.prepareStatement(answeredSql)) {
                int next = where.bind(c, ps, 1);
                ps.setArray(next, c.createArrayOf("text", multi.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                                .put("answered", rs.getLong(2));
                    }
                }
            }
        }
        return out;
    }
}
