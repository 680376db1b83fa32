package nl.vertelpunt.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleConsumer;
import nl.vertelpunt.evaluation.Dataset.CategoricalVariable;
import nl.vertelpunt.evaluation.Dataset.SliderVariable;
import nl.vertelpunt.evaluation.EvaluationResult.Distribution;
import nl.vertelpunt.evaluation.EvaluationResult.Pattern;
import nl.vertelpunt.evaluation.EvaluationResult.Skipped;
import nl.vertelpunt.evaluation.stats.PValueAdjustment;
import nl.vertelpunt.story.StoryFilter;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;

/**
 * The pattern evaluation itself: plain computation over a {@link Dataset}, no I/O.
 *
 * <p>Every slider is tested against every choice-like variable (Mann–Whitney for two groups, Kruskal–Wallis
 * with Holm-adjusted pairwise Mann–Whitney tests for three or more; groups with fewer than
 * {@code minGroupSize} answers are left out of the test and marked), every two choice-like variables that
 * do not come from the same multichoice question (Pearson chi-square, Cramér's V, adjusted residuals), and
 * every two sliders (Spearman, over stories that answered both, at least {@code minPairs}). Missing values
 * (not applicable, unanswered, not asked) never take part. {@code minGroupSize} and {@code minPairs} are at
 * least the story point's suppression threshold k, so no group under k is ever tested. The p-values of all
 * these tests form one family for Benjamini–Hochberg q-values. A pattern is strong when q ≤ {@code maxQ} and its effect reaches
 * the minimum of its kind. Patterns are ranked by their effect on a common 0..1 scale (|rank-biserial|,
 * √ε², Cramér's V, |ρ|), then by q.
 *
 * <p>This class owns the run: which pairs are tested, the subset comparison, the Benjamini–Hochberg family,
 * the strong rule and the ranking. Each kind of test is its own class ({@link SliderByChoice},
 * {@link ChoiceByChoice}, {@link SliderBySlider}), and the descriptives are {@link Distributions}.
 */
final class Evaluator {

    static final String SLIDER_BY_CHOICE = "slider_by_choice";
    static final String CHOICE_BY_CHOICE = "choice_by_choice";
    static final String SLIDER_BY_SLIDER = "slider_by_slider";
    static final String TRIAD_BY_CHOICE = "triad_by_choice";
    static final String SUBSET = "subset";

    private Evaluator() {}

    static EvaluationResult evaluate(
            Dataset data,
            EvaluationRequest request,
            StoryPointDefinition definition,
            String softwareVersion,
            DoubleConsumer progress) {
        return evaluate(data, request, EvaluationScope.storyPoint(0, definition), softwareVersion, progress);
    }

