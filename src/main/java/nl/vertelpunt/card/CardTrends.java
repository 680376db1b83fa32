package nl.vertelpunt.card;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.vertelpunt.card.render.CardDocument;
import nl.vertelpunt.evaluation.EvaluationScope;
import nl.vertelpunt.monitor.MonitorRequest;
import nl.vertelpunt.monitor.MonitorService;
import nl.vertelpunt.storypoint.ModuleService;
import nl.vertelpunt.storypoint.StoryPoint;
import nl.vertelpunt.storypoint.StoryPointService;
import nl.vertelpunt.storypoint.definition.ModuleUse;
import nl.vertelpunt.storypoint.definition.Question;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import nl.vertelpunt.web.FieldError;
import nl.vertelpunt.web.ProblemException;

/**
 * Takes the snapshot of a monitoring result that a card carries as its trend ("Door de tijd"): the result of the
 * card's story point, or of a question module it includes, computed now by {@link MonitorService} (with its access
 * rules and suppression) and named in Dutch for the people who read the card. Nothing is stored here.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CardTrends {

    /** Most indicators in a trend: a card is one sheet of A4. */
    public static final int MAX_INDICATORS = 2;
    /** Most periods in a trend: three years of quarters, or a year of months. */
    public static final int MAX_PERIODS = 12;

    private final MonitorService monitors;
    private final StoryPointService storyPoints;
    private final ModuleService modules;
    private final ObjectMapper mapper;

    CardTrends(MonitorService monitors, StoryPointService storyPoints, ModuleService modules, ObjectMapper mapper) {
        this.monitors = monitors;
        this.storyPoints = storyPoints;
        this.modules = modules;
        this.mapper = mapper;
    }

    /**
     * The trend of {@code request} for a card of {@code point}: across {@code module} when given (one the story point
     * includes), else of the story point. Refusals name the field as the caller sent it ({@code module}, {@code
     * request.indicators[0].question}, …).
     */
    CardDocument.Trend snapshot(StoryPoint point, String module, MonitorRequest request, String by, Instant at) {
        StoryPointDefinition definition = storyPoints.current(point.slug).definition();
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            errors.add(new FieldError("request", "is required: the monitoring request, as for /monitor"));
        } else if (request.indicators() != null && request.indicators().size() > MAX_INDICATORS) {
            errors.add(new FieldError(
                    "request.indicators", "at most " + MAX_INDICATORS + " indicators fit on a card (one A4 page)"));
        }
        if (module != null
                && definition.moduleUses().stream().map(ModuleUse::id).noneMatch(module::equals)) {
            errors.add(new FieldError("module", "the card's story point does not include module '" + module + "'"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        MonitorService.Monitor monitor;
        try {
            monitor = module == null ? monitors.monitor(point.slug, request) : monitors.monitorModule(module, request);
        } catch (ProblemException e) {
            throw prefixed(e);
        }
        if (monitor.periods().isEmpty()) {
            throw ProblemException.invalid("request.filter", "there are no stories in these periods: nothing to show");
        }
        if (monitor.periods().size() > MAX_PERIODS) {
            throw ProblemException.invalid(
                    "request.filter",
                    "the result has " + monitor.periods().size() + " periods and at most " + MAX_PERIODS
                            + " fit on a card: choose from and to, or quarters instead of months");
        }
        String scope = module == null
                ? definition.title().in("nl")
                : "alle vertelpunten met de vragen van ‘"
                        + modules.current(module).definition().title().in("nl") + "’";
        String focus = null;
        String rest = null;
        if (monitor.compared()) {
            Map<String, List<String>> answers = request.compare().filter().answers();
            List<String> points = answers.size() == 1 ? answers.get(EvaluationScope.STORY_POINT) : null;
            if (module != null && points != null) {
                focus = String.join(" en ", points.stream().map(this::title).toList());
                rest = "De andere vertelpunten";
            } else {
                focus = focusName(definition, answers);
                rest = "De andere verhalen";
            }
        }
        return new CardDocument.Trend(
                module, scope, focus, rest, mapper.valueToTree(request), mapper.valueToTree(monitor), by, at);
    }

    /** A story point's title, or its slug when it has none now. */
    private String title(String slug) {
        return StoryPoint.findBySlug(slug)
                .map(p -> storyPoints.current(p.slug).definition().title().in("nl"))
                .orElse(slug);
    }

    /** "Twente", "Twente of Utrecht" for the options of one question; "De selectie" for anything else. */
    static String focusName(StoryPointDefinition definition, Map<String, List<String>> answers) {
        if (answers.size() == 1) {
            Map.Entry<String, List<String>> only = answers.entrySet().iterator().next();
            Question q = definition.question(only.getKey()).orElse(null);
            if (q != null && q.options() != null && !only.getValue().isEmpty()) {
                List<String> labels = only.getValue().stream()
                        .map(o -> q.option(o).map(x -> x.staffLabel().in("nl")).orElse(o))
                        .toList();
                return String.join(" of ", labels);
            }
        }
        return "De selectie";
    }

    /** The monitor's refusal with its fields as they are in the card's request ("request.indicators[0]…"). */
    private static ProblemException prefixed(ProblemException e) {
        if (e.errors() == null || e.errors().isEmpty() || e.status() != 422) {
            return e;
        }
        List<FieldError> errors = e.errors().stream()
                .map(f -> new FieldError(f.field().equals("module") ? "module" : "request." + f.field(), f.message()))
                .toList();
        return ProblemException.invalid(errors);
    }
}
