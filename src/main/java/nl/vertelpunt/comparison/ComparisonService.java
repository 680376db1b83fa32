package nl.vertelpunt.comparison;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.vertelpunt.comparison.ComparisonRequest.ResamplingSettings;
import nl.vertelpunt.comparison.ComparisonRequest.Side;
import nl.vertelpunt.dashboard.Suppression;
import nl.vertelpunt.evaluation.ComparisonSupport;
import nl.vertelpunt.evaluation.EvaluationScope;
import nl.vertelpunt.evaluation.EvaluationScopes;
import nl.vertelpunt.storypoint.StoryPoint;
import nl.vertelpunt.storypoint.StoryPointService;
import nl.vertelpunt.storypoint.definition.ModuleUse;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import nl.vertelpunt.user.Access;
import nl.vertelpunt.user.StaffRole;
import nl.vertelpunt.web.FieldError;
import nl.vertelpunt.web.JobWakeups;
import nl.vertelpunt.web.ProblemException;

/** Starts comparisons for analysts and shows their progress and (suppressed) results. */
@ApplicationScoped
@Transactional
public class ComparisonService {

    /**
     * A run as the API shows it; the counts of stories as the story point's suppression shows them (null before the
     * run is done), {@code result} only when done, suppressed the same way.
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
            Object focusStories,
            Object referenceStories,
            String focusFingerprint,
            String referenceFingerprint,
            String error,
            JsonNode request,
            JsonNode result) {}

    private final StoryPointService storyPoints;
    private final Access access;
    private final ObjectMapper mapper;
    private final EvaluationScopes scopes;

    ComparisonService(StoryPointService storyPoints, Access access, ObjectMapper mapper, EvaluationScopes scopes) {
        this.scopes = scopes;
        this.storyPoints = storyPoints;
        this.access = access;
        this.mapper = mapper;
    }

    /**
     * Checks the request against its scope and queues it: within one story point ({@code storyPoint}), or across the
     * story points that include a question module ({@code module}), where a side may name story points. An analyst of
     * any story point that includes the module may compare across it: the result is aggregated and suppressed with the
     * strictest threshold, and holds no story.
     */
    public RunView start(ComparisonRequest request) {
        if (request == null) {
            throw ProblemException.malformed("body", "a JSON object with storyPoint, focus and reference is expected");
        }
        EvaluationScope scope;
        StoryPoint point = null;
        if (request.module() != null) {
            if (request.storyPoint() != null) {
                throw ProblemException.invalid("module", "give either module or storyPoint, not both");
            }
            if (request.module().isBlank()) {
                throw ProblemException.invalid(
                        "module", "is required: the id of the question module to compare across");
            }
            scope = scopes.moduleFor(request.module(), null, "module", "storyPoints", StaffRole.ANALYST);
        } else {
            if (request.storyPoint() == null || request.storyPoint().isBlank()) {
                throw ProblemException.invalid(
                        "storyPoint",
                        "is required: the slug of the story point to compare within (or module, to compare across "
                                + "the story points that include it)");
            }
            point = storyPoints.find(request.storyPoint(), "storyPoint");
            access.require(point, StaffRole.ANALYST);
            scope = scopes.storyPoint(point);
        }
        List<FieldError> errors = new ArrayList<>();
        check(request.focus(), "focus", scope, errors);
        if (request.reference() == null) {
            errors.add(new FieldError("reference", "is required: \"rest\" or {\"filter\": …}"));
        } else if (request.reference().side() != null) {
            check(request.reference().side(), "reference", scope, errors);
            if (errors.isEmpty()
                    && ComparisonJob.sideFilter(request.reference().side())
                            .equals(ComparisonJob.sideFilter(request.focus()))) {
                errors.add(new FieldError(
                        request.reference().side().filter() != null ? "reference.filter" : "reference.storyPoints",
                        "is the same as the focus: nothing to compare"));
            }
        } else if (!request.reference().isRest()) {
            errors.add(new FieldError("reference", "must be \"rest\" or an object {\"filter\": …}"));
        }
        if (request.settings() != null) {
            errors.addAll(request.settings().check("settings."));
        }
        ResamplingSettings resampling = request.resampling();
        if (resampling != null) {
            range(errors, "resampling.bootstrap", resampling.bootstrap(), 100, 20_000);
            range(errors, "resampling.permutations", resampling.permutations(), 100, 100_000);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        ComparisonRun run = new ComparisonRun();
        run.id = UUID.randomUUID();
        run.storyPointId = point == null ? null : point.id;
        run.module = scope.module();
        run.status = ComparisonRun.QUEUED;
        run.request = json(request.normalized());
        run.requestedBy = access.staff().username();
        run.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        run.persist();
        JobWakeups.notify(ComparisonRun.getEntityManager(), JobWakeups.COMPARISONS);
        return view(run, point == null ? null : point.slug, new Suppression(scope.suppression()), false);
    }

    /** A run with, when done, its result. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RunView get(UUID id) {
        ComparisonRun run = ComparisonRun.<ComparisonRun>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("There is no comparison " + id + "."));
        if (run.module != null) {
            List<StoryPoint> including = scopes.including(run.module);
            access.requireAny(
                    including,
                    "You are assigned to no story point that includes module '" + run.module + "'.",
                    StaffRole.ANALYST);
            return view(run, null, strictest(including), true);
        }
        StoryPoint point = StoryPoint.findById(run.storyPointId);
        access.require(point, StaffRole.ANALYST);
        return view(run, point.slug, suppression(point.slug), true);
    }

    /**
     * The comparisons of a story point, newest first, without results: its own, and those across the question modules
     * it includes.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RunView> list(String slug) {
        StoryPoint point = storyPoints.find(slug);
        access.require(point, StaffRole.ANALYST);
        Suppression suppression = suppression(slug);
        List<String> modules = storyPoints.current(slug).definition().moduleUses().stream()
                .map(ModuleUse::id)
                .toList();
        Map<String, Suppression> byModule = new HashMap<>();
        return ComparisonRun.listFor(point.id, modules).stream()
                .map(r -> r.module == null
                        ? view(r, slug, suppression, false)
                        : view(r, null, byModule.computeIfAbsent(r.module, this::moduleSuppression), false))
                .toList();
    }

    /**
     * A side: a filter that fits the scope, and in a module-wide comparison the story points it covers (at least one
     * of the two).
     */
    private static void check(Side side, String field, EvaluationScope scope, List<FieldError> errors) {
        if (side == null) {
            errors.add(new FieldError(field, "is required: {\"filter\": …}"));
            return;
        }
        if (side.storyPoints() != null) {
            if (!scope.moduleWide()) {
                errors.add(new FieldError(
                        field + ".storyPoints", "goes with module only: within one story point give a filter"));
            } else if (side.storyPoints().isEmpty()) {
                errors.add(new FieldError(field + ".storyPoints", "must list at least one story point"));
            } else {
                for (int i = 0; i < side.storyPoints().size(); i++) {
                    String slug = side.storyPoints().get(i);
                    if (slug == null || !scope.slugs().contains(slug)) {
                        errors.add(new FieldError(
                                field + ".storyPoints[" + i + "]",
                                "'" + slug + "' is not a story point that includes module '" + scope.module() + "'"));
                    }
                }
            }
        }
        if (side.filter() == null && side.storyPoints() == null) {
            errors.add(new FieldError(
                    field + ".filter",
                    scope.moduleWide()
                            ? "is required: which stories (a filter, or storyPoints)"
                            : "is required: which stories"));
        } else if (side.filter() != null) {
            errors.addAll(scope.check(side.filter(), field + ".filter."));
        }
    }

    private static void range(List<FieldError> errors, String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            errors.add(new FieldError(field, "must be from " + min + " to " + max));
        }
    }

