package nl.vertelpunt.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleConsumer;
import java.util.stream.IntStream;
import nl.vertelpunt.evaluation.Dataset.CategoricalVariable;
import nl.vertelpunt.evaluation.Dataset.SliderVariable;
import nl.vertelpunt.evaluation.EvaluationResult.Category;
import nl.vertelpunt.evaluation.EvaluationResult.Distribution;
import nl.vertelpunt.evaluation.EvaluationResult.Effect;
import nl.vertelpunt.evaluation.EvaluationResult.GroupStats;
import nl.vertelpunt.evaluation.EvaluationResult.Pairwise;
import nl.vertelpunt.evaluation.EvaluationResult.Pattern;
import nl.vertelpunt.evaluation.EvaluationResult.Skipped;
import nl.vertelpunt.evaluation.stats.ChiSquareResult;
import nl.vertelpunt.evaluation.stats.KruskalWallis;
import nl.vertelpunt.evaluation.stats.KruskalWallisResult;
import nl.vertelpunt.evaluation.stats.MannWhitneyResult;
import nl.vertelpunt.evaluation.stats.MannWhitneyU;
import nl.vertelpunt.evaluation.stats.PValueAdjustment;
import nl.vertelpunt.evaluation.stats.PearsonChiSquare;
import nl.vertelpunt.evaluation.stats.SpearmanResult;
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
 */
final class Evaluator {

    static final String SLIDER_BY_CHOICE = "slider_by_choice";
    static final String CHOICE_BY_CHOICE = "choice_by_choice";
    static final String SLIDER_BY_SLIDER = "slider_by_slider";
    static final String SUBSET = "subset";

    private Evaluator() {}

    static EvaluationResult evaluate(
            Dataset data,
            EvaluationRequest request,
            StoryPointDefinition definition,
            String softwareVersion,
            DoubleConsumer progress) {
        EvaluationSettings asked =
                (request.settings() == null ? EvaluationSettings.DEFAULTS : request.settings()).withDefaults();
        EvaluationSettings settings = effective(asked, definition.suppression());
        List<String> notes = new ArrayList<>();
        if (settings.minGroupSize() > asked.minGroupSize() || settings.minPairs() > asked.minPairs()) {
            notes.add("minGroupSize and minPairs are at least " + definition.suppression() + ", the story point's "
                    + "suppression threshold: no group of fewer stories is tested (see 'settings').");
        }
        List<Distribution> distributions = distributions(data, data.inBase());
        List<Pattern> patterns = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        if (data.baseSize() == 0) {
            notes.add("No story matches the filter, so nothing could be tested.");
        } else {
            int pairs = data.sliders().size() * data.categories().size()
                    + data.categories().size() * (data.categories().size() - 1) / 2
                    + data.sliders().size() * (data.sliders().size() - 1) / 2;
            Counter counter = new Counter(pairs, progress);
            for (SliderVariable slider : data.sliders()) {
                long[][][] counts = countsByCategory(data, slider, data.inBase());
                for (int c = 0; c < data.categories().size(); c++) {
                    sliderByChoice(
                            slider, data.categories().get(c), counts[c], settings, SLIDER_BY_CHOICE, patterns, skipped);
                    counter.step();
                }
            }
            for (int a = 0; a < data.categories().size(); a++) {
                for (int b = a + 1; b < data.categories().size(); b++) {
                    CategoricalVariable x = data.categories().get(a);
                    CategoricalVariable y = data.categories().get(b);
                    if (!x.family().equals(y.family())) {
                        choiceByChoice(x, y, data.inBase(), settings, patterns, skipped);
                    }
                    counter.step();
                }
            }
            for (int a = 0; a < data.sliders().size(); a++) {
                for (int b = a + 1; b < data.sliders().size(); b++) {
                    sliderBySlider(
                            data.sliders().get(a), data.sliders().get(b), data.inBase(), settings, patterns, skipped);
                    counter.step();
                }
            }
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
                count(ranked, SLIDER_BY_SLIDER));
        if (data.baseSize() > 0 && strong == 0 && !ranked.isEmpty()) {
            notes.add("No pattern is strong: none has q ≤ " + settings.maxQ()
                    + " together with at least a small effect.");
        }
        progress.accept(1.0);
        return new EvaluationResult(
                definition.slug(),
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
                Math.max(s.minPairs(), k));
    }

    private static int count(List<Pattern> patterns, String kind) {
        return (int) patterns.stream()
                .filter(p -> p.strong() && p.kind().equals(kind))
                .count();
    }

    // ---- distributions ---------------------------------------------------------------------------