    /** Evaluates the stories of a scope: one story point, or a question module across story points. */
    static EvaluationResult evaluate(
            Dataset data,
            EvaluationRequest request,
            EvaluationScope scope,
            String softwareVersion,
            DoubleConsumer progress) {
        StoryPointDefinition definition = scope.definition();
        EvaluationSettings asked =
                (request.settings() == null ? EvaluationSettings.DEFAULTS : request.settings()).withDefaults();
        EvaluationSettings settings = effective(asked, definition.suppression());
        // every triad is also read as its zone, a choice variable t:zone in every choice test
        data = TriadZones.withZones(data, settings);
        List<String> notes = new ArrayList<>();
        if (settings.minGroupSize() > asked.minGroupSize() || settings.minPairs() > asked.minPairs()) {
            notes.add("minGroupSize and minPairs are at least " + definition.suppression()
                    + (scope.moduleWide()
                            ? ", the strictest suppression threshold of the story points covered"
                            : ", the story point's suppression threshold")
                    + ": no group of fewer stories is tested (see 'settings').");
        }
        List<Distribution> distributions = Distributions.of(data, data.inBase());
        List<Pattern> patterns = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        if (data.baseSize() == 0) {
            notes.add("No story matches the filter, so nothing could be tested.");
        } else {
            int pairs = data.sliders().size() * data.categories().size()
                    + data.categories().size() * (data.categories().size() - 1) / 2
                    + data.sliders().size() * (data.sliders().size() - 1) / 2
                    + data.triads().size() * data.categories().size();
            Counter counter = new Counter(pairs, progress);
            for (SliderVariable slider : data.sliders()) {
                long[][][] counts = SliderByChoice.countsByCategory(data, slider, data.inBase());
                for (int c = 0; c < data.categories().size(); c++) {
                    SliderByChoice.test(
                            slider, data.categories().get(c), counts[c], settings, SLIDER_BY_CHOICE, patterns, skipped);
                    counter.step();
                }
            }
            for (int a = 0; a < data.categories().size(); a++) {
                for (int b = a + 1; b < data.categories().size(); b++) {
                    CategoricalVariable x = data.categories().get(a);
                    CategoricalVariable y = data.categories().get(b);
                    if (!x.family().equals(y.family())) {
                        ChoiceByChoice.test(x, y, data.inBase(), settings, patterns, skipped);
                    }
                    counter.step();
                }
            }
            for (int a = 0; a < data.sliders().size(); a++) {
                for (int b = a + 1; b < data.sliders().size(); b++) {
                    SliderBySlider.test(
                            data.sliders().get(a), data.sliders().get(b), data.inBase(), settings, patterns, skipped);
                    counter.step();
                }
            }
            for (Dataset.TriadVariable triad : data.triads()) {
                for (CategoricalVariable choice : data.categories()) {
                    if (TriadByChoice.isChoice(choice)) {
                        TriadByChoice.test(triad, choice, data.inBase(), settings, patterns, skipped);
                    }
                    counter.step();
                }
            }
            withZoneRules(patterns, data, settings);
            if (patterns.isEmpty()) {
                notes.add("None of the " + pairs + " pairs of questions could be tested with the stories of this "
                        + "filter: see 'skipped' for the reason of each.");
            }
        }
        List<Pattern> ranked = adjustAndRank(patterns, settings);
        EvaluationResult.SubsetComparison subset = request.subset() == null ? null : subset(data, request, settings);
        int strong = (int) ranked.stream().filter(Pattern::strong).count();
        EvaluationResult.Summary summary = new EvaluationResult.Summary(
                ranked.size(),
                strong,
                count(ranked, SLIDER_BY_CHOICE),
                count(ranked, CHOICE_BY_CHOICE),
                count(ranked, SLIDER_BY_SLIDER),
                count(ranked, TRIAD_BY_CHOICE));
        if (data.baseSize() > 0 && strong == 0 && !ranked.isEmpty()) {
            notes.add("No pattern is strong: none has q ≤ " + settings.maxQ()
                    + " together with at least a small effect.");
        }
        progress.accept(1.0);
        return new EvaluationResult(
                definition.slug(),
                scope.module(),
                scope.moduleWide() ? scope.slugs() : null,
                softwareVersion,
                data.fingerprint(),
                data.baseSize(),
                request,
                settings,
                notes,
                summary,
                distributions,
                ranked,
                skipped,
                subset);
    }

    /**
     * The settings as the evaluation applies them: {@code minGroupSize} and {@code minPairs} at least the
     * suppression threshold {@code k}, so that no group under k is tested (or, by the staff view, described).
     */
    static EvaluationSettings effective(EvaluationSettings settings, int k) {
        EvaluationSettings s = settings.withDefaults();
        return new EvaluationSettings(
                Math.max(s.minGroupSize(), k),
                s.maxQ(),
                s.minRankBiserial(),
                s.minEpsilonSquared(),
                s.minCramersV(),
                s.minSpearman(),
                Math.max(s.minPairs(), k),
                s.minPartialEtaSquared(),
                s.triadCornerShare(),
                s.triadEdgeShare());
    }

    /** See {@link ChoiceByChoice#keptCategories}. */
    static int[][] keptCategories(long[][] table, int minimum) {
        return ChoiceByChoice.keptCategories(table, minimum);
    }

