package nl.vertelpunt.storypoint;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.vertelpunt.storypoint.definition.DefinitionValidator;
import nl.vertelpunt.storypoint.definition.ModuleDefinition;
import nl.vertelpunt.web.FieldError;
import nl.vertelpunt.web.ProblemException;

/**
 * Publishes question modules as versions and reads them back. A module's questions are written out in the story
 * points that include it ({@link StoryPointModules}), so stories, exports and analysis see ordinary questions; a
 * module version therefore never changes once a story point includes it, and answers keep their meaning across its
 * versions by the same rules as a story point's ({@link DefinitionCompatibility}).
 */
@ApplicationScoped
@Transactional
public class ModuleService {

    /** Namespace of the advisory locks that keep a module still while it is published. */
    static final int LOCK_NAMESPACE = 1002;

    /** The outcome of a publish: the version now current, and whether anything changed. */
    public record Published(String id, int version, int revision, boolean created, boolean changed) {}

    /** A version as the API shows it, with the story points whose current version includes the module. */
    public record ModuleView(
            String id,
            int version,
            int revision,
            Instant publishedAt,
            ModuleDefinition definition,
            List<String> includedBy) {}

    private final EntityManager em;
    private final Definitions definitions;
    private final DefinitionCompatibility compatibility;

    ModuleService(EntityManager em, Definitions definitions, DefinitionCompatibility compatibility) {
        this.em = em;
        this.definitions = definitions;
        this.compatibility = compatibility;
    }

    /**
     * Validates and publishes a module. An unchanged module changes nothing. While no story point includes the
     * current version it is rewritten in place; otherwise a change makes a new version.
     */
    public Published publish(String id, JsonNode document) {
        List<FieldError> errors = new ArrayList<>(DefinitionValidator.validateModule(document));
        if (errors.isEmpty() && !document.path("id").asText().equals(id)) {
            errors.add(new FieldError(
                    "id", "'" + document.path("id").asText() + "' differs from the id in the address, '" + id + "'"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        ModuleDefinition definition = definitions.moduleFromValidated(document);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        lock(id);
        QuestionModule module = QuestionModule.findById(id);
        if (module == null) {
            module = new QuestionModule();
            module.id = id;
            module.createdAt = now;
            module.persist();
            module.currentVersionId = newVersion(id, 1, definition, now).id;
            Log.infof("Module %s: published version 1", id);
            return new Published(id, 1, 1, true, true);
        }
        QuestionModuleVersion current = QuestionModuleVersion.findById(module.currentVersionId);
        if (definitions.parseModule(current.definition).equals(definition)) {
            return new Published(id, current.version, current.revision, false, false);
        }
        compatibility.checkModule(id, definition.questions());
        if (isIncluded(id, current.version)) {
            QuestionModuleVersion next = newVersion(id, current.version + 1, definition, now);
            module.currentVersionId = next.id;
            Log.infof("Module %s: published version %d", id, next.version);
            return new Published(id, next.version, 1, false, true);
        }
        current.definition = definitions.canonical(definition);
        current.revision++;
        current.publishedAt = now;
        Log.infof(
                "Module %s: version %d rewritten (revision %d, in no story point yet)",
                id, current.version, current.revision);
        return new Published(id, current.version, current.revision, false, true);
    }

    /**
     * Publishes a module only when none has its id yet (the samples that ship with the application: a module changed
     * since is left as it is); empty when one exists.
     */
    public Optional<Published> publishIfNew(String id, JsonNode document) {
        lock(id);
        if (QuestionModule.findById(id) != null) {
            return Optional.empty();
        }
        return Optional.of(publish(id, document));
    }

    /** The current version of a module, or 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ModuleView current(String id) {
        QuestionModule module = find(id, "id");
        return view(QuestionModuleVersion.findById(module.currentVersionId));
    }

    /** Every version of a module, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ModuleView> versions(String id) {
        find(id, "id");
        return QuestionModuleVersion.listFor(id).stream().map(this::view).toList();
    }

    /** The current version of every module, by id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ModuleView> all() {
        List<QuestionModule> modules = QuestionModule.list("order by id");
        return modules.stream()
                .map(m -> view(QuestionModuleVersion.findById(m.currentVersionId)))
                .toList();
    }

    /** A module's version: the one asked for, or the current one when {@code version} is null. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<QuestionModuleVersion> resolve(String id, Integer version) {
        QuestionModule module = QuestionModule.findById(id);
        if (module == null) {
            return Optional.empty();
        }
        return version == null
                ? Optional.of(QuestionModuleVersion.findById(module.currentVersionId))
                : QuestionModuleVersion.findVersion(id, version);
    }

    /** The module with this id, or 404 naming {@code field}. */
    QuestionModule find(String id, String field) {
        QuestionModule module = QuestionModule.findById(id);
        if (module == null) {
            String message = "there is no module '" + id + "'";
            throw new ProblemException(
                    404, "Not found", field + ": " + message, List.of(new FieldError(field, message)));
        }
        return module;
    }

    /** Whether a story point version includes this module version. */
    private boolean isIncluded(String id, int version) {
        return !em.createNativeQuery(
                        "SELECT 1 FROM story_point_version WHERE definition -> 'modules' @> CAST(?1 AS jsonb) LIMIT 1")
                .setParameter(1, DefinitionCompatibility.modulePattern(id, version))
                .getResultList()
                .isEmpty();
    }

    private ModuleView view(QuestionModuleVersion v) {
        @SuppressWarnings("unchecked")
        List<String> slugs = em.createNativeQuery("""
                        SELECT p.slug FROM story_point p JOIN story_point_version v ON v.id = p.current_version_id
                        WHERE v.definition -> 'modules' @> CAST(?1 AS jsonb) ORDER BY p.slug""")
                .setParameter(1, DefinitionCompatibility.modulePattern(v.moduleId, v.version))
                .getResultList();
        return new ModuleView(
                v.moduleId, v.version, v.revision, v.publishedAt, definitions.parseModule(v.definition), slugs);
    }

    private QuestionModuleVersion newVersion(String id, int number, ModuleDefinition definition, Instant now) {
        QuestionModuleVersion v = new QuestionModuleVersion();
        v.moduleId = id;
        v.version = number;
        v.revision = 1;
        v.definition = definitions.canonical(definition);
        v.publishedAt = now;
        v.persist();
        return v;
    }

    /** Keeps a module still until the transaction ends (publishing it, or a story point that includes it). */
    void lock(String id) {
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(?1, hashtext(?2))) l")
                .setParameter(1, LOCK_NAMESPACE)
                .setParameter(2, id)
                .getSingleResult();
    }
}
