package nl.vertelpunt.storypoint;

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
        List<FieldError> errors = new ArrayList<>();
        // what the new definition would drop, by question id; answers are read only for these
        Map<String, Set<Loss>> losses = new LinkedHashMap<>();
        for (StoryPointVersion old : StoryPointVersion.listFor(storyPointId)) {
            if (!old.hasStories()) {
                continue;
            }
            StoryPointDefinition before = definitions.parse(old.definition);
            for (int i = 0; i < next.questions().size(); i++) {
                Question q = next.questions().get(i);
                String path = "questions[" + i + "]";
                Optional<Question> earlier = before.question(q.id());
                if (earlier.isEmpty()) {
                    continue;
                }
                Question b = earlier.get();
                if (b.type() != q.type()) {
                    errors.add(
                            new FieldError(
                                    path + ".type",
                                    "question '" + q.id() + "' is a " + b.type().id() + " in version " + old.version
                                            + ", which has stories; its type cannot change. Give the new question another id."));
                    continue;
                }
                losses.computeIfAbsent(q.id(), k -> new LinkedHashSet<>()).addAll(Loss.between(b, q, path));
            }
        }
        losses.values().removeIf(Set::isEmpty);
        if (errors.isEmpty() && !losses.isEmpty()) {
            Map<String, Set<String>> used = answerTokens(storyPointId, losses.keySet());
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
                    if (!before.left().in("nl").equals(before.right().in("nl"))
                            && before.left().in("nl").equals(next.right().in("nl"))
                            && before.right().in("nl").equals(next.left().in("nl"))) {
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
                case TEXT -> {
                    // a text keeps its meaning
                }
            }
            return losses;
        }

        /** The conflict, if stories gave the lost answer ({@code token}; null: any answer to the question). */
        Optional<FieldError> check(Set<String> answered) {
            boolean matters = token == null ? !answered.isEmpty() : answered.contains(token);
            return matters ? Optional.of(new FieldError(field, message)) : Optional.empty();
        }
    }

    /**
     * The distinct answer tokens stories of a story point gave to some questions: a choice's option id, each
     * option id of a multichoice, a slider's value or "NA", each share of a triad.
     */
    private Map<String, Set<String>> answerTokens(long storyPointId, Set<String> questionIds) {
        String sql = """
                SELECT DISTINCT e.key, t.token
                FROM story s
                CROSS JOIN LATERAL jsonb_each(s.answers) e
                CROSS JOIN LATERAL jsonb_array_elements_text(CASE WHEN jsonb_typeof(e.value) = 'array' THEN e.value
                                                                  ELSE jsonb_build_array(e.value #>> '{}') END) t(token)
                WHERE s.story_point_id = ?1 AND e.key IN (?2)""";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql)
                .setParameter(1, storyPointId)
                .setParameter(2, List.copyOf(questionIds))
                .getResultList();
        Map<String, Set<String>> tokens = new HashMap<>();
        for (Object[] row : rows) {
            tokens.computeIfAbsent((String) row[0], k -> new HashSet<>()).add((String) row[1]);
        }
        return tokens;
    }
}