    /** Marks the patterns of a zone variable with the rule of the zones, so that a card can find its stories. */
    private static void withZoneRules(List<Pattern> patterns, Dataset data, EvaluationSettings settings) {
        Set<String> zones = new TreeSet<>();
        data.categories().stream().filter(TriadZones::isZone).forEach(c -> zones.add(c.name()));
        if (zones.isEmpty()) {
            return;
        }
        patterns.replaceAll(p -> p.zoneRule() == null && p.questions().stream().anyMatch(zones::contains)
                ? p.withZoneRule(TriadZones.rule(settings))
                : p);
    }

    private static int count(List<Pattern> patterns, String kind) {
        return (int) patterns.stream()
                .filter(p -> p.strong() && p.kind().equals(kind))
                .count();
    }

    // ---- subset comparison ----------------------------------------------------------------------------

    /**
     * The subset against the other stories: the rest of the evaluated set, or of the {@code against} set. A
     * story in both sets counts only in the subset (the two sides are independent samples); a story of the
     * evaluated set that is not in the subset, also because it did not answer a question the subset is
     * defined by, is among the rest. Variables that define the subset or the set it is compared with are
     * not compared: they differ by construction.
     */
    private static EvaluationResult.SubsetComparison subset(
            Dataset data, EvaluationRequest request, EvaluationSettings settings) {
        boolean against = request.subset().against() != null;
        List<Pattern> patterns = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        byte[] side = new byte[data.size()];
        long inSubset = 0;
        long inOther = 0;
        long overlapping = 0;
        for (int i = 0; i < data.size(); i++) {
            boolean s = data.inSubset()[i];
            boolean o = data.inComparison()[i];
            if (against && s && o) {
                overlapping++;
            }
            inSubset += s ? 1 : 0;
            inOther += !s && o ? 1 : 0;
            side[i] = (byte) (s ? 0 : o ? 1 : -1);
        }
        Set<String> defining = new TreeSet<>();
        defining(request.subset().filter(), defining);
        if (against) {
            // the subset is part of the evaluated set, the other side is not: the evaluated set's filter defines the
            // difference too
            defining(request.subset().against(), defining);
            defining(request.filter(), defining);
        }
        Set<String> subsetQuestions = new TreeSet<>();
        if (request.subset().filter() != null) {
            subsetQuestions.addAll(request.subset().filter().answers().keySet());
            subsetQuestions.addAll(request.subset().filter().ranges().keySet());
        }
        List<byte[]> subsetColumns = columns(data, subsetQuestions);
        long otherWithoutAnswer = 0;
        for (int i = 0; i < data.size(); i++) {
            if (side[i] == 1) {
                for (byte[] column : subsetColumns) {
                    if (column[i] < 0) {
                        otherWithoutAnswer++;
                        break;
                    }
                }
            }
        }
        List<String> leftOut = new ArrayList<>();
        CategoricalVariable sides = new CategoricalVariable(
                "subset", "subset", null, List.of("subset", "other"), List.of("subset", "de andere verhalen"), side);
        for (SliderVariable slider : data.sliders()) {
            if (defining.contains(slider.name())) {
                leftOut.add(slider.name());
                continue;
            }
            long[][] counts = new long[2][SliderCounts.VALUES];
            for (int i = 0; i < data.size(); i++) {
                byte v = slider.values()[i];
                if (v >= 0 && side[i] >= 0) {
                    counts[side[i]][v]++;
                }
            }
            SliderByChoice.test(slider, sides, counts, settings, SUBSET, patterns, skipped);
        }
        for (CategoricalVariable c : data.categories()) {
            if (defining.contains(c.family())) {
                leftOut.add(c.name());
                continue;
            }
            long[][] table = new long[2][c.categories().size()];
            for (int i = 0; i < data.size(); i++) {
                byte k = c.codes()[i];
                if (k >= 0 && side[i] >= 0) {
                    table[side[i]][k]++;
                }
            }
            ChoiceByChoice.chiSquare(SUBSET, List.of(c.name(), "subset"), table, sides, c, settings, patterns, skipped);
        }
        List<String> notes = new ArrayList<>();
        if (!leftOut.isEmpty()) {
            notes.add("Not compared, because the subset or the stories it is compared with are chosen by them (they "
                    + "differ by construction): " + String.join(", ", leftOut) + ".");
        }
        if (overlapping > 0) {
            notes.add("Some stories are in the subset and also in the set it is compared with (overlappingStories). "
                    + "They are counted in the subset only: the subset is compared with the rest of that set, so that "
                    + "no story is on both sides.");
        }
        if (otherWithoutAnswer > 0) {
            notes.add("Stories that did not answer a question the subset is chosen by (unanswered, not applicable or "
                    + "not asked) are not in the subset; they are among the other stories (otherWithoutSubsetAnswer).");
        }
        withZoneRules(patterns, data, settings);
        return new EvaluationResult.SubsetComparison(
                inSubset,
                inOther,
                overlapping > 0,
                overlapping,
                otherWithoutAnswer,
                leftOut,
                notes,
                adjustAndRank(patterns, settings),
                skipped);
    }