    private static List<Distribution> distributions(Dataset data, boolean[] rows) {
        List<Distribution> out = new ArrayList<>();
        for (SliderVariable s : data.sliders()) {
            long[] counts = new long[SliderCounts.VALUES];
            int[] missing = new int[4];
            for (int i = 0; i < data.size(); i++) {
                if (!rows[i]) {
                    continue;
                }
                byte v = s.values()[i];
                if (v >= 0) {
                    counts[v]++;
                } else {
                    missing[-v]++;
                }
            }
            GroupStats stats = SliderCounts.describe(counts, null, null, null);
            out.add(new Distribution(
                    s.name(),
                    s.question().id(),
                    s.question().number(),
                    "slider",
                    s.question().label().in("nl"),
                    (int) stats.n(),
                    missing[-Dataset.NOT_APPLICABLE],
                    missing[-Dataset.UNANSWERED],
                    missing[-Dataset.NOT_ASKED],
                    stats,
                    null,
                    null,
                    null));
        }
        for (CategoricalVariable c : data.categories()) {
            long[] counts = new long[c.categories().size()];
            int[] missing = new int[4];
            long answered = 0;
            for (int i = 0; i < data.size(); i++) {
                if (!rows[i]) {
                    continue;
                }
                byte v = c.codes()[i];
                if (v >= 0) {
                    counts[v]++;
                    answered++;
                } else {
                    missing[-v]++;
                }
            }
            List<Category> categories = new ArrayList<>();
            for (int k = 0; k < counts.length; k++) {
                categories.add(new Category(
                        c.categories().get(k),
                        c.labels().get(k),
                        counts[k],
                        answered == 0 ? null : counts[k] / (double) answered));
            }
            String type = c.question() == null ? "role" : c.name().contains(":") ? "multichoice-option" : "choice";
            out.add(new Distribution(
                    c.name(),
                    c.question() == null ? "role" : c.question().id(),
                    c.question() == null ? null : c.question().number(),
                    type,
                    c.question() == null ? "Rol" : c.question().label().in("nl"),
                    (int) answered,
                    missing[-Dataset.NOT_APPLICABLE],
                    missing[-Dataset.UNANSWERED],
                    missing[-Dataset.NOT_ASKED],
                    null,
                    categories,
                    null,
                    null));
        }
        for (Dataset.TriadVariable t : data.triads()) {
            double[] sums = new double[3];
            int answered = 0;
            int[] missing = new int[4];
            for (int i = 0; i < data.size(); i++) {
                if (!rows[i]) {
                    continue;
                }
                if (t.a()[i] < 0) {
                    missing[-t.a()[i]]++;
                    continue;
                }
                sums[0] += t.a()[i];
                sums[1] += t.b()[i];
                sums[2] += t.c()[i];
                answered++;
            }
            List<Double> means =
                    answered == 0 ? null : List.of(sums[0] / answered, sums[1] / answered, sums[2] / answered);
            out.add(new Distribution(
                    t.name(),
                    t.question().id(),
                    t.question().number(),
                    "triad",
                    t.question().label().in("nl"),
                    answered,
                    missing[-Dataset.NOT_APPLICABLE],
                    missing[-Dataset.UNANSWERED],
                    missing[-Dataset.NOT_ASKED],
                    null,
                    null,
                    t.question().corners().stream().map(x -> x.in("nl")).toList(),
                    means));
        }
        return out;
    }

    // ---- slider × choice ---------------------------------------------------------------------------

