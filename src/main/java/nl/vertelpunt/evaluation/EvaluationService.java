package nl.vertelpunt.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import nl.vertelpunt.storypoint.StoryPoint;
import nl.vertelpunt.storypoint.StoryPointService;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import nl.vertelpunt.user.Access;
import nl.vertelpunt.user.StaffRole;
import nl.vertelpunt.web.FieldError;
import nl.vertelpunt.web.ProblemException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Starts pattern evaluations for analysts and shows their progress and results. */
@ApplicationScoped
@Transactional
public class EvaluationService {

    /** A run as the API shows it; {@code attempts} counts starts (more than one after a takeover); {@code result} only when asked for and done. */
    public record RunView(UUID id, String storyPoint, String status, double progress, Instant createdAt, Instant startedAt,
                          Instant finishedAt, String requestedBy, int attempts, Integer stories, String fingerprint, String error,
                          JsonNode request, JsonNode result) {
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
        StoryPoint point = storyPoints.find(request.storyPoint());
        access.require(point, StaffRole.ANALYST);
        EvaluationRequest normalized = request.normalized();
        StoryPointDefinition definition = storyPoints.current(point.slug).definition();
        List<FieldError> errors = new ArrayList<>(normalized.filter().check(definition, "filter."));
        if (request.settings() != null) {
            errors.addAll(request.settings().check("settings."));
        }
        if (normalized.subset() != null) {
            if (normalized.subset().filter() == null) {
                errors.add(new FieldError("subset.filter", "is required: which stories form the subset"));
            } else {
                errors.addAll(normalized.subset().filter().check(definition, "subset.filter."));
            }
            if (normalized.subset().against() != null) {
                errors.addAll(normalized.subset().against().check(definition, "subset.against."));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
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
        return EvaluationRun.listFor(point.id).stream().map(r -> view(r, slug, false)).toList();
    }

    private RunView view(EvaluationRun run, String slug, boolean withResult) {
        try {
            JsonNode request = mapper.readTree(run.request);
            JsonNode result = withResult && run.result != null ? mapper.getNodeFactory().rawValueNode(new RawValue(run.result)) : null;
            return new RunView(run.id, slug, run.status, run.progress, run.createdAt, run.startedAt, run.finishedAt,
                    run.requestedBy, run.attempts, run.storyCount, run.fingerprint, run.error, request, result);
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