    /** The variables (by family: {@code role}, a question id) a filter selects stories by. */
    private static void defining(StoryFilter filter, Set<String> into) {
        if (filter == null) {
            return;
        }
        if (!filter.roles().isEmpty()) {
            into.add("role");
        }
        into.addAll(filter.answers().keySet());
        into.addAll(filter.ranges().keySet());
    }

    /** The answer columns of these questions (for a multichoice question one of its options: all miss together). */
    private static List<byte[]> columns(Dataset data, Set<String> questions) {
        List<byte[]> columns = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (SliderVariable s : data.sliders()) {
            if (questions.contains(s.name())) {
                columns.add(s.values());
            }
        }
        for (CategoricalVariable c : data.categories()) {
            if (questions.contains(c.family()) && seen.add(c.family())) {
                columns.add(c.codes());
            }
        }
        return columns;
    }

    // ---- multiple testing and ranking -------------------------------------------------------------------

    private static List<Pattern> adjustAndRank(List<Pattern> patterns, EvaluationSettings settings) {
        double[] q = PValueAdjustment.benjaminiHochberg(
                patterns.stream().mapToDouble(Pattern::p).toArray());
        List<Pattern> adjusted = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            Pattern p = patterns.get(i);
            adjusted.add(p.judged(q[i], q[i] <= settings.maxQ() && p.standardizedEffect() >= minimum(p, settings)));
        }
        adjusted.sort(Comparator.comparingDouble(Pattern::standardizedEffect)
                .reversed()
                .thenComparingDouble(Pattern::q)
                .thenComparing(Pattern::kind)
                .thenComparing(p -> String.join("|", p.questions())));
        List<Pattern> ranked = new ArrayList<>();
        for (int i = 0; i < adjusted.size(); i++) {
            ranked.add(adjusted.get(i).ranked(i + 1));
        }
        return ranked;
    }

    /** The smallest effect of a strong pattern, on the common scale. */
    private static double minimum(Pattern p, EvaluationSettings settings) {
        return switch (p.effectSize().name()) {
            case "rank-biserial" -> settings.minRankBiserial();
            case "partial-eta-squared" -> Math.sqrt(settings.minPartialEtaSquared());
            case "epsilon-squared" -> Math.sqrt(settings.minEpsilonSquared());
            case "cramers-v" -> settings.minCramersV();
            default -> settings.minSpearman();
        };
    }

    /** Reports progress at most every 1% of the pairs. */
    private static final class Counter {
        private final int total;
        private final DoubleConsumer progress;
        private int done;

        Counter(int total, DoubleConsumer progress) {
            this.total = Math.max(1, total);
            this.progress = progress;
        }

        void step() {
            done++;
            if (done * 100L / total != (done - 1) * 100L / total) {
                progress.accept(done / (double) total);
            }
        }
    }
}
