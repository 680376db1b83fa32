package nl.vertelpunt.monitor;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import nl.vertelpunt.dashboard.Suppression;
import nl.vertelpunt.evaluation.EvaluationScope;
import nl.vertelpunt.evaluation.EvaluationScopes;
import nl.vertelpunt.monitor.MonitorRequest.Indicator;
import nl.vertelpunt.story.StoryFilter;
import nl.vertelpunt.storypoint.StoryPoint;
import nl.vertelpunt.storypoint.StoryPointService;
import nl.vertelpunt.storypoint.definition.Question;
import nl.vertelpunt.storypoint.definition.QuestionType;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import nl.vertelpunt.user.Access;
import nl.vertelpunt.user.StaffRole;
import nl.vertelpunt.web.FieldError;
import nl.vertelpunt.web.ProblemException;
import nl.vertelpunt.web.StorageException;

/**
 * Monitoring over time: chosen indicators of a story point per quarter or month, for all stories or for a part of
 * them against the rest, each with a 95% interval ({@link Intervals}). A story's period is the quarter or month of its
 * {@code submitted_at} in Dutch time: the moment it reached the service, for a story told at a verteltafel or on paper
 * the day it was told, for an imported story the time in the file. A story counts for an indicator when it answered
 * the question (not "not applicable", not unanswered). Every count goes through {@link Suppression}; a period and
 * group with fewer answering stories than the threshold shows only its count, no value.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MonitorService {

    public static final String SHARE_AT_LEAST = "share-at-least";
    public static final String MEDIAN = "median";
    public static final String SHARE_OPTION = "share-option";
    private static final List<String> KINDS = List.of(SHARE_AT_LEAST, MEDIAN, SHARE_OPTION);
    private static final List<String> INTERVALS = List.of("quarter", "month");
    /** At most this many indicators in one request. */
    public static final int MAX_INDICATORS = 10;

    /**
     * One period of one group: its first and last day, the number of answering stories as shown (0, "&lt;k" or a
     * multiple of k), and, when at least k stories answered, the value with its 95% interval (shares 0..1, medians
     * 0..100; {@code coverage} is the exact coverage of a median's interval).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Point(
            String period,
            LocalDate start,
            LocalDate end,
            Object stories,
            Double value,
            Double low,
            Double high,
            Double coverage) {}

    /** The points of one group: {@code all}, or {@code focus} and {@code rest}. */
    public record Series(String group, List<Point> points) {}

    /** An indicator with the question (and option) as staff read them, and a series per group. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IndicatorResult(
            Indicator indicator, int questionNumber, String questionLabel, String optionLabel, List<Series> series) {}

    /** The answer: the periods in order and every indicator's series; {@code threshold} is the suppression threshold. */
    public record Monitor(
            String storyPoint,
            String interval,
            int threshold,
            boolean compared,
            List<String> periods,
            List<IndicatorResult> indicators) {}

    private final AgroalDataSource dataSource;
    private final StoryPointService storyPoints;
    private final Access access;
    private final EvaluationScopes scopes;

    MonitorService(AgroalDataSource dataSource, StoryPointService storyPoints, Access access, EvaluationScopes scopes) {
        this.scopes = scopes;
        this.dataSource = dataSource;
        this.storyPoints = storyPoints;
        this.access = access;
    }

    /** The indicators over time (analysts and facilitators of the story point, admins). */
    public Monitor monitor(String slug, MonitorRequest request) {
        StoryPoint point = storyPoints.find(slug);
        access.require(point, StaffRole.ANALYST, StaffRole.FACILITATOR);
        return monitor(scopes.storyPoint(point), slug, request);
    }

    /**
     * The indicators over time of a question module across every story point that includes it (analysts and
     * facilitators of any of them, admins): on the module's questions, the role and the choice {@code storyPoint}, so
     * that {@code compare} can set a region's story point against the rest; suppressed with the strictest threshold.
     */
    public Monitor monitorModule(String module, MonitorRequest request) {
        EvaluationScope scope =
                scopes.moduleFor(module, null, "module", "storyPoints", StaffRole.ANALYST, StaffRole.FACILITATOR);
        return monitor(scope, null, request);
    }

    private Monitor monitor(EvaluationScope scope, String slug, MonitorRequest request) {
        if (request == null) {
            throw ProblemException.malformed("body", "a JSON object with indicators is expected");
        }
        StoryPointDefinition definition = scope.definition();
        String interval = request.interval() == null ? "quarter" : request.interval();
        StoryFilter filter = request.filter() == null ? StoryFilter.all() : request.filter();
        List<FieldError> errors = new ArrayList<>(check(request.indicators(), definition));
        if (scope.moduleWide() && request.indicators() != null) {
            for (int i = 0; i < request.indicators().size(); i++) {
                Indicator indicator = request.indicators().get(i);
                if (indicator != null && EvaluationScope.STORY_POINT.equals(indicator.question())) {
                    errors.add(new FieldError(
                            "indicators[" + i + "].question",
                            "the story point is no answer of a story: set story points apart with compare.filter"));
                }
            }
        }
        if (!INTERVALS.contains(interval)) {
            errors.add(new FieldError("interval", "must be quarter or month"));
        }
        errors.addAll(scope.check(filter, "filter."));
        StoryFilter focus = null;
        if (request.compare() != null) {
            StoryFilter part = request.compare().filter();
            if (part == null || part.equals(StoryFilter.all())) {
                errors.add(new FieldError("compare.filter", "is required: which stories to set against the rest"));
            } else {
                errors.addAll(scope.check(part, "compare.filter."));
                focus = filter.and(part);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Suppression suppression = new Suppression(definition.suppression());
        Period unit = Period.of(interval);
        List<Map<String, Map<Boolean, long[]>>> counts = new ArrayList<>();
        TreeSet<LocalDate> starts = new TreeSet<>();
        try (Connection c = dataSource.getConnection()) {
            for (Indicator indicator : request.indicators()) {
                Question q = definition.question(indicator.question()).orElseThrow();
                Map<String, Map<Boolean, long[]>> byPeriod = counts(c, scope, filter, focus, q, indicator, unit);
                byPeriod.keySet().forEach(p -> starts.add(LocalDate.parse(p)));
                counts.add(byPeriod);
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
        List<LocalDate> periods = unit.span(starts, filter.from(), filter.to());
        List<IndicatorResult> results = new ArrayList<>();
        for (int i = 0; i < request.indicators().size(); i++) {
            Indicator indicator = request.indicators().get(i);
            Question q = definition.question(indicator.question()).orElseThrow();
            List<Series> series = new ArrayList<>();
            for (boolean inFocus : focus == null ? List.of(false) : List.of(true, false)) {
                List<Point> points = new ArrayList<>();
                for (LocalDate start : periods) {
                    long[] cell = counts.get(i)
                            .getOrDefault(start.toString(), Map.of())
                            .get(inFocus);
                    points.add(point(unit, start, indicator, cell, suppression));
                }
                series.add(new Series(focus == null ? "all" : inFocus ? "focus" : "rest", points));
            }
            String option = indicator.option() == null
                    ? null
                    : q.option(indicator.option())
                            .map(o -> o.staffLabel().in("nl"))
                            .orElse(null);
            results.add(
                    new IndicatorResult(indicator, q.number(), q.staffLabel().in("nl"), option, series));
        }
        return new Monitor(
                slug,
                interval,
                suppression.threshold(),
                focus != null,
                periods.stream().map(unit::label).toList(),
                results);
    }

    /** Every way in which the indicators do not fit the story point, fields named {@code indicators[i].…}. */
    static List<FieldError> check(List<Indicator> indicators, StoryPointDefinition definition) {
        List<FieldError> errors = new ArrayList<>();
        if (indicators == null || indicators.isEmpty() || indicators.size() > MAX_INDICATORS) {
            errors.add(new FieldError("indicators", "must list 1 to " + MAX_INDICATORS + " indicators"));
            return errors;
        }
        for (int i = 0; i < indicators.size(); i++) {
            String field = "indicators[" + i + "]";
            Indicator indicator = indicators.get(i);
            if (indicator == null) {
                errors.add(new FieldError(field, "must be an object with kind and question"));
                continue;
            }
            String kind = indicator.kind();
            if (kind == null || !KINDS.contains(kind)) {
                errors.add(new FieldError(field + ".kind", "must be share-at-least, median or share-option"));
                continue;
            }
            Question q = indicator.question() == null
                    ? null
                    : definition.question(indicator.question()).orElse(null);
            if (indicator.question() == null) {
                errors.add(new FieldError(field + ".question", "is required: the id of a question"));
            } else if (q == null) {
                errors.add(new FieldError(field + ".question", "is not a question of this story point"));
            } else if (!kind.equals(SHARE_OPTION) && q.type() != QuestionType.SLIDER) {
                errors.add(new FieldError(
                        field + ".question", "is a " + q.type().id() + " question; " + kind + " needs a slider"));
            } else if (kind.equals(SHARE_OPTION)
                    && q.type() != QuestionType.CHOICE
                    && q.type() != QuestionType.MULTICHOICE) {
                errors.add(new FieldError(
                        field + ".question",
                        "is a " + q.type().id() + " question; share-option needs a choice or multichoice"));
            }
            if (kind.equals(SHARE_AT_LEAST)) {
                if (indicator.threshold() == null) {
                    errors.add(new FieldError(field + ".threshold", "is required: a slider value from 0 to 100"));
                } else if (indicator.threshold() < 0 || indicator.threshold() > 100) {
                    errors.add(new FieldError(field + ".threshold", "must be from 0 to 100"));
                }
            } else if (indicator.threshold() != null) {
                errors.add(new FieldError(field + ".threshold", "is only for share-at-least"));
            }
            if (kind.equals(SHARE_OPTION)) {
                if (indicator.option() == null) {
                    errors.add(new FieldError(field + ".option", "is required: the id of an option of the question"));
                } else if (q != null
                        && q.options() != null
                        && q.option(indicator.option()).isEmpty()) {
                    errors.add(new FieldError(
                            field + ".option", "'" + indicator.option() + "' is not an option of this question"));
                }
            } else if (indicator.option() != null) {
                errors.add(new FieldError(field + ".option", "is only for share-option"));
            }
        }
        return errors;
    }

    private static Point point(
            Period unit, LocalDate start, Indicator indicator, long[] cell, Suppression suppression) {
        long n = 0;
        if (cell != null) {
            for (long c : cell) {
                n += c;
            }
        }
        String label = unit.label(start);
        LocalDate end = unit.end(start);
        if (!suppression.shows(n)) {
            return new Point(label, start, end, suppression.count(n), null, null, null, null);
        }
        Intervals.Estimate e = switch (indicator.kind()) {
            case MEDIAN -> Intervals.median(cell);
            case SHARE_OPTION -> Intervals.wilson(cell[1], n);
            default -> {
                long hits = 0;
                for (int v = indicator.threshold(); v <= 100; v++) {
                    hits += cell[v];
                }
                yield Intervals.wilson(hits, n);
            }
        };
        return new Point(
                label,
                start,
                end,
                suppression.count(n),
                e.value(),
                e.low(),
                e.high(),
                indicator.kind().equals(MEDIAN) ? e.coverage() : null);
    }

    /**
     * Counts per period (its first day), per group (in the focus or not) and per value: the slider value 0..100, or for
     * a share of an option 1 (chose it) and 0 (answered otherwise). Only answering stories count.
     */
    private static Map<String, Map<Boolean, long[]>> counts(
            Connection c,
            EvaluationScope scope,
            StoryFilter filter,
            StoryFilter focus,
            Question q,
            Indicator indicator,
            Period unit)
            throws SQLException {
        StoryFilter.Condition where = scope.condition(filter);
        StoryFilter.Condition inFocus = focus == null ? null : scope.condition(focus);
        String value;
        String answered;
        boolean slider = q.type() == QuestionType.SLIDER;
        if (slider) {
            value = "(s.answers ->> ?)::int";
            answered = "jsonb_typeof(s.answers -> ?) = 'number'";
        } else if (q.type() == QuestionType.MULTICHOICE) {
            value = "CASE WHEN jsonb_exists(s.answers -> ?, ?) THEN 1 ELSE 0 END";
            answered = "jsonb_typeof(s.answers -> ?) = 'array'";
        } else {
            value = "CASE WHEN s.answers ->> ? = ? THEN 1 ELSE 0 END";
            answered = "jsonb_typeof(s.answers -> ?) = 'string'";
        }
        String sql = "SELECT to_char(date_trunc('" + unit.sql() + "', s.submitted_at AT TIME ZONE '"
                + StoryFilter.ZONE.getId() + "'), 'YYYY-MM-DD'), "
                + (inFocus == null ? "FALSE" : "(" + inFocus.sql() + ")") + ", " + value + ", count(*) FROM story s "
                + "WHERE " + where.sql() + " AND " + answered + " GROUP BY 1, 2, 3";
        Map<String, Map<Boolean, long[]>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int next = 1;
            if (inFocus != null) {
                next = inFocus.bind(c, ps, next);
            }
            ps.setString(next++, q.id());
            if (!slider) {
                ps.setString(next++, indicator.option());
            }
            next = where.bind(c, ps, next);
            ps.setString(next, q.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int v = rs.getInt(3);
                    if (v < 0 || v > 100) {
                        continue; // not an answer the rules allow; it cannot be stored, but never index outside
                    }
                    out.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                                    .computeIfAbsent(rs.getBoolean(2), k -> new long[slider ? 101 : 2])[v] +=
                            rs.getLong(4);
                }
            }
        }
        return out;
    }

    /** Quarters or months, in Dutch time. */
    enum Period {
        QUARTER(3),
        MONTH(1);

        private final int months;

        Period(int months) {
            this.months = months;
        }

        static Period of(String interval) {
            return interval.equals("month") ? MONTH : QUARTER;
        }

        String sql() {
            return this == MONTH ? "month" : "quarter";
        }

        /** The first day of the period that holds the day. */
        LocalDate startOf(LocalDate day) {
            int first = (day.getMonthValue() - 1) / months * months + 1;
            return LocalDate.of(day.getYear(), first, 1);
        }

        /** The first day of the period before the one that starts on {@code start}. */
        LocalDate previous(LocalDate start) {
            return start.minusMonths(months);
        }

        LocalDate end(LocalDate start) {
            return start.plusMonths(months).minusDays(1);
        }

        /** "2026-Q4" or "2026-11". */
        String label(LocalDate start) {
            return this == MONTH
                    ? String.format("%d-%02d", start.getYear(), start.getMonthValue())
                    : start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
        }

        /**
         * Every period from the first to the last: from the period of {@code from} (else the first with stories) to
         * that of {@code to} (else the last with stories), without gaps.
         */
        List<LocalDate> span(TreeSet<LocalDate> seen, LocalDate from, LocalDate to) {
            LocalDate first = from != null ? startOf(from) : seen.isEmpty() ? null : seen.first();
            LocalDate last = to != null ? startOf(to) : seen.isEmpty() ? null : seen.last();
            List<LocalDate> out = new ArrayList<>();
            if (first == null || last == null) {
                return out;
            }
            for (LocalDate d = first; !d.isAfter(last); d = d.plusMonths(months)) {
                out.add(d);
            }
            return out;
        }
    }
}
