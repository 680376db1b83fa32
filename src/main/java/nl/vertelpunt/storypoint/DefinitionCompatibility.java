package nl.vertelpunt.storypoint;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import nl.vertelpunt.storypoint.definition.LocalizedText;
import nl.vertelpunt.storypoint.definition.Option;
import nl.vertelpunt.storypoint.definition.Question;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import nl.vertelpunt.web.FieldError;
import nl.vertelpunt.web.ProblemException;

/**
 * Whether a new definition keeps the meaning of the answers already given, against every version of the story
 * point that has stories: a question keeps its type, chosen options stay, "not applicable" stays allowed while
 * stories answered it, and poles and corners keep their order while stories answered them.
 */
@ApplicationScoped
class DefinitionCompatibility {

    private final EntityManager em;
    private final Definitions definitions;

    DefinitionCompatibility(EntityManager em, Definitions definitions) {
        this.em = em;
        this.definitions = definitions;
    }

    /**
     * Refuses (409) a definition that would change the meaning of answers already given, against every
     * version that has stories: a question id keeps its type; an option that stories chose stays (it may
     * be retired); "not applicable" stays allowed while stories answered it; a slider's poles are not
     * swapped and a triad's corners not reordered while stories answered it.
     */
    void check(long storyPointId, StoryPointDefinition next) {
        List<Earlier> earlier = new ArrayList<>();
        for (StoryPointVersion old : StoryPointVersion.listFor(storyPointId)) {
            if (old.hasStories()) {
                earlier.add(new Earlier("version " + old.version, definitions.parse(old.definition)::question));
            }
        }
        compare(earlier, next.questions(), ids -> answerTokens(POINT_ANSWERS, storyPointId, ids));
    }

    /**
     * The same rules for a new version of a question module, against every version of it that stories answered (at
     * any story point that includes it): its questions' answers keep their meaning wherever they were given.
     */
    void checkModule(String moduleId, List<Question> next) {
        List<Earlier> earlier = new ArrayList<>();
        for (QuestionModuleVersion old : QuestionModuleVersion.listFor(moduleId)) {
            if (moduleVersionHasStories(moduleId, old.version)) {
                Map<String, Question> byId = new HashMap<>();
                definitions.parseModule(old.definition).questions().forEach(q -> byId.put(q.id(), q));
                earlier.add(new Earlier(
                        "version " + old.version + " of module '" + moduleId + "'",
                        id -> Optional.ofNullable(byId.get(id))));
            }
        }
        compare(earlier, next, ids -> answerTokens(MODULE_ANSWERS, modulePattern(moduleId, null), ids));
    }

    /** Whether stories answered a module version: stories of story point versions that include it. */
    boolean moduleVersionHasStories(String moduleId, int version) {
        return !em.createNativeQuery("""
                        SELECT 1 FROM story s JOIN story_point_version v ON v.id = s.version_id
                        WHERE v.definition -> 'modules' @> CAST(?1 AS jsonb) LIMIT 1""")
                .setParameter(1, modulePattern(moduleId, version))
                .getResultList()
                .isEmpty();
    }

    /** A JSON containment pattern for the story point versions that include a module (at a version). */
    static String modulePattern(String moduleId, Integer version) {
        ObjectNode use = JsonNodeFactory.instance.objectNode().put("id", moduleId);
        if (version != null) {
            use.put("version", version);
        }
        return JsonNodeFactory.instance.arrayNode().add(use).toString();
    }

    /** An earlier version that stories answered: how to name it, and its questions by id. */
    private record Earlier(String name, Function<String, Optional<Question>> question) {}

