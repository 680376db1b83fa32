package nl.vertelpunt.evaluation;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.vertelpunt.storypoint.Definitions;
import nl.vertelpunt.storypoint.ModuleService;
import nl.vertelpunt.storypoint.QuestionModuleVersion;
import nl.vertelpunt.storypoint.StoryPoint;
import nl.vertelpunt.storypoint.StoryPointService;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import nl.vertelpunt.user.Access;
import nl.vertelpunt.web.FieldError;
import nl.vertelpunt.web.ProblemException;

/**
 * Builds {@link EvaluationScope}s from the database: one story point, a question module across the story points that
 * include it (checked as a request gives it), or the scope a stored run was started with. Only
 * {@link #moduleFor} checks access; callers of the others do.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EvaluationScopes {

    private final StoryPointService storyPoints;
    private final ModuleService modules;
    private final Definitions definitions;
    private final EntityManager em;
    private final Access access;

    EvaluationScopes(
            StoryPointService storyPoints,
            ModuleService modules,
            Definitions definitions,
            EntityManager em,
            Access access) {
        this.access = access;
        this.storyPoints = storyPoints;
        this.modules = modules;
        this.definitions = definitions;
        this.em = em;
    }

    /** One story point, as its current definition. */
    public EvaluationScope storyPoint(StoryPoint point) {
        return EvaluationScope.storyPoint(point.id, current(point));
    }

    /** The story points whose current version includes the module (any version of it), by slug. */
    @SuppressWarnings("unchecked")
    public List<StoryPoint> including(String moduleId) {
        String pattern = JsonNodeFactory.instance
                .arrayNode()
                .add(JsonNodeFactory.instance.objectNode().put("id", moduleId))
                .toString();
        List<Number> ids = em.createNativeQuery("""
                        SELECT p.id FROM story_point p JOIN story_point_version v ON v.id = p.current_version_id
                        WHERE v.definition -> 'modules' @> CAST(?1 AS jsonb) ORDER BY p.slug""").setParameter(1, pattern).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return StoryPoint.list(
                "id in ?1 order by slug", ids.stream().map(Number::longValue).toList());
    }

    /**
     * A question module across the story points that include it: all of them (by slug), or those of {@code slugs} in
     * that order. Refuses an unknown module (404 naming {@code moduleField}), a module no story point includes, and a
     * list that names a story point twice, one that does not exist or does not include the module (422 naming
     * {@code pointsField} and the place in it).
     */
    public EvaluationScope module(String moduleId, List<String> slugs, String moduleField, String pointsField) {
        return module(moduleId, slugs, moduleField, pointsField, null);
    }

    /**
     * As {@link #module}, for a caller who holds one of {@code roles} at a story point that includes the module (or is
     * an admin); 401/403 otherwise. The module and the list are checked first, so an unknown module is a 404.
     */
    public EvaluationScope moduleFor(
            String moduleId, List<String> slugs, String moduleField, String pointsField, String... roles) {
        return module(moduleId, slugs, moduleField, pointsField, roles);
    }

    private EvaluationScope module(
            String moduleId, List<String> slugs, String moduleField, String pointsField, String[] roles) {
        QuestionModuleVersion version = modules.resolve(moduleId, null).orElseThrow(() -> {
            String message = "there is no module '" + moduleId + "'";
            return new ProblemException(
                    404, "Not found", moduleField + ": " + message, List.of(new FieldError(moduleField, message)));
        });
        List<StoryPoint> including = including(moduleId);
        List<StoryPoint> chosen = new ArrayList<>();
        if (slugs == null) {
            if (including.isEmpty()) {
                throw ProblemException.invalid(
                        moduleField,
                        "no story point includes module '" + moduleId + "' yet, so there is nothing to evaluate");
            }
            chosen.addAll(including);
        } else {
            List<FieldError> errors = new ArrayList<>();
            if (slugs.isEmpty()) {
                errors.add(
                        new FieldError(
                                pointsField,
                                "must list at least one story point; leave it out for every story point that includes the module"));
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < slugs.size(); i++) {
                String slug = slugs.get(i);
                String field = pointsField + "[" + i + "]";
                Optional<StoryPoint> point = slug == null ? Optional.empty() : StoryPoint.findBySlug(slug);
                if (slug == null || slug.isBlank()) {
                    errors.add(new FieldError(field, "is required: the slug of a story point"));
                } else if (!seen.add(slug)) {
                    errors.add(new FieldError(field, "'" + slug + "' is listed twice"));
                } else if (point.isEmpty()) {
                    errors.add(new FieldError(field, "there is no story point '" + slug + "'"));
                } else if (including.stream().noneMatch(p -> p.id.equals(point.get().id))) {
                    errors.add(new FieldError(
                            field, "story point '" + slug + "' does not include module '" + moduleId + "'"));
                } else {
                    chosen.add(point.get());
                }
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
        }
        if (roles != null) {
            access.requireAny(
                    including, "You are assigned to no story point that includes module '" + moduleId + "'.", roles);
        }
        return module(version, chosen);
    }

    /**
     * A question module across every story point whose current version includes it, as it is now (a comparison's
     * worker, outside any request).
     */
    @Transactional
    public EvaluationScope moduleNow(String moduleId) {
        return module(moduleId, null, "module", "storyPoints");
    }

    /** The scope a stored run analyses: its story point, or its module version across the story points it covers. */
    public EvaluationScope of(EvaluationRun run) {
        if (run.moduleId == null) {
            return storyPoint(StoryPoint.findById(run.storyPointId));
        }
        QuestionModuleVersion version = modules.resolve(run.moduleId, run.moduleVersion)
                .orElseThrow(() -> new IllegalStateException("run " + run.id + " lost its module version"));
        return module(version, covered(run.id));
    }

    /** As {@link #of(EvaluationRun)}, by the run's id (the worker, outside any request). */
    @Transactional
    public EvaluationScope of(UUID runId) {
        return of(EvaluationRun.<EvaluationRun>findById(runId));
    }

    /** The story points a module-wide run covers, in order; empty for a story point's run. */
    @SuppressWarnings("unchecked")
    public List<StoryPoint> covered(UUID runId) {
        List<Number> ids = em.createNativeQuery(
                        "SELECT story_point_id FROM evaluation_run_story_point WHERE run_id = ?1 ORDER BY position")
                .setParameter(1, runId)
                .getResultList();
        return ids.stream()
                .map(id -> StoryPoint.<StoryPoint>findById(id.longValue()))
                .toList();
    }

    /** Records which story points a module-wide run covers, in the scope's order. */
    @Transactional(Transactional.TxType.MANDATORY)
    void cover(UUID runId, EvaluationScope scope) {
        List<Long> ids = scope.storyPointIds();
        for (int i = 0; i < ids.size(); i++) {
            em.createNativeQuery("INSERT INTO evaluation_run_story_point (run_id, story_point_id, position) "
                            + "VALUES (?1, ?2, ?3)")
                    .setParameter(1, runId)
                    .setParameter(2, ids.get(i))
                    .setParameter(3, i)
                    .executeUpdate();
        }
    }

    private EvaluationScope module(QuestionModuleVersion version, List<StoryPoint> points) {
        List<EvaluationScope.Member> members = points.stream()
                .map(p -> new EvaluationScope.Member(p.id, p.slug, current(p)))
                .toList();
        return EvaluationScope.module(
                version.moduleId, version.version, definitions.parseModule(version.definition), members);
    }

    private StoryPointDefinition current(StoryPoint point) {
        return storyPoints.current(point.slug).definition();
    }
}
