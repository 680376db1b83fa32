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
import java.util.function.BinaryOperator;
import nl.vertelpunt.storypoint.definition.Question;
import nl.vertelpunt.storypoint.definition.QuestionType;
import nl.vertelpunt.storypoint.definition.StonesAxis;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import nl.vertelpunt.web.Dates;
import nl.vertelpunt.web.FieldError;
import nl.vertelpunt.web.Texts;

/**
 * Which stories of a story point to look at: a period (dates in Dutch time, both ends included),
 * roles, channels, answers to choice questions (a story matches when its answer is one of the listed
 * options; for a multichoice question, when it chose any of them), ranges of slider answers
 * ({@code [from, to]}, both included; also of an axis of a stones item, {@code steun:familie:x}), the story's
 * length in words ({@code minWords} and {@code maxWords}, both included: a story short enough to read aloud at a
 * table) and words it contains ({@code contains}, read as the search reads its words: Dutch stems, a compound found
 * by its parts, {@code "a phrase"}, {@code or}, {@code -not}; the words of a story's title count too). Only complete
 * stories count unless {@code includeIncomplete} is true.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record StoryFilter(
        LocalDate from,
        LocalDate to,
        List<String> roles,
        List<String> channels,
        Map<String, List<String>> answers,
        Map<String, List<Integer>> ranges,
        Boolean includeIncomplete,
        Integer minWords,
        Integer maxWords,
        String contains) {

    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    /** The longest {@code contains}, as for a search. */
    public static final int MAX_CONTAINS = 200;
    /** The largest word count a filter may name (a story has at most a few thousand words). */
    public static final int MAX_WORDS = 100_000;

    public StoryFilter {
        roles = roles == null ? List.of() : List.copyOf(roles);
        channels = channels == null ? List.of() : List.copyOf(channels);
        answers = answers == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(answers));
        ranges = ranges == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(ranges));
    }

    public static StoryFilter all() {
        return new StoryFilter(null, null, null, null, null, null, null, null, null, null);
    }

    /** The stories of a period (either end may be null: open). */
    public static StoryFilter period(LocalDate from, LocalDate to) {
        return new StoryFilter(from, to, null, null, null, null, null, null, null, null);
    }

    /** This filter with {@code includeIncomplete} set. */
    public StoryFilter withIncomplete(Boolean include) {
        return new StoryFilter(from, to, roles, channels, answers, ranges, include, minWords, maxWords, contains);
    }

    /** This filter with other choice conditions (every other field kept). */
    public StoryFilter withAnswers(Map<String, List<String>> other) {
        return new StoryFilter(
                from, to, roles, channels, other, ranges, includeIncomplete, minWords, maxWords, contains);
    }

    /** This filter with other slider ranges (every other field kept). */
    public StoryFilter withRanges(Map<String, List<Integer>> other) {
        return new StoryFilter(
                from, to, roles, channels, answers, other, includeIncomplete, minWords, maxWords, contains);
    }

    /**
     * This filter narrowed further by another: both must hold (list fields of {@code other} replace this one's, the
     * word counts narrow, and both filters' words must be contained).
     */
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
                other.includeIncomplete != null ? other.includeIncomplete : includeIncomplete,
                narrower(minWords, other.minWords, Math::max),
                narrower(maxWords, other.maxWords, Math::min),
                contains == null
                        ? other.contains
                        : other.contains == null ? contains : contains + " " + other.contains);
    }

    private static Integer narrower(Integer a, Integer b, BinaryOperator<Integer> pick) {
        return a == null ? b : b == null ? a : pick.apply(a, b);
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
        words(minWords, prefix + "minWords", errors);
        words(maxWords, prefix + "maxWords", errors);
        if (minWords != null && maxWords != null && maxWords < minWords) {
            errors.add(new FieldError(prefix + "maxWords", "is less than minWords"));
        }
        if (contains != null) {
            if (contains.length() > MAX_CONTAINS) {
                errors.add(new FieldError(prefix + "contains", "is longer than " + MAX_CONTAINS + " characters"));
            } else if (Texts.isBlank(contains) || contains.codePoints().noneMatch(Character::isLetterOrDigit)) {
                errors.add(new FieldError(prefix + "contains", "must hold at least one word"));
            }
        }
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

    private static void words(Integer count, String field, List<FieldError> errors) {
        if (count != null && (count < 0 || count > MAX_WORDS)) {
            errors.add(new FieldError(field, "must be from 0 to " + MAX_WORDS));
        }
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
        if (minWords != null) {
            sql.append(" AND s.word_count >= ?");
            params.add(minWords);
        }
        if (maxWords != null) {
            sql.append(" AND s.word_count <= ?");
            params.add(maxWords);
        }
        if (contains != null) {
            // as a sub-select the words become a query once, not once per story; the index on search can use it
            sql.append(" AND s.search @@ (SELECT websearch_to_tsquery('dutch', ?))");
            params.add(contains);
        }
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