    private void compare(
            List<Earlier> earlier, List<Question> next, Function<Set<String>, Map<String, Set<String>>> tokens) {
        List<FieldError> errors = new ArrayList<>();
        // what the new definition would drop, by question id; answers are read only for these
        Map<String, Set<Loss>> losses = new LinkedHashMap<>();
        for (Earlier old : earlier) {
            for (int i = 0; i < next.size(); i++) {
                Question q = next.get(i);
                String path = "questions[" + i + "]";
                Optional<Question> before = old.question().apply(q.id());
                if (before.isEmpty()) {
                    continue;
                }
                Question b = before.get();
                if (b.type() != q.type()) {
                    errors.add(
                            new FieldError(
                                    path + ".type",
                                    "question '" + q.id() + "' is a " + b.type().id() + " in " + old.name()
                                            + ", which has stories; its type cannot change. Give the new question another id."));
                    continue;
                }
                losses.computeIfAbsent(q.id(), k -> new LinkedHashSet<>()).addAll(Loss.between(b, q, path));
            }
        }
        losses.values().removeIf(Set::isEmpty);
        if (errors.isEmpty() && !losses.isEmpty()) {
            Map<String, Set<String>> used = tokens.apply(losses.keySet());
            for (Set<Loss> list : losses.values()) {
                for (Loss loss : list) {
                    loss.check(used.getOrDefault(loss.questionId(), Set.of())).ifPresent(errors::add);
                }
            }
        }
        if (!errors.isEmpty()) {
            List<FieldError> distinct = errors.stream().distinct().toList();
            throw new ProblemException(
                    409,
                    "Conflict with stories already told",
                    distinct.size() == 1
                            ? distinct.get(0).field() + ": " + distinct.get(0).message()
                            : distinct.size() + " changes would change the meaning of stories already told; see errors",
                    distinct);
        }
    }

    /**
     * Something a question of the new definition no longer has that an older version with stories had: an
     * option, "not applicable", or the order of its poles or corners. It matters only if stories answered so.
     */
    private record Loss(String questionId, String field, String token, String message) {

        static List<Loss> between(Question before, Question next, String path) {
            List<Loss> losses = new ArrayList<>();
            String id = next.id();
            switch (next.type()) {
                case CHOICE, MULTICHOICE -> {
                    for (Option o : before.options()) {
                        if (next.option(o.id()).isEmpty()) {
                            losses.add(
                                    new Loss(
                                            id,
                                            path + ".options",
                                            o.id(),
                                            "option '" + o.id() + "' of question '" + id
                                                    + "' was chosen in stories already told; it cannot be removed. Keep it and mark it "
                                                    + "\"retired\": true instead: it is then no longer offered, but keeps its meaning."));
                        }
                    }
                }
                case SLIDER -> {
                    if (before.allowsNotApplicable() && !next.allowsNotApplicable()) {
                        losses.add(
                                new Loss(
                                        id,
                                        path + ".notApplicable",
                                        Question.NOT_APPLICABLE,
                                        "stories already told answered question '" + id
                                                + "' with \"not applicable\", so it must stay allowed; keep \"notApplicable\": true."));
                    }
                    if (swapped(before.left(), before.right(), next.left(), next.right())) {
                        losses.add(
                                new Loss(
                                        id,
                                        path + ".left",
                                        null,
                                        "the poles of question '" + id + "' are swapped, which would "
                                                + "turn the answers of stories already told around. Keep the order, or give the new question another id."));
                    }
                }
                case TRIAD -> {
                    List<String> was =
                            before.corners().stream().map(c -> c.in("nl")).toList();
                    List<String> now =
                            next.corners().stream().map(c -> c.in("nl")).toList();
                    if (!was.equals(now) && new HashSet<>(was).equals(new HashSet<>(now))) {
                        losses.add(new Loss(
                                id,
                                path + ".corners",
                                null,
                                "the corners of question '" + id + "' are in another "
                                        + "order, which would move the answers of stories already told. Keep the order, or give the new "
                                        + "question another id."));
                    }
                }
                case STONES -> {
                    for (Option item : before.items()) {
                        if (next.item(item.id()).isEmpty()) {
                            losses.add(
                                    new Loss(
                                            id,
                                            path + ".items",
                                            item.id(),
                                            "item '" + item.id() + "' of question '" + id
                                                    + "' was placed in stories already told; it cannot be removed. Keep it and mark it "
                                                    + "\"retired\": true instead: it is then no longer offered, but keeps its meaning."));
                        }
                    }
                    if (before.allowsNotApplicable() && !next.allowsNotApplicable()) {
                        losses.add(
                                new Loss(
                                        id,
                                        path + ".notApplicable",
                                        STONES_NOT_APPLICABLE,
                                        "stories already told marked items of question '" + id
                                                + "' \"not applicable\", so it must stay allowed; keep \"notApplicable\": true."));
                    }
                    boolean across = swapped(before.left(), before.right(), next.left(), next.right());
                    if (across || swapped(before.bottom(), before.top(), next.bottom(), next.top())) {
                        losses.add(
                                new Loss(
                                        id,
                                        path + (across ? ".left" : ".bottom"),
                                        null,
                                        "the poles of an axis of question '" + id + "' are swapped, which would "
                                                + "turn the places of stories already told around. Keep the order, or give the new question another id."));
                    }
                }
                case TEXT -> {
                    // a text keeps its meaning
                }
            }
            return losses;
        }

