package nl.vertelpunt.evaluation;

import static nl.vertelpunt.evaluation.EvaluationResult.num;

import java.util.ArrayList;
import java.util.List;
import nl.vertelpunt.evaluation.Dataset.CategoricalVariable;
import nl.vertelpunt.evaluation.Dataset.SliderVariable;
import nl.vertelpunt.evaluation.EvaluationResult.Effect;
import nl.vertelpunt.evaluation.EvaluationResult.GroupStats;
import nl.vertelpunt.evaluation.EvaluationResult.Pairwise;
import nl.vertelpunt.evaluation.EvaluationResult.Pattern;
import nl.vertelpunt.evaluation.EvaluationResult.Skipped;
import nl.vertelpunt.evaluation.stats.KruskalWallis;
import nl.vertelpunt.evaluation.stats.KruskalWallisResult;
import nl.vertelpunt.evaluation.stats.MannWhitneyResult;
import nl.vertelpunt.evaluation.stats.MannWhitneyU;
import nl.vertelpunt.evaluation.stats.PValueAdjustment;

/**
 * Slider × choice: a slider's answers in the groups of a choice-like variable, compared by Mann–Whitney (two
 * groups) or Kruskal–Wallis with Holm-adjusted pairwise Mann–Whitney tests (three or more), from the counts of
 * each slider value per group; groups under {@code minGroupSize} are described but left out of the test.
 */
final class SliderByChoice {

    private SliderByChoice() {}

    /** For one slider and every categorical variable: counts[variable][category][value] over the rows. */
    static long[][][] countsByCategory(Dataset data, SliderVariable slider, boolean[] rows) {
        List<CategoricalVariable> cats = data.categories();
        long[][][] counts = new long[cats.size()][][];
        byte[][] codes = new byte[cats.size()][];
        for (int c = 0; c < cats.size(); c++) {
            counts[c] = new long[cats.get(c).categories().size()][SliderCounts.VALUES];
            codes[c] = cats.get(c).codes();
        }
        byte[] values = slider.values();
        for (int i = 0; i < data.size(); i++) {
            byte v = values[i];
            if (v < 0 || !rows[i]) {
                continue;
            }
            for (int c = 0; c < codes.length; c++) {
                byte k = codes[c][i];
                if (k >= 0) {
                    counts[c][k][v]++;
                }
            }
        }
        return counts;
    }

    /**
     * Mann–Whitney for two groups, Kruskal–Wallis with pairwise tests for more, over the groups with at least
     * {@code minGroupSize} answers; a pattern of {@code kind}, or the reason it was skipped.
     */
    static void test(
            SliderVariable slider,
            CategoricalVariable choice,
            long[][] counts,
            EvaluationSettings settings,
            String kind,
            List<Pattern> patterns,
            List<Skipped> skipped) {
        List<String> questions = List.of(slider.name(), choice.name());
        int k = counts.length;
        List<Integer> tested = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        List<GroupStats> groups = new ArrayList<>();
        long n = 0;
        for (int g = 0; g < k; g++) {
            long size = SliderCounts.total(counts[g]);
            boolean enough = size >= settings.minGroupSize();
            if (enough) {
                tested.add(g);
                n += size;
            } else if (size > 0) {
                leftOut.add(choice.categories().get(g));
            }
            groups.add(SliderCounts.describe(
                    counts[g], choice.categories().get(g), choice.labels().get(g), enough));
        }
        if (tested.size() < 2) {
            skipped.add(new Skipped(
                    kind, questions, "fewer than two groups with at least " + settings.minGroupSize() + " answers"));
            return;
        }
        int[] ids = tested.stream().mapToInt(Integer::intValue).toArray();
        List<String> notes = leftOut.isEmpty()
                ? null
                : List.of("Left out of the test, fewer than " + settings.minGroupSize() + " answers: "
                        + String.join(", ", leftOut));
        if (ids.length == 2) {
            MannWhitneyResult mw = MannWhitneyU.fromRankSums(SliderCounts.rankSums(counts, ids));
            if (!Double.isFinite(mw.pValue())) {
                skipped.add(new Skipped(kind, questions, "all answers are the same"));
                return;
            }
            patterns.add(new Pattern(
                    0,
                    kind,
                    questions,
                    "mann-whitney",
                    mw.u(),
                    null,
                    mw.pValue(),
                    Double.NaN,
                    new Effect("rank-biserial", num(mw.rankBiserial())),
                    Math.abs(mw.rankBiserial()),
                    n,
                    false,
                    groups,
                    null,
                    null,
                    null,
                    notes,
                    null,
                    null));
            return;
        }
        KruskalWallisResult kw = KruskalWallis.fromRankSums(SliderCounts.rankSums(counts, ids));
        if (!Double.isFinite(kw.pValue())) {
            skipped.add(new Skipped(kind, questions, "all answers are the same"));
            return;
        }
        patterns.add(new Pattern(
                0,
                kind,
                questions,
                "kruskal-wallis",
                kw.h(),
                kw.degreesOfFreedom(),
                kw.pValue(),
                Double.NaN,
                new Effect("epsilon-squared", num(kw.epsilonSquared())),
                Math.sqrt(Math.max(0, kw.epsilonSquared())),
                n,
                false,
                groups,
                pairwise(counts, ids, choice),
                null,
                null,
                notes,
                null,
                null));
    }

    /** Mann–Whitney between every two tested groups, Holm-adjusted within the pattern. */
    private static List<Pairwise> pairwise(long[][] counts, int[] ids, CategoricalVariable choice) {
        List<MannWhitneyResult> tests = new ArrayList<>();
        List<int[]> pairs = new ArrayList<>();
        for (int a = 0; a < ids.length; a++) {
            for (int b = a + 1; b < ids.length; b++) {
                tests.add(MannWhitneyU.fromRankSums(SliderCounts.rankSums(counts, new int[] {ids[a], ids[b]})));
                pairs.add(new int[] {ids[a], ids[b]});
            }
        }
        double[] holm = PValueAdjustment.holm(
                tests.stream().mapToDouble(MannWhitneyResult::pValue).toArray());
        List<Pairwise> out = new ArrayList<>();
        for (int i = 0; i < tests.size(); i++) {
            MannWhitneyResult t = tests.get(i);
            out.add(new Pairwise(
                    choice.categories().get(pairs.get(i)[0]),
                    choice.categories().get(pairs.get(i)[1]),
                    t.u(),
                    num(t.z()),
                    num(t.pValue()),
                    num(holm[i]),
                    num(t.rankBiserial())));
        }
        return out;
    }
}
