package nl.vertelpunt.storypoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.vertelpunt.storypoint.definition.DefinitionValidator;
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
    private final DefinitionCompatibility compatibility;
    private final StoryPointModules modules;

    StoryPointService(
            EntityManager em,
            Definitions definitions,
            Access access,
            DefinitionCompatibility compatibility,
            StoryPointModules modules) {
        this.em = em;
        this.definitions = definitions;
        this.access = access;
        this.compatibility = compatibility;
        this.modules = modules;
    }

    /**
     * Validates and publishes a definition, with the questions of the modules it includes written out and their
     * versions pinned ({@link StoryPointModules}). Unchanged definitions change nothing. While no story
     * refers to the current version it is rewritten in place; otherwise a new version is made. Answers
     * already given keep their meaning: see {@link DefinitionCompatibility}.
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
        StoryPointDefinition definition = definitions.fromValidated(modules.expand((ObjectNode) document));
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
        compatibility.check(point.id, definition);
        if (current.hasStories()) {
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

    private void lockExclusive(long storyPointId) {
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(?1, ?2)) l")
                .setParameter(1, LOCK_NAMESPACE)
                .setParameter(2, (int) storyPointId)
                .getSingleResult();
    }
}
