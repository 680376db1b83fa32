package nl.vertelpunt.comparison;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleConsumer;
import nl.vertelpunt.evaluation.ComparisonSupport;
import nl.vertelpunt.evaluation.Dataset;
import nl.vertelpunt.evaluation.EvaluationRequest;
import nl.vertelpunt.evaluation.EvaluationScope;
import nl.vertelpunt.story.StoryFilter;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;

/**
 * One comparison from database to result: reads the stories of the focus and the reference in one streaming pass
 * (a consistent snapshot, see {@link ComparisonSupport#load}) and compares them ({@link Comparer}). Progress runs
 * from 0 to 0.4 while reading and on to 1 while comparing.
 */
public final class ComparisonJob {

    /** The result, and how long reading and comparing took. */
    public record Outcome(ComparisonResult result, long readNanos, long compareNanos) {}

    private ComparisonJob() {}

    public static Outcome run(
            Connection c,
            EvaluationScope scope,
            ComparisonRequest request,
            String softwareVersion,
            DoubleConsumer progress)
            throws SQLException {
        long start = System.nanoTime();
        StoryPointDefinition definition = scope.definition();
        // a side of a module-wide comparison may name story points: they are a condition on the variable storyPoint
        StoryFilter focusFilter = sideFilter(request.focus());
        boolean rest = request.reference().isRest();
        StoryFilter referenceFilter =
                rest ? null : sideFilter(request.reference().side());
        // ---- The dataset: focus and reference as the subset flags of the evaluation's loader, over the scope (one
        // story point, or a question module across the story points that include it). ----
        EvaluationRequest read = rest
                ? EvaluationRequest.of(
                        definition.slug(),
                        StoryFilter.all().withIncomplete(focusFilter.includeIncomplete()),
                        null,
                        new EvaluationRequest.Subset(focusFilter, null))
                : EvaluationRequest.of(
                        definition.slug(),
                        focusFilter,
                        null,
                        new EvaluationRequest.Subset(focusFilter, referenceFilter));
        Dataset data = ComparisonSupport.load(c, scope, read, share -> progress.accept(0.4 * share));
        boolean[] focus = data.inSubset().clone();
        boolean[] reference = new boolean[data.size()];
        long overlapping = 0;
        for (int i = 0; i < data.size(); i++) {
            boolean other = rest ? data.inBase()[i] : data.inComparison()[i];
            reference[i] = other && !focus[i];
            overlapping += other && focus[i] && !rest ? 1 : 0;
        }
        // ---- end of the dataset ----
        long readDone = System.nanoTime();
        List<String> notes = new ArrayList<>();
        if (overlapping > 0) {
            notes.add("Some stories are in the focus and also in the reference. They are counted in the focus only, "
                    + "so that no story is on both sides.");
        }
        Set<String> leftOut = new TreeSet<>();
        defining(focusFilter, leftOut);
        if (!rest) {
            defining(referenceFilter, leftOut);
        }
        ComparisonResult result = Comparer.compare(
                new Comparer.Input(data, focus, reference, leftOut, notes, request, definition, softwareVersion),
                share -> progress.accept(0.4 + 0.6 * share));
        return new Outcome(result, readDone - start, System.nanoTime() - readDone);
    }

    /**
     * A side as one filter: its filter (all stories without one), and its story points, if any, as a condition on
     * the variable {@code storyPoint} of a module-wide scope.
     */
    static StoryFilter sideFilter(ComparisonRequest.Side side) {
        StoryFilter filter = side.filter() == null ? StoryFilter.all() : side.filter();
        if (side.storyPoints() == null || side.storyPoints().isEmpty()) {
            return filter;
        }
        Map<String, List<String>> answers = new LinkedHashMap<>(filter.answers());
        answers.put(EvaluationScope.STORY_POINT, List.copyOf(side.storyPoints()));
        return filter.withAnswers(answers);
    }

    /** The variables (by family: {@code role}, a question id) a filter chooses stories by. */
    static void defining(StoryFilter filter, Set<String> into) {
        if (!filter.roles().isEmpty()) {
            into.add("role");
        }
        into.addAll(filter.answers().keySet());
        into.addAll(filter.ranges().keySet());
    }
}
