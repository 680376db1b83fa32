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
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import nl.vertelpunt.user.Access;
import nl.vertelpunt.user.StaffRole;
import nl.vertelpunt.web.FieldError;
import nl.vertelpunt.web.ProblemException;

/** Starts pattern evaluations for analysts and shows their progress and results. */
@ApplicationScoped
@Transactional
public class EvaluationService {

    /**
     * A run as the API shows it; {@code attempts} counts starts (more than one after a takeover); {@code stories}
     * as the story point's suppression shows counts (0, "&lt;k" or a multiple of k; null before the run is done);
     * {@code result} only when asked for and done, suppressed the same way.
     */
    public record RunView(
            UUID id,
            String storyPoint,
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
    private final Access access;
    private final ObjectMapper mapper;

    EvaluationService(StoryPointService storyPoints, Access access, ObjectMapper mapper) {
        this.storyPoints = storyPoints;
        this.access = access;
        this.mapper = mapper;
    }

    /** Checks the request against the story point and queues it. */
    public RunView start(EvaluationRequest request) {
        if (request == null) {
            throw ProblemException.malformed("body", "a JSON object with storyPoint, filter and settings is expected");
        }
        if (request.storyPoint() == null || request.storyPoint().isBlank()) {
            throw ProblemException.invalid("storyPoint", "is required: the slug of the story point to evaluate");
        }
        StoryPoint point = storyPoints.find(request.storyPoint(), "storyPoint");
        access.require(point, StaffRole.ANALYST);
        EvaluationRequest normalized = checked(request, point, "");
        EvaluationRun run = new EvaluationRun();
        run.id = UUID.randomUUID();
        run.storyPointId = point.id;
        run.status = EvaluationRun.QUEUED;
        run.progress = 0;
        run.request = json(normalized);
        run.requestedBy = access.staff().username();
        run.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        run.persist();
        return view(run, point.slug, false);
    }

    /**
     * The request with every default filled in, or a 422 listing every way in which it does not fit the story point's
     * current definition, each field with {@code prefix} before it (a scheduled evaluation checks its request here).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public EvaluationRequest checked(EvaluationRequest request, StoryPoint point, String prefix) {
        EvaluationRequest normalized = request.normalized();
        StoryPointDefinition definition = storyPoints.current(point.slug).definition();
        List<FieldError> errors = new ArrayList<>(normalized.filter().check(definition, prefix + "filter."));
        if (request.settings() != null) {
            errors.addAll(request.settings().check(prefix + "settings."));
        }
        if (normalized.subset() != null) {
            if (normalized.subset().filter() == null) {
                errors.add(new FieldError(prefix + "subset.filter", "is required: which stories form the subset"));
            } else {
                errors.addAll(normalized.subset().filter().check(definition, prefix + "subset.filter."));
            }
            if (normalized.subset().against() != null) {
                errors.addAll(normalized.subset().against().check(definition, prefix + "subset.against."));
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
        EvaluationRun run = EvaluationRun.<EvaluationRun>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("There is no evaluation " + id + "."));
        StoryPoint point = StoryPoint.findById(run.storyPointId);
        access.require(point, StaffRole.ANALYST, StaffRole.FACILITATOR);
        return view(run, point.slug, withResult);
    }

    /** The runs of a story point, newest first, without results. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RunView> list(String slug) {
        StoryPoint point = storyPoints.find(slug);
        access.require(point, StaffRole.ANALYST, StaffRole.FACILITATOR);
        Suppression suppression = suppression(slug);
        return EvaluationRun.listFor(point.id).stream()
                .map(r -> view(r, slug, false, suppression))
                .toList();
    }

    /** Marks a pattern of a finished run as selected for an observation card (analysts, facilitators). */
    public RunView select(UUID id, String patternKey, boolean selected) {
        EvaluationRun run = EvaluationRun.<EvaluationRun>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("There is no evaluation " + id + "."));
        StoryPoint point = StoryPoint.findById(run.storyPointId);
        access.require(point, StaffRole.ANALYST, StaffRole.FACILITATOR);
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
        return view(run, point.slug, false);
    }

    /**
     * One pattern of a finished run, for an observation card: exact (for finding stories) and as staff may
     * see it (suppressed), with the run it came from. Checks that the caller may work on the story point;
     * {@code field} names the input in errors.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RunPattern pattern(UUID runId, String patternKey, String field) {
        EvaluationRun run = EvaluationRun.<EvaluationRun>findByIdOptional(runId)
                .orElseThrow(() -> ProblemException.invalid(field, "there is no evaluation " + runId));
        access.require(StoryPoint.findById(run.storyPointId), StaffRole.ANALYST, StaffRole.FACILITATOR);
        if (!EvaluationRun.DONE.equals(run.status) || run.result == null) {
            throw ProblemException.conflict(field, "the evaluation has not finished yet");
        }
        return loadPattern(runId, patternKey)
                .orElseThrow(() -> ProblemException.invalid(
                        "pattern", "'" + patternKey + "' is not a pattern of this evaluation"));
    }

    /** As {@link #pattern}, without checking access: for callers that have checked it another way (a table's link). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<RunPattern> loadPattern(UUID runId, String patternKey) {
        EvaluationRun run = EvaluationRun.findById(runId);
        if (run == null || run.result == null) {
            return Optional.empty();
        }
        StoryPoint point = StoryPoint.findById(run.storyPointId);
        try {
            JsonNode result = mapper.readTree(run.result);
            int index = 0;
            for (JsonNode p : result.path("patterns")) {
                if (key(p).equals(patternKey)) {
                    Suppression suppression = new Suppression(
                            storyPoints.current(point.slug).definition().suppression());
                    JsonNode shown = suppression.active()
                            ? ResultSuppression.apply(result.deepCopy(), suppression)
                                    .path("patterns")
                                    .get(index)
                            : p;
                    return Optional.of(new RunPattern(
                            run.id,
                            point,
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

    /** A pattern of a run: exact, as shown to staff, and where it comes from ({@code stories} rounded as shown to staff). */
    public record RunPattern(
            UUID runId,
            StoryPoint point,
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

    private Suppression suppression(String slug) {
        return new Suppression(storyPoints.current(slug).definition().suppression());
    }

    private RunView view(EvaluationRun run, String slug, boolean withResult) {
        return view(run, slug, withResult, suppression(slug));
    }

    private RunView view(EvaluationRun run, String slug, boolean withResult, Suppression suppression) {
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
                    slug,
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