    private Suppression suppression(String slug) {
        return new Suppression(storyPoints.current(slug).definition().suppression());
    }

    /** The strictest threshold of the story points that include the module now. */
    private Suppression moduleSuppression(String module) {
        return strictest(scopes.including(module));
    }

    /** The strictest threshold of these story points. */
    private Suppression strictest(List<StoryPoint> points) {
        return new Suppression(points.stream()
                .mapToInt(p -> suppression(p.slug).threshold())
                .max()
                .orElse(StoryPointDefinition.DEFAULT_SUPPRESSION));
    }

    private RunView view(ComparisonRun run, String slug, Suppression suppression, boolean withResult) {
        try {
            JsonNode result =
                    withResult && run.result != null ? suppressed(mapper.readTree(run.result), suppression) : null;
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
                    run.focusCount == null ? null : suppression.count(run.focusCount),
                    run.referenceCount == null ? null : suppression.count(run.referenceCount),
                    run.focusFingerprint,
                    run.referenceFingerprint,
                    run.error,
                    mapper.readTree(run.request),
                    result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A result as staff see it: every count of stories 0, "&lt;k" or a multiple of k (the sides' stories, each
     * side's n, and the groups, tables and bins of each side's pattern as an evaluation shows them); a side of 1 to
     * k−1 stories is only said to be too few. Effects, intervals, p and q stay exact. The stored result stays exact.
     */
    static JsonNode suppressed(JsonNode result, Suppression suppression) {
        if (!suppression.active() || !(result instanceof ObjectNode root)) {
            return result;
        }
        root.put("suppressionThreshold", suppression.threshold());
        for (String side : List.of("focus", "reference")) {
            if (root.get(side) instanceof ObjectNode summary) {
                long stories = summary.path("stories").asLong();
                if (suppression.tooFew(stories)) {
                    summary.put("tooFew", true);
                }
                count(summary, "stories", suppression);
            }
        }
        ArrayNode patterns = root.arrayNode();
        for (JsonNode p : root.path("patterns")) {
            for (String side : List.of("focus", "reference")) {
                if (p.get(side) instanceof ObjectNode s) {
                    count(s, "n", suppression);
                    if (s.get("pattern") != null) {
                        patterns.add(s.get("pattern"));
                    }
                }
            }
        }
        ComparisonSupport.suppressPatterns(patterns, suppression);
        return root;
    }

    private static void count(ObjectNode node, String field, Suppression suppression) {
        if (node.get(field) != null && node.get(field).isNumber()) {
            Object shown = suppression.count(node.get(field).asLong());
            if (shown instanceof String s) {
                node.put(field, s);
            } else {
                node.put(field, ((Number) shown).longValue());
            }
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