        /** Whether two poles changed places (in Dutch). */
        private static boolean swapped(
                LocalizedText low, LocalizedText high, LocalizedText nextLow, LocalizedText nextHigh) {
            return !low.in("nl").equals(high.in("nl"))
                    && low.in("nl").equals(nextHigh.in("nl"))
                    && high.in("nl").equals(nextLow.in("nl"));
        }

        /** The conflict, if stories gave the lost answer ({@code token}; null: any answer to the question). */
        Optional<FieldError> check(Set<String> answered) {
            boolean matters = token == null ? !answered.isEmpty() : answered.contains(token);
            return matters ? Optional.of(new FieldError(field, message)) : Optional.empty();
        }
    }

    /** The token of an item of a stones answer marked "not applicable". */
    static final String STONES_NOT_APPLICABLE = "/NA";

    private static final String ANSWER_TOKENS = """
            SELECT DISTINCT e.key, t.token
            FROM story s
            CROSS JOIN LATERAL jsonb_each(s.answers) e
            CROSS JOIN LATERAL jsonb_array_elements_text(CASE jsonb_typeof(e.value)
                WHEN 'array' THEN e.value
                WHEN 'object' THEN (SELECT jsonb_agg(i.key) FROM jsonb_each(e.value) i)
                                   || COALESCE((SELECT jsonb_agg(CAST('/NA' AS text)) FROM jsonb_each(e.value) i
                                                WHERE i.value = '"NA"'), CAST('[]' AS jsonb))
                ELSE jsonb_build_array(e.value #>> '{}') END) t(token)
            """;
    private static final String POINT_ANSWERS = ANSWER_TOKENS + "WHERE s.story_point_id = ?1 AND e.key IN (?2)";
    private static final String MODULE_ANSWERS = ANSWER_TOKENS + """
            JOIN story_point_version v ON v.id = s.version_id
            WHERE v.definition -> 'modules' @> CAST(?1 AS jsonb) AND e.key IN (?2)""";

    /**
     * The distinct answer tokens stories gave to some questions: a choice's option id, each option id of a
     * multichoice, a slider's value or "NA", each share of a triad; of stones each item given, and {@value
     * #STONES_NOT_APPLICABLE} when an item was marked "not applicable" (no id holds a slash). {@code sql} says which stories: those of a story
     * point, or those of every story point version that includes a module.
     */
    private Map<String, Set<String>> answerTokens(String sql, Object scope, Set<String> questionIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql)
                .setParameter(1, scope)
                .setParameter(2, List.copyOf(questionIds))
                .getResultList();
        Map<String, Set<String>> tokens = new HashMap<>();
        for (Object[] row : rows) {
            tokens.computeIfAbsent((String) row[0], k -> new HashSet<>()).add((String) row[1]);
        }
        return tokens;
    }
}