    /** For one slider and every categorical variable: counts[variable][category][value] over the rows. */
    private static long[][][] countsByCategory(Dataset data, SliderVariable slider, boolean[] rows) {
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

    private static void sliderByChoice(
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
                    notes));
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
                notes));
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

    // ---- choice × choice ---------------------------------------------------------------------------

    private static void choiceByChoice(
            CategoricalVariable x,
            CategoricalVariable y,
            boolean[] rows,
            EvaluationSettings settings,
            List<Pattern> patterns,
            List<Skipped> skipped) {
        long[][] table = new long[x.categories().size()][y.categories().size()];
        byte[] a = x.codes();
        byte[] b = y.codes();
        for (int i = 0; i < a.length; i++) {
            if (rows[i] && a[i] >= 0 && b[i] >= 0) {
                table[a[i]][b[i]]++;
            }
        }
        chiSquare(CHOICE_BY_CHOICE, List.of(x.name(), y.name()), table, x, y, settings, patterns, skipped);
    }

    /**
     * Pearson chi-square over the categories that have at least {@code minGroupSize} answers on each side
     * (the others are left out and named), with Cramér's V and the adjusted residuals. Leaving out a small
     * row makes the columns smaller and the other way round, so rows and columns are left out in turn until
     * every row and every column that is kept has at least {@code minGroupSize} answers.
     */
    private static void chiSquare(
            String kind,
            List<String> questions,
            long[][] full,
            CategoricalVariable x,
            CategoricalVariable y,
            EvaluationSettings settings,
            List<Pattern> patterns,
            List<Skipped> skipped) {
        int[][] kept = keptCategories(full, settings.minGroupSize());
        int[] keptRows = kept[0];
        int[] keptColumns = kept[1];
        if (keptRows.length < 2 || keptColumns.length < 2) {
            skipped.add(new Skipped(
                    kind,
                    questions,
                    "fewer than two categories with at least " + settings.minGroupSize() + " answers on one side"));
            return;
        }
        long[][] table = new long[keptRows.length][keptColumns.length];
        for (int r = 0; r < keptRows.length; r++) {
            for (int c = 0; c < keptColumns.length; c++) {
                table[r][c] = full[keptRows[r]][keptColumns[c]];
            }
        }
        ChiSquareResult chi = PearsonChiSquare.test(table);
        if (chi.degreesOfFreedom() < 1 || !Double.isFinite(chi.pValue())) {
            skipped.add(new Skipped(kind, questions, "fewer than two answered categories on one side"));
            return;
        }
        int[] rowsUsed = compose(keptRows, chi.rows());
        int[] columnsUsed = compose(keptColumns, chi.columns());
        List<String> leftOut = new ArrayList<>();
        for (int r = 0; r < full.length; r++) {
            if (total(full[r]) > 0 && Arrays.binarySearch(rowsUsed, r) < 0) {
                leftOut.add(x.name() + "=" + x.categories().get(r));
            }
        }
        boolean[] allRows = new boolean[full.length];
        Arrays.fill(allRows, true);
        for (int c = 0; c < full[0].length; c++) {
            if (columnTotal(full, c, allRows) > 0 && Arrays.binarySearch(columnsUsed, c) < 0) {
                leftOut.add(y.name() + "=" + y.categories().get(c));
            }
        }
        long[][] counts = new long[rowsUsed.length][columnsUsed.length];
        for (int r = 0; r < rowsUsed.length; r++) {
            for (int c = 0; c < columnsUsed.length; c++) {
                counts[r][c] = full[rowsUsed[r]][columnsUsed[c]];
            }
        }
        List<String> notes = new ArrayList<>();
        if (!leftOut.isEmpty()) {
            notes.add("Left out of the test, fewer than " + settings.minGroupSize() + " answers: "
                    + String.join(", ", leftOut));
        }
        if (chi.expectedBelowFiveWarning()) {
            notes.add("More than 20% of the expected counts are below 5; read the test with care.");
        }
        EvaluationResult.Table shown = new EvaluationResult.Table(
                pick(x.categories(), rowsUsed),
                pick(x.labels(), rowsUsed),
                pick(y.categories(), columnsUsed),
                pick(y.labels(), columnsUsed),
                counts,
                round(chi.expected()),
                round(chi.adjustedResiduals()),
                chi.shareExpectedBelowFive(),
                chi.expectedBelowFiveWarning(),
                leftOut);
        patterns.add(new Pattern(
                0,
                kind,
                questions,
                "chi-square",
                chi.statistic(),
                chi.degreesOfFreedom(),
                chi.pValue(),
                Double.NaN,
                new Effect("cramers-v", num(chi.cramersV())),
                chi.cramersV(),
                chi.n(),
                false,
                null,
                null,
                shown,
                null,
                notes.isEmpty() ? null : notes));
    }

    /**
     * The rows and columns of a table that have at least {@code minimum} answers within the kept part of
     * the table: small rows and columns are left out in turn until none is left (ascending indices).
     */
    static int[][] keptCategories(long[][] table, int minimum) {
        boolean[] row = new boolean[table.length];
        boolean[] column = new boolean[table[0].length];
        Arrays.fill(row, true);
        Arrays.fill(column, true);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int r = 0; r < table.length; r++) {
                if (row[r] && total(table[r], column) < minimum) {
                    row[r] = false;
                    changed = true;
                }
            }
            for (int c = 0; c < column.length; c++) {
                if (column[c] && columnTotal(table, c, row) < minimum) {
                    column[c] = false;
                    changed = true;
                }
            }
        }
        return new int[][] {indices(row), indices(column)};
    }

    private static long total(long[] cells) {
        long sum = 0;
        for (long c : cells) {
            sum += c;
        }
        return sum;
    }

    /** The total of column {@code c} over the rows that are kept. */
    private static long columnTotal(long[][] table, int c, boolean[] keptRows) {
        long sum = 0;
        for (int r = 0; r < table.length; r++) {
            sum += keptRows[r] ? table[r][c] : 0;
        }
        return sum;
    }

    private static long total(long[] cells, boolean[] kept) {
        long sum = 0;
        for (int i = 0; i < cells.length; i++) {
            sum += kept[i] ? cells[i] : 0;
        }
        return sum;
    }

    private static int[] indices(boolean[] kept) {
        return IntStream.range(0, kept.length).filter(i -> kept[i]).toArray();
    }

    /** Indices into the original table of the rows (or columns) that the test kept of the reduced table. */
    private static int[] compose(int[] outer, int[] inner) {
        int[] out = new int[inner.length];
        for (int i = 0; i < inner.length; i++) {
            out[i] = outer[inner[i]];
        }
        return out;
    }

    // ---- slider × slider ---------------------------------------------------------------------------

    private static void sliderBySlider(
            SliderVariable x,
            SliderVariable y,
            boolean[] rows,
            EvaluationSettings settings,
            List<Pattern> patterns,
            List<Skipped> skipped) {
        long[][] joint = new long[SliderCounts.VALUES][SliderCounts.VALUES];
        byte[] a = x.values();
        byte[] b = y.values();
        long n = 0;
        for (int i = 0; i < a.length; i++) {
            byte u = a[i];
            byte v = b[i];
            if (u >= 0 && v >= 0 && rows[i]) {
                joint[u][v]++;
                n++;
            }
        }
        List<String> questions = List.of(x.name(), y.name());
        if (n < settings.minPairs()) {
            // no exact count here: it may be under the suppression threshold, and skip reasons are shown as they are
            skipped.add(new Skipped(
                    SLIDER_BY_SLIDER, questions, "fewer than " + settings.minPairs() + " stories answered both"));
            return;
        }
        SpearmanResult rho = SliderCounts.spearman(joint);
        if (rho.outcome() != SpearmanResult.Outcome.COMPUTED) {
            skipped.add(new Skipped(SLIDER_BY_SLIDER, questions, "one of the sliders has no variation"));
            return;
        }
        long[][] bins = new long[10][10];
        for (int u = 0; u < SliderCounts.VALUES; u++) {
            for (int v = 0; v < SliderCounts.VALUES; v++) {
                bins[Math.min(9, u / 10)][Math.min(9, v / 10)] += joint[u][v];
            }
        }
        // |rho| = 1: t is infinite and p = 0; JSON has no infinity, so the statistic is left empty and a note says why
        List<String> notes = Double.isFinite(rho.t())
                ? null
                : List.of("ρ = " + (rho.rho() > 0 ? "1" : "−1") + ": the two sliders put the stories in exactly the "
                        + (rho.rho() > 0 ? "same" : "reverse") + " order, so t is infinite (left empty) and p = 0.");
        patterns.add(new Pattern(
                0,
                SLIDER_BY_SLIDER,
                questions,
                "spearman",
                num(rho.t()),
                (int) n - 2,
                rho.pValue(),
                Double.NaN,
                new Effect("spearman-rho", num(rho.rho())),
                Math.abs(rho.rho()),
                n,
                false,
                null,
                null,
                null,
                new EvaluationResult.Joint(x.name(), y.name(), bins),
                notes));
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
            sliderByChoice(slider, sides, counts, settings, SUBSET, patterns, skipped);
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
            chiSquare(SUBSET, List.of(c.name(), "subset"), table, sides, c, settings, patterns, skipped);
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
            case "epsilon-squared" -> Math.sqrt(settings.minEpsilonSquared());
            case "cramers-v" -> settings.minCramersV();
            default -> settings.minSpearman();
        };
    }

    // ---- small helpers --------------------------------------------------------------------------------

    private static Double num(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static List<String> pick(List<String> values, int[] indices) {
        List<String> out = new ArrayList<>();
        for (int i : indices) {
            out.add(values.get(i));
        }
        return out;
    }

    /** Rounds derived cell values to 12 significant digits, for a compact and stable JSON. */
    private static double[][] round(double[][] cells) {
        double[][] out = new double[cells.length][];
        for (int i = 0; i < cells.length; i++) {
            out[i] = new double[cells[i].length];
            for (int j = 0; j < cells[i].length; j++) {
                double v = cells[i][j];
                out[i][j] = Double.isFinite(v)
                        ? new BigDecimal(v).round(new MathContext(12)).doubleValue()
                        : 0;
            }
        }
        return out;
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
