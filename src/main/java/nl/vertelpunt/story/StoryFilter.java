package nl.vertelpunt.story;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.vertelpunt.storypoint.definition.Question;
import nl.vertelpunt.storypoint.definition.QuestionType;
import nl.vertelpunt.storypoint.definition.StonesAxis;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import nl.vertelpunt.web.Dates;
import nl.vertelpunt.web.FieldError;

/**
 * Which stories of a story point to look at: a period (dates in Dutch time, both ends included),
 * roles, channels, answers to choice questions (a story matches when its answer is one of the listed
 * options; for a multichoice question, when it chose any of them), and ranges of slider answers
 * ({@code [from, to]}, both included), also of an axis of a stones item ({@code steun:familie:x}). Only complete stories count unless {@code includeIncomplete} is true.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record StoryFilter(
        LocalDate from,
        LocalDate to,
        List<String> roles,
        List<String> channels,
        Map<String, List<String>> answers,
        Map<String, List<Integer>> ranges,
        Boolean includeIncomplete) {

    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    public StoryFilter {
        roles = roles == null ? List.of() : List.copyOf(roles);
        channels = channels == null ? List.of() : List.copyOf(channels);
        answers = answers == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(answers));
        ranges = ranges == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(ranges));
    }

    public static StoryFilter all() {
        return new StoryFilter(null, null, null, null, null, null, null);
    }

    /** This filter narrowed further by another: both must hold (list fields of {@code other} replace this one's). */
    public StoryFilter and(StoryFilter other) {
        Map<String, List<String>> a = new TreeMap<>(answers);
        a.putAll(other.answers);
        Map<String, List<Integer>> r = new TreeMap<>(ranges);
        r.putAll(other.ranges);
        return new StoryFilter(
                other.from != null ? other.from : from,
                other.to != null ? other.to : to,
                other.roles.isEmpty() ? roles : other.roles,
                other.channels.isEmpty() ? channels : other.channels,
                a,
                r,
                other.includeIncomplete != null ? other.includeIncomplete : includeIncomplete);
    }

    public boolean complete() {
        return !Boolean.TRUE.equals(includeIncomplete);
    }

    /** Every way in which the filter does not fit the story point, with {@code prefix} before each field. */
    public List<FieldError> check(StoryPointDefinition definition, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (from != null && Dates.outOfRange(from) != null) {
            errors.add(new FieldError(prefix + "from", Dates.outOfRange(from)));
        }
        if (to != null && Dates.outOfRange(to) != null) {
            errors.add(new FieldError(prefix + "to", Dates.outOfRange(to)));
        }
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new FieldError(prefix + "to", "is before 'from'"));
        }
        for (int i = 0; i < roles.size(); i++) {
            if (!definition.hasRole(roles.get(i))) {
                errors.add(new FieldError(
                        prefix + "roles[" + i + "]", "'" + roles.get(i) + "' is not a role of this story point"));
            }
        }
        for (int i = 0; i < channels.size(); i++) {
            if (Channel.fromId(channels.get(i)).isEmpty()) {
                errors.add(new FieldError(
                        prefix + "channels[" + i + "]",
                        "'" + channels.get(i) + "' is not one of online, verteltafel, papier, import"));
            }
        }
        answers.forEach((questionId, options) -> {
            String field = prefix + "answers." + questionId;
            Question q = definition.question(questionId).orElse(null);
            if (q == null) {
                errors.add(new FieldError(field, "is not a question of this story point"));
            } else if (q.type() != QuestionType.CHOICE && q.type() != QuestionType.MULTICHOICE) {
                errors.add(
                        new FieldError(field, "is a " + q.type().id() + " question; only choice answers can filter"));
            } else if (options == null || options.isEmpty()) {
                errors.add(new FieldError(field, "must list at least one option"));
            } else {
                for (int i = 0; i < options.size(); i++) {
                    if (q.option(options.get(i)).isEmpty()) {
                        errors.add(new FieldError(
                                field + "[" + i + "]", "'" + options.get(i) + "' is not an option of this question"));
                    }
                }
            }
        });
        ranges.forEach((questionId, range) -> {
            String field = prefix + "ranges." + questionId;
            // an axis of an item of a stones question ("steun:familie:x") has ranges as a slider has
            Question q = StonesAxis.parse(questionId, definition)
                    .map(StonesAxis::asSlider)
                    .or(() -> definition.question(questionId))
                    .orElse(null);
            if (q == null) {
                errors.add(new FieldError(field, "is not a question of this story point"));
            } else if (q.type() != QuestionType.SLIDER) {
                errors.add(new FieldError(field, "is a " + q.type().id() + " question; only sliders have ranges"));
            } else if (range == null
                    || range.size() != 2
                    || range.get(0) == null
                    || range.get(1) == null
                    || range.get(0) < 0
                    || range.get(1) > 100
                    || range.get(0) > range.get(1)) {
                errors.add(new FieldError(field, "must be [from, to] with 0 <= from <= to <= 100"));
            }
        });
        return errors;
    }

    /**
     * The SQL condition on table alias {@code s} for this filter, and a binder for its parameters.
     * The condition starts with {@code s.story_point_id = ?}. Hidden stories never match: they take part
     * in no analysis and no export.
     */
    public Condition condition(long storyPointId, StoryPointDefinition definition) {
        return condition(storyPointId, definition, false);
    }

    /** As {@link #condition(long, StoryPointDefinition)}; moderators may include hidden stories. */
    public Condition condition(long storyPointId, StoryPointDefinition definition, boolean includeHidden) {
        List<Object> params = new ArrayList<>();
        params.add(storyPointId);
        return condition(new StringBuilder("s.story_point_id = ?"), params, definition, includeHidden);
    }

    /**
     * As {@link #condition(long, StoryPointDefinition)} for the stories of several story points (a question module
     * across the story points that include it); {@code definition} must know every question the filter names. With no
     * story points at all, no story matches.
     */
    public Condition condition(List<Long> storyPointIds, StoryPointDefinition definition) {
        if (storyPointIds.isEmpty()) {
            return new Condition("FALSE", List.of());
        }
        List<Object> params = new ArrayList<>(storyPointIds);
        StringBuilder sql = new StringBuilder("s.story_point_id IN (")
                .append(String.join(", ", Collections.nCopies(storyPointIds.size(), "?")))
                .append(')');
        return condition(sql, params, definition, false);
    }

    private Condition condition(
            StringBuilder sql, List<Object> params, StoryPointDefinition definition, boolean includeHidden) {
        if (!includeHidden) {
            sql.append(" AND NOT s.hidden");
        }
        if (complete()) {
            sql.append(" AND s.complete");
        }
        if (from != null) {
            sql.append(" AND s.submitted_at >= ?");
            params.add(from.atStartOfDay(ZONE).toOffsetDateTime());
        }
        if (to != null) {
            sql.append(" AND s.submitted_at < ?");
            params.add(to.plusDays(1).atStartOfDay(ZONE).toOffsetDateTime());
        }
        if (!roles.isEmpty()) {
            sql.append(" AND s.role = ANY (?)");
            params.add(new TextArray(roles));
        }
        if (!channels.isEmpty()) {
            sql.append(" AND s.channel = ANY (?)");
            params.add(new TextArray(channels));
        }
        answers.forEach((questionId, options) -> {
            boolean multi = definition
                    .question(questionId)
                    .map(q -> q.type() == QuestionType.MULTICHOICE)
                    .orElse(false);
            sql.append(multi ? " AND jsonb_exists_any(s.answers -> ?, ?)" : " AND s.answers ->> ? = ANY (?)");
            params.add(questionId);
            params.add(new TextArray(options));
        });
        ranges.forEach((questionId, range) -> {
            // slider answers are JSON numbers; "NA" and missing answers never fall in a range
            Optional<StonesAxis> axis = StonesAxis.parse(questionId, definition);
            if (axis.isPresent()) {
                // the item's [x, y] in the stones answer; an item left off or "NA" has no number there
                sql.append(" AND jsonb_typeof(s.answers -> ? -> ? -> ?) = 'number'"
                        + " AND (s.answers -> ? -> ? ->> ?)::int BETWEEN ? AND ?");
                for (int i = 0; i < 2; i++) {
                    params.add(axis.get().question().id());
                    params.add(axis.get().item().id());
                    params.add(axis.get().index());
                }
            } else {
                sql.append(" AND jsonb_typeof(s.answers -> ?) = 'number' AND (s.answers ->> ?)::int BETWEEN ? AND ?");
                params.add(questionId);
                params.add(questionId);
            }
            params.add(range.get(0));
            params.add(range.get(1));
        });
        return new Condition(sql.toString(), List.copyOf(params));
    }

    /** A text[] parameter. */
    record TextArray(List<String> values) {}

    /** A WHERE condition with its parameters in order. */
    public record Condition(String sql, List<Object> params) {

        /** Binds the parameters starting at position {@code first}; returns the next free position. */
        public int bind(Connection c, PreparedStatement ps, int first) throws SQLException {
            int i = first;
            for (Object p : params) {
                if (p instanceof TextArray a) {
                    Array array = c.createArrayOf("text", a.values().toArray());
                    ps.setArray(i++, array);
                } else {
                    ps.setObject(i++, p);
                }
            }
            return i;
        }
    }
}
