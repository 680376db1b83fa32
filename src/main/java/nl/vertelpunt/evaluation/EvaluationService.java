package nl.vertelpunt.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.vertelpunt.dashboard.Suppression;
import nl.vertelpunt.storypoint.StoryPoint;
import nl.vertelpunt.storypoint.StoryPointService;
import nl.vertelpunt.user.Access;
import nl.vertelpunt.user.StaffRole;
import nl.vertelpunt.web.FieldError;
import nl.vertelpunt.web.JobWakeups;
import nl.vertelpunt.web.ProblemException;

/** Starts pattern evaluations for analysts and shows their progress and results. */
@ApplicationScoped
@Transactional
public class EvaluationService {

    /**
     * A run as the API shows it: of one story point ({@code storyPoint}), or module-wide ({@code module}, with the
     * {@code storyPoints} it covers, in order; {@code storyPoint} null); {@code attempts} counts starts (more than one after a takeover); {@code stories}
     * as the story point's suppression shows counts (0, "&lt;k" or a multiple of k; null before the run is done);
     * {@code result} only when asked for and done, suppressed the same way (module-wide: with the strictest
     * threshold of the story points covered).
     */
    public record RunView(
            UUID id,
            String storyPoint,
            String module,
            List<String> storyPoints,
            String status,
            double progress,
            Instant createdAt,
            Instant startedAt,
            Instant finishedAt,
            String requestedBy,
            int attempts,
            Object stories,
            String fingerprint,
            String error,
            JsonNode request,
            List<String> selected,
            JsonNode result) {}

    /** The key of a pattern within its run: {@code kind|first|second}, e.g. {@code slider_by_choice|gehoord|gevolg}. */
    public static String key(JsonNode pattern) {
        return pattern.path("kind").asText() + "|"
                + pattern.path("questions").path(0).asText() + "|"
                + pattern.path("questions").path(1).asText();
    }

    private final StoryPointService storyPoints;
    private final EvaluationScopes scopes;
    private final Access access;
    private final ObjectMapper mapper;

    EvaluationService(StoryPointService storyPoints, EvaluationScopes scopes, Access access, ObjectMapper mapper) {
        this.storyPoints = storyPoints;
        this.scopes = scopes;
        this.access = access;
        this.mapper = mapper;
    }

    /**
     * Checks the request against its scope (a story point, or a question module across story points) and queues it.
     * A module-wide evaluation may be started by an analyst assigned to at least one story point that includes the
     * module: its results are aggregated and suppressed, and it shows no story.
     */
    public RunView start(EvaluationRequest request) {
        if (request == null) {
            throw ProblemException.malformed(
                    "body", "a JSON object with storyPoint (or module), filter and settings is expected");
        }
        EvaluationScope scope;
        StoryPoint point = null;
        if (request.module() != null) {
            if (request.storyPoint() != null) {
                throw ProblemException.invalid(
                        "module",
                        "give either storyPoint (one story point) or module (a question module across the story "
                                + "points that include it), not both");
            }
            if (request.module().isBlank()) {
                throw ProblemException.invalid("module", "is required: the id of the question module to evaluate");
            }
            scope = scopes.moduleFor(
                    request.module(), request.storyPoints(), "module", "storyPoints", StaffRole.ANALYST);
        } else {
            if (request.storyPoint() == null || request.storyPoint().isBlank()) {
                throw ProblemException.invalid(
                        "storyPoint",
                        "is required: the slug of the story point to evaluate (or give module to evaluate a question "
                                + "module across the story points that include it)");
            }
            if (request.storyPoints() != null) {
                throw ProblemException.invalid(
                        "storyPoints", "goes with module only: a story point's evaluation covers that story point");
            }
            point = storyPoints.find(request.storyPoint(), "storyPoint");
            access.require(point, StaffRole.ANALYST);
            scope = scopes.storyPoint(point);
        }
        EvaluationRequest normalized = checked(request, scope, "");
        EvaluationRun run = new EvaluationRun();
        run.id = UUID.randomUUID();
        run.storyPointId = point == null ? null : point.id;
        run.moduleId = scope.module();
        run.moduleVersion = scope.moduleVersion();
        run.status = EvaluationRun.QUEUED;
        run.progress = 0;
        run.request = json(normalized);
        run.requestedBy = access.staff().username();
        run.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        run.persist();
        if (scope.moduleWide()) {
            run.flush();
            scopes.cover(run.id, scope);
        }
        JobWakeups.notify(em(), JobWakeups.EVALUATIONS);
        return view(run, scope, false);
    }

