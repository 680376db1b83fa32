package nl.vertelpunt.storypoint;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.vertelpunt.storypoint.definition.DefinitionValidator;
import nl.vertelpunt.storypoint.definition.Option;
import nl.vertelpunt.storypoint.definition.Question;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import nl.vertelpunt.user.Access;
import nl.vertelpunt.user.StaffRole;
import nl.vertelpunt.web.FieldError;
import nl.vertelpunt.web.ProblemException;

/** Publishes story point definitions as versions and reads them back. */
@ApplicationScoped
@Transactional
public class StoryPointService {

    /** Namespace of the advisory locks that keep a definition still while stories are stored against it. */
    static final int LOCK_NAMESPACE = 1001;

    /** The outcome of a publish: the version now current, and whether anything changed. */
    public record Published(String slug, int version, int revision, boolean created, boolean changed) {}

    /** A version as the API shows it. */
    public record VersionView(
            String slug, int version, int revision, Instant publishedAt, StoryPointDefinition definition) {}

    private final EntityManager em;
    private final Definitions definitions;
    private final Access access;

    StoryPointService(EntityManager em, Definitions definitions, Access access) {
        this.em = em;
        this.definitions = definitions;
        this.access = access;
    }

    /**
     * Validates and publishes a definition. Unchanged definitions change nothing. While no story
     * refers to the current version it is rewritten in place; otherwise a new version is made. Answers
     * already given keep their meaning: see {@link #checkCompatible}.
     */
    public Published publish(String slug, JsonNode document) {
        List<FieldError> errors = new ArrayList<>(DefinitionValidator.validate(document));
        JsonNode docSlug = document.path("slug");
        if (errors.isEmpty() && !docSlug.asText().equals(slug)) {
            errors.add(new FieldError(
                    "slug", "'" + docSlug.asText() + "' differs from the slug in the address, '" + slug + "'"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        StoryPointDefinition definition = definitions.fromValidated(document);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        Optional<StoryPoint> existing = StoryPoint.findBySlug(slug);
        if (existing.isEmpty()) {
            StoryPoint point = new StoryPoint();
            point.slug = slug;
            point.createdAt = now;
            point.persist();
            StoryPointVersion first = newVersion(point.id, 1, definition, now);
            point.currentVersionId = first.id;
            return new Published(slug, 1, 1, true, true);
        }
        StoryPoint point = existing.get();
        lockExclusive(point.id);
        StoryPointVersion current = StoryPointVersion.findById(point.currentVersionId);
        if (definitions.parse(current.definition).equals(definition)) {
            return new Published(slug, current.version, current.revision, false, false);
        }
        checkCompatible(point.id, definition);
        if (hasStories(current.id)) {
            StoryPointVersion next = newVersion(point.id, current.version + 1, definition, now);
            point.currentVersionId = next.id;
            Log.infof("Story point %s: published version %d", slug, next.version);
            return new Published(slug, next.version, 1, false, true);
        }
        current.definition = definitions.canonical(definition);
        current.revision++;
        current.publishedAt = now;
        Log.infof(
                "Story point %s: version %d rewritten (revision %d, no stories yet)",
                slug, current.version, current.revision);
        return new Published(slug, current.version, current.revision, false, true);
    }

    /**
     * Publishes a definition only when no story point has its slug yet (the samples that ship with the application: a
     * story point changed since is left as it is); empty when one exists.
     */
    public Optional<Published> publishIfNew(String slug, JsonNode document) {
        if (StoryPoint.findBySlug(slug).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(publish(slug, document));
    }

    /** The current version of a story point. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public VersionView current(String slug) {
        StoryPoint point = find(slug);
        return view(point, StoryPointVersion.findById(point.currentVersionId));
    }

    /** Every version of a story point, oldest first (staff of that story point). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<VersionView> versions(String slug) {
        StoryPoint point = find(slug);
        access.require(point, StaffRole.ANALYST, StaffRole.FACILITATOR);
        return StoryPointVersion.listFor(point.id).stream()
                .map(v -> view(point, v))
                .toList();
    }

    /** The current versions of the story points the signed-in user may see. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<VersionView> visible() {
        List<StoryPoint> points = StoryPoint.list("order by slug");
        return points.stream()
                .filter(access::canSee)
                .map(p -> view(p, StoryPointVersion.findById(p.currentVersionId)))
                .toList();
    }

    /** The story point with this slug (from the address), or 404 naming {@code slug}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public StoryPoint find(String slug) {
        return find(slug, "slug");
    }

    /** The story point with this slug, or 404 naming {@code field}, where the request gave the slug. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public StoryPoint find(String slug, String field) {
        return StoryPoint.findBySlug(slug).orElseThrow(() -> unknown(slug, field));
    }

    /** The refusal of a slug that names no story point: 404, naming the field that held it. */
    public static ProblemException unknown(String slug, String field) {
        String message = "there is no story point '" + slug + "'";
        return new ProblemException(404, "Not found", field + ": " + message, List.of(new FieldError(field, message)));
    }

    /**
     * Every question id ever published for a story point with its latest definition, current version's
     * questions first in questionnaire order, then questions that only older versions have.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Question> allQuestions(StoryPoint point) {
        Map<String, Question> byId = new LinkedHashMap<>();
        StoryPointVersion current = StoryPointVersion.findById(point.currentVersionId);
        definitions.parse(current.definition).questions().forEach(q -> byId.put(q.id(), q));
        List<StoryPointVersion> versions = new ArrayList<>(StoryPointVersion.listFor(point.id));
        Collections.reverse(versions);
        for (StoryPointVersion v : versions) {
            definitions.parse(v.definition).questions().forEach(q -> byId.putIfAbsent(q.id(), q));
        }
        return List.copyOf(byId.values());
    }

    private VersionView view(StoryPoint point, StoryPointVersion v) {
        return new VersionView(
                point.slug,
                v.version,
                v.revision,
                v.publishedAt,
                definitions.get(v.id, v.revision, () -> v.definition));
    }

    private StoryPointVersion newVersion(long storyPointId, int number, StoryPointDefinition definition, Instant now) {
        StoryPointVersion v = new StoryPointVersion();
        v.storyPointId = storyPointId;
        v.version = number;
        v.revision = 1;
        v.definition = definitions.canonical(definition);
        v.publishedAt = now;
        v.persist();
        return v;
    }

    /**
     * Refuses (409) a definition that would change the meaning of answers already given, against every
     * version that has stories: a question id keeps its type; an option that stories chose stays (it may
     * be retired); "not applicable" stays allowed while stories answered it; a slider's poles are not
     * swapped and a triad's corners not reordered while stories answered it.
     */
    private void checkCompatible(long storyPointId, StoryPointDefinition next) {
        List<FieldError> errors = new ArrayList<>();
        // what the new definition would drop, by question id; answers are read only for these
        Map<String, Set<Loss>> losses = new LinkedHashMap<>();
        for (StoryPointVersion old : StoryPointVersion.listFor(storyPointId)) {
            if (!hasStories(old.id)) {
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

    private boolean hasStories(long versionId) {
        return !em.createNativeQuery("SELECT 1 FROM story WHERE version_id = ?1 LIMIT 1")
                .setParameter(1, versionId)
                .getResultList()
                .isEmpty();
    }

    private void lockExclusive(long storyPointId) {
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(?1, ?2)) l")
                .setParameter(1, LOCK_NAMESPACE)
                .setParameter(2, (int) storyPointId)
                .getSingleResult();
    }
}