    /**
     * The request with every default filled in, or a 422 listing every way in which it does not fit the story point's
     * current definition, each field with {@code prefix} before it (a scheduled evaluation checks its request here).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public EvaluationRequest checked(EvaluationRequest request, StoryPoint point, String prefix) {
        return checked(request, scopes.storyPoint(point), prefix);
    }

    private EvaluationRequest checked(EvaluationRequest request, EvaluationScope scope, String prefix) {
        EvaluationRequest normalized = request.normalized();
        List<FieldError> errors = new ArrayList<>(scope.check(normalized.filter(), prefix + "filter."));
        if (request.settings() != null) {
            errors.addAll(request.settings().check(prefix + "settings."));
        }
        if (normalized.subset() != null) {
            if (normalized.subset().filter() == null) {
                errors.add(new FieldError(prefix + "subset.filter", "is required: which stories form the subset"));
            } else {
                errors.addAll(scope.check(normalized.subset().filter(), prefix + "subset.filter."));
            }
            if (normalized.subset().against() != null) {
                errors.addAll(scope.check(normalized.subset().against(), prefix + "subset.against."));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return normalized;
    }

    /** A run with, when done and asked for, its result. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RunView get(UUID id, boolean withResult) {
        EvaluationRun run = find(id);
        EvaluationScope scope = readable(run);
        return view(run, scope, withResult);
    }

    /** The runs of a story point and the module-wide runs that cover it, newest first, without results. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RunView> list(String slug) {
        StoryPoint point = storyPoints.find(slug);
        access.require(point, StaffRole.ANALYST, StaffRole.FACILITATOR);
        EvaluationScope own = scopes.storyPoint(point);
        return EvaluationRun.listFor(point.id).stream()
                .map(r -> view(r, r.moduleId == null ? own : scopes.of(r), false))
                .toList();
    }

    /** Marks a pattern of a finished run as selected for an observation card (analysts, facilitators). */
    public RunView select(UUID id, String patternKey, boolean selected) {
        EvaluationRun run = find(id);
        EvaluationScope scope = readable(run);
        if (!EvaluationRun.DONE.equals(run.status) || run.result == null) {
            throw ProblemException.conflict("pattern", "the evaluation has not finished yet");
        }
        if (patternKey == null || patternKey.isBlank()) {
            throw ProblemException.invalid("pattern", "is required: kind|first|second");
        }
        try {
            boolean exists = false;
            for (JsonNode p : mapper.readTree(run.result).path("patterns")) {
                exists |= key(p).equals(patternKey);
            }
            if (!exists) {
                throw ProblemException.invalid("pattern", "'" + patternKey + "' is not a pattern of this evaluation");
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (selected) {
            em().createNativeQuery(
                            "INSERT INTO pattern_selection (run_id, pattern_key, selected_by, selected_at) VALUES (?1, ?2, ?3, ?4) "
                                    + "ON CONFLICT DO NOTHING")
                    .setParameter(1, id)
                    .setParameter(2, patternKey)
                    .setParameter(3, access.staff().username())
                    .setParameter(4, Instant.now())
                    .executeUpdate();
        } else {
            em().createNativeQuery("DELETE FROM pattern_selection WHERE run_id = ?1 AND pattern_key = ?2")
                    .setParameter(1, id)
                    .setParameter(2, patternKey)
                    .executeUpdate();
        }
        return view(run, scope, false);
    }

    private EvaluationRun find(UUID id) {
        return EvaluationRun.<EvaluationRun>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("There is no evaluation " + id + "."));
    }

    /**
     * The scope of a run the caller may read, or 401/403: a story point's run to its analysts and facilitators; a
     * module-wide run to those assigned to a story point it covers or that includes the module now (its results are
     * aggregated and suppressed; the stories stay with their own story points).
     */
    private EvaluationScope readable(EvaluationRun run) {
        if (run.moduleId == null) {
            access.require(StoryPoint.findById(run.storyPointId), StaffRole.ANALYST, StaffRole.FACILITATOR);
            return scopes.of(run);
        }
        List<StoryPoint> sharing = new ArrayList<>(scopes.covered(run.id));
        sharing.addAll(scopes.including(run.moduleId));
        access.requireAny(
                sharing,
                "You are assigned to no story point that includes module '" + run.moduleId + "'.",
                StaffRole.ANALYST,
                StaffRole.FACILITATOR);
        return scopes.of(run);
    }

    /**
     * One pattern of a finished run, for an observation card: exact (for finding stories) and as staff may
     * see it (suppressed), with the run it came from. Checks that the caller may work on the story point;
     * {@code field} names the input in errors.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RunPattern pattern(UUID runId, String patternKey, String field) {
        return pattern(runId, patternKey, field, null);
    }

    /**
     * As {@link #pattern(UUID, String, String)}, for a card at a story point: a story point's run gives cards of that
     * story point only; a module-wide run gives cards of a story point it covers that the caller works on,
     * {@code storyPoint} (a slug) or, without it, the first such story point it covers.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RunPattern pattern(UUID runId, String patternKey, String field, String storyPoint) {
        EvaluationRun run = EvaluationRun.<EvaluationRun>findByIdOptional(runId)
                .orElseThrow(() -> ProblemException.invalid(field, "there is no evaluation " + runId));
        StoryPoint own;
        if (run.moduleId == null) {
            own = StoryPoint.findById(run.storyPointId);
            access.require(own, StaffRole.ANALYST, StaffRole.FACILITATOR);
            if (storyPoint != null && !storyPoint.equals(own.slug)) {
                throw ProblemException.invalid(
                        "storyPoint", "a card of this evaluation belongs to its story point, '" + own.slug + "'");
            }
        } else {
            readable(run);
            List<StoryPoint> covered = scopes.covered(run.id);
            if (storyPoint != null) {
                own = covered.stream()
                        .filter(p -> p.slug.equals(storyPoint))
                        .findFirst()
                        .orElseThrow(() -> ProblemException.invalid(
                                "storyPoint", "'" + storyPoint + "' is not a story point this evaluation covers"));
                access.require(own, StaffRole.ANALYST, StaffRole.FACILITATOR);
            } else {
                // a card of a module-wide pattern belongs to the first story point covered that the caller works on
                own = covered.stream()
                        .filter(p -> access.may(p, StaffRole.ANALYST, StaffRole.FACILITATOR))
                        .findFirst()
                        .orElseThrow(() -> ProblemException.forbidden("A card of a module-wide evaluation belongs to "
                                + "one of your own story points, and this evaluation covers none of them."));
            }
        }
        if (!EvaluationRun.DONE.equals(run.status) || run.result == null) {
            throw ProblemException.conflict(field, "the evaluation has not finished yet");
        }
        return loadPattern(runId, patternKey, own)
                .orElseThrow(() -> ProblemException.invalid(
                        "pattern", "'" + patternKey + "' is not a pattern of this evaluation"));
    }

    /**
     * As {@link #pattern}, without checking access: for callers that have checked it another way (a card's story
     * point, a table's link). For a module-wide run, {@code point} is the first story point it covers.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<RunPattern> loadPattern(UUID runId, String patternKey) {
        return loadPattern(runId, patternKey, null);
    }

    private Optional<RunPattern> loadPattern(UUID runId, String patternKey, StoryPoint own) {
        EvaluationRun run = EvaluationRun.findById(runId);
        if (run == null || run.result == null) {
            return Optional.empty();
        }
        EvaluationScope scope = scopes.of(run);
        StoryPoint point =
                own != null ? own : StoryPoint.findById(scope.storyPointIds().get(0));
        try {
            JsonNode result = mapper.readTree(run.result);
            int index = 0;
            for (JsonNode p : result.path("patterns")) {
                if (key(p).equals(patternKey)) {
                    Suppression suppression = new Suppression(scope.suppression());
                    JsonNode shown = suppression.active()
                            ? ResultSuppression.apply(result.deepCopy(), suppression)
                                    .path("patterns")
                                    .get(index)
                            : p;
                    return Optional.of(new RunPattern(
                            run.id,
                            point,
                            scope,
                            p,
                            shown,
                            mapper.readTree(run.request),
                            run.fingerprint,
                            result.path("softwareVersion").asText(null),
                            run.finishedAt,
                            run.storyCount == null ? 0 : (int) suppression.rounded(run.storyCount)));
                }
                index++;
            }
            return Optional.empty();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A pattern of a run: exact, as shown to staff, and where it comes from ({@code stories} rounded as shown to staff);
     * {@code point} is the story point a card of it belongs to, {@code scope} what the run analysed (its definition
     * names the pattern's variables).
     */
    public record RunPattern(
            UUID runId,
            StoryPoint point,
            EvaluationScope scope,
            JsonNode exact,
            JsonNode shown,
            JsonNode request,
            String fingerprint,
            String softwareVersion,
            Instant evaluatedAt,
            int stories) {}

    @SuppressWarnings("unchecked")
    private List<String> selected(UUID runId) {
        return em().createNativeQuery(
                        "SELECT pattern_key FROM pattern_selection WHERE run_id = ?1 ORDER BY selected_at, pattern_key")
                .setParameter(1, runId)
                .getResultList();
    }

    private EntityManager em() {
        return EvaluationRun.getEntityManager();
    }

    private RunView view(EvaluationRun run, EvaluationScope scope, boolean withResult) {
        Suppression suppression = new Suppression(scope.suppression());
        try {
            JsonNode request = mapper.readTree(run.request);
            JsonNode result = null;
            if (withResult && run.result != null) {
                result = suppression.active()
                        ? ResultSuppression.apply(mapper.readTree(run.result), suppression)
                        : mapper.getNodeFactory().rawValueNode(new RawValue(run.result));
            }
            // the stored count is exact (provenance); staff see it as every other count
            Object stories = run.storyCount == null ? null : suppression.count(run.storyCount);
            return new RunView(
                    run.id,
                    scope.moduleWide() ? null : scope.slugs().get(0),
                    scope.module(),
                    scope.moduleWide() ? scope.slugs() : null,
                    run.status,
                    run.progress,
                    run.createdAt,
                    run.startedAt,
                    run.finishedAt,
                    run.requestedBy,
                    run.attempts,
                    stories,
                    run.fingerprint,
                    run.error,
                    request,
                    selected(run.id),
                    result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
