package nl.vertelpunt.comparison;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.DoubleConsumer;
import nl.vertelpunt.comparison.ComparisonRequest.ResamplingSettings;
import nl.vertelpunt.comparison.ComparisonResult.Difference;
import nl.vertelpunt.comparison.ComparisonResult.PatternComparison;
import nl.vertelpunt.comparison.ComparisonResult.Side;
import nl.vertelpunt.comparison.ComparisonResult.SideSummary;
import nl.vertelpunt.comparison.stats.FisherZ;
import nl.vertelpunt.comparison.stats.Resampling;
import nl.vertelpunt.evaluation.ComparisonSupport;
import nl.vertelpunt.evaluation.Dataset;
import nl.vertelpunt.evaluation.Dataset.CategoricalVariable;
import nl.vertelpunt.evaluation.Dataset.SliderVariable;
import nl.vertelpunt.evaluation.EvaluationResult;
import nl.vertelpunt.evaluation.EvaluationResult.Pattern;
import nl.vertelpunt.evaluation.EvaluationSettings;
import nl.vertelpunt.evaluation.stats.PValueAdjustment;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;

/**
 * The comparison itself: plain computation over a {@link Dataset} with two disjoint sets of rows, the focus and the
 * reference; no I/O.
 *
 * <ol>
 *   <li>Each side is evaluated as a pattern evaluation would ({@link ComparisonSupport#evaluate}): the same pairs,
 *       tests, Benjamini–Hochberg family and rule for "strong".</li>
 *   <li>Every pattern strong on either side is compared, except those of a variable that chooses a side. The
 *       effect is computed on each side over what both sides have: slider × choice over the groups with at least
 *       {@code minGroupSize} answers on both sides (rank-biserial for two groups, ε² for more), choice × choice over
 *       the rows and columns both evaluations keep (Cramér's V), slider × slider over the stories that answered both
 *       (Spearman's ρ, at least {@code minPairs} on each side).</li>
 *   <li>Intervals: ρ by Fisher's z ({@link FisherZ}), the others by a percentile bootstrap that resamples each group
 *       (or all pairs of a crosstab) at its own size. Difference: Fisher's z for ρ, a permutation test of the
 *       absolute difference of the effects for the others. The difference p-values form one Benjamini–Hochberg
 *       family.</li>
 *   <li>A verdict per pattern ({@link #verdict}).</li>
 * </ol>
 *
 * <p>Randomness: each pattern has its own {@link SplittableRandom}, seeded from the request's seed and the pattern's
 * key, split into the focus bootstrap, the reference bootstrap and the permutations in that order; so a pattern's
 * numbers do not depend on which other patterns are compared, and nothing depends on threads.
 */
public final class Comparer {

    public static final String SHARED = "shared";
    public static final String STRONGER_HERE = "stronger-here";
    public static final String WEAKER_HERE = "weaker-here";
    public static final String ONLY_HERE = "only-here";
    public static final String ONLY_ELSEWHERE = "only-elsewhere";
    public static final String OPPOSITE = "opposite";
    public static final String UNCLEAR = "unclear";

    static final double CONFIDENCE = 0.95;
    private static final int V = ComparisonSupport.SLIDER_VALUES;

    private Comparer() {}

    /**
     * What to compare. {@code focus} and {@code reference} mark rows of {@code data}; no row may be in both.
     * {@code leftOut}: the variables (families) that choose a side; {@code notes}: said first in the result.
     */
    public record Input(
            Dataset data,
            boolean[] focus,
            boolean[] reference,
            Set<String> leftOut,
            List<String> notes,
            ComparisonRequest request,
            StoryPointDefinition definition,
            String softwareVersion) {}

    /** Compares; {@code progress} hears the share done (0..1). */
    public static ComparisonResult compare(Input asked, DoubleConsumer progress) {
        ComparisonRequest request = asked.request().normalized();
        EvaluationSettings settings = ComparisonSupport.effective(
                request.settings(), asked.definition().suppression());
        // the zone of every triad (t:zone) is a choice variable on both sides, compared as any other choice
        Input in = new Input(
                ComparisonSupport.withTriadZones(asked.data(), settings),
                asked.focus(),
                asked.reference(),
                asked.leftOut(),
                asked.notes(),
                asked.request(),
                asked.definition(),
                asked.softwareVersion());
        ResamplingSettings resampling = request.resampling();
        EvaluationResult focusEvaluation = ComparisonSupport.evaluate(in.data(), in.focus(), settings, in.definition());
        progress.accept(0.1);
        EvaluationResult referenceEvaluation =
                ComparisonSupport.evaluate(in.data(), in.reference(), settings, in.definition());
        progress.accept(0.2);

        Map<String, Pattern> focusPatterns = byKey(focusEvaluation);
        Map<String, Pattern> referencePatterns = byKey(referenceEvaluation);
        Map<String, String> focusSkipped = skipped(focusEvaluation);
        Map<String, String> referenceSkipped = skipped(referenceEvaluation);
        Map<String, String> families = new HashMap<>();
        in.data().categories().forEach(c -> families.put(c.name(), c.family()));

        Set<String> keys = new TreeSet<>();
        boolean triadsLeftOut = false;
        for (Map<String, Pattern> side : List.of(focusPatterns, referencePatterns)) {
            for (Pattern p : side.values()) {
                if (p.strong() && p.kind().equals(ComparisonSupport.TRIAD_BY_CHOICE)) {
                    // no effect of the MANOVA is resampled here: left out, said in a note
                    triadsLeftOut = true;
                    continue;
                }
                if (p.strong()
                        && p.questions().stream().noneMatch(v -> in.leftOut().contains(families.getOrDefault(v, v)))) {
                    keys.add(key(p));
                }
            }
        }
        Set<String> leftOut = new TreeSet<>(in.leftOut());
        List<Compared> compared = new ArrayList<>();
        int done = 0;
        for (String key : keys) {
            Pattern f = focusPatterns.get(key);
            Pattern r = referencePatterns.get(key);
            Pattern any = f != null ? f : r;
            Pair pair = new Pair(key, any, f, r, focusSkipped.get(key), referenceSkipped.get(key), new ArrayList<>());
            compared.add(compare(in, settings, resampling, key, any, pair));
            progress.accept(0.2 + 0.8 * ++done / keys.size());
        }
        double[] q = PValueAdjustment.benjaminiHochberg(
                compared.stream().mapToDouble(c -> c.p).toArray());
        List<PatternComparison> patterns = new ArrayList<>();
        int[] counts = new int[7];
        for (int i = 0; i < compared.size(); i++) {
            PatternComparison p = compared.get(i).judged(q[i], settings.maxQ());
            patterns.add(p);
            counts[
                    List.of(SHARED, STRONGER_HERE, WEAKER_HERE, ONLY_HERE, ONLY_ELSEWHERE, OPPOSITE, UNCLEAR)
                            .indexOf(p.verdict())]++;
        }
        patterns.sort(
                Comparator.comparingDouble(Comparer::largestEffect).reversed().thenComparing(PatternComparison::key));
        List<String> notes = new ArrayList<>(in.notes());
        if (!leftOut.isEmpty()) {
            notes.add("Not compared, because the focus or the reference is chosen by them (they differ by "
                    + "construction): " + String.join(", ", leftOut) + ".");
        }
        if (triadsLeftOut) {
            notes.add("Triads by a choice (their shares compared by MANOVA) are not compared between the two sides; "
                    + "the zones of each triad (t:zone) are, as choices.");
        }
        if (patterns.isEmpty()) {
            notes.add("No pattern is strong in the focus or in the reference, so there is nothing to compare.");
        }
        progress.accept(1.0);
        return new ComparisonResult(
                in.definition().slug(),
                in.softwareVersion(),
                request,
                settings,
                resampling,
                CONFIDENCE,
                summary(asked.data(), in.focus(), focusEvaluation),
                summary(asked.data(), in.reference(), referenceEvaluation),
                List.copyOf(leftOut),
                notes,
                new ComparisonResult.Summary(
                        patterns.size(), counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6]),
                patterns);
    }

    // ---- one pattern ---------------------------------------------------------------------------------------

    /** A pattern compared, before the family's q-values and the verdict. */
    private record Compared(
            String key,
            Pattern any,
            String effect,
            boolean signed,
            List<String> groups,
            Side focus,
            Side reference,
            Difference difference,
            double p,
            List<String> notes) {

        PatternComparison judged(double q, double maxQ) {
            Difference d = difference == null
                    ? null
                    : new Difference(
                            difference.test(),
                            difference.statistic(),
                            difference.p(),
                            num(q),
                            difference.permutations(),
                            difference.atLeast());
            String verdict = verdict(
                    focus.strong(),
                    reference.strong(),
                    focus.effect(),
                    reference.effect(),
                    signed,
                    Double.isFinite(q) && q <= maxQ);
            return new PatternComparison(
                    key,
                    any.kind(),
                    any.questions(),
                    effect,
                    signed,
                    verdict,
                    groups,
                    focus,
                    reference,
                    d,
                    notes.isEmpty() ? null : notes);
        }
    }

    /**
     * The verdict from both sides' "strong", the compared effects and whether their difference is significant (its
     * q ≤ maxQ). A verdict that says the sides differ always rests on a significant difference test:
     *
     * <ul>
     *   <li>strong on both sides: {@code opposite} when the effects have opposite directions, else
     *       {@code stronger-here} or {@code weaker-here} by the larger |effect|, else {@code shared};
     *   <li>strong in the focus only: {@code only-here} when it is larger in the focus; strong in the reference only:
     *       {@code only-elsewhere} when it is larger there;
     *   <li>{@code unclear} otherwise: strong on one side, but the sides cannot be told apart with these stories, or
     *       the pattern could not be compared (not tested on one side, fewer than two groups in common).
     * </ul>
     */
    static String verdict(
            boolean strongHere,
            boolean strongElsewhere,
            Double here,
            Double elsewhere,
            boolean signed,
            boolean differ) {
        if (here == null || elsewhere == null) {
            return UNCLEAR;
        }
        boolean larger = Math.abs(here) > Math.abs(elsewhere);
        if (strongHere && strongElsewhere) {
            if (signed && Math.signum(here) != Math.signum(elsewhere)) {
                return differ ? OPPOSITE : UNCLEAR;
            }
            return !differ ? SHARED : larger ? STRONGER_HERE : WEAKER_HERE;
        }
        if (strongHere) {
            return differ && larger ? ONLY_HERE : UNCLEAR;
        }
        return differ && !larger ? ONLY_ELSEWHERE : UNCLEAR;
    }

    /** One pattern to compare: its key, its pattern on each side (null where not tested) and why not. */
    private record Pair(
            String key,
            Pattern any,
            Pattern focus,
            Pattern reference,
            String focusSkipped,
            String referenceSkipped,
            List<String> notes) {

        Compared compared(
                String effect,
                boolean signed,
                List<String> groups,
                double[] focusEffect,
                double[] focusInterval,
                double[] referenceEffect,
                double[] referenceInterval,
                String method,
                Integer finiteFocus,
                Integer finiteReference,
                Difference difference,
                double p) {
            return new Compared(
                    key,
                    any,
                    effect,
                    signed,
                    groups,
                    side(focus, focusSkipped, focusEffect, focusInterval, method, finiteFocus),
                    side(reference, referenceSkipped, referenceEffect, referenceInterval, method, finiteReference),
                    difference,
                    p,
                    notes);
        }

        /** A pattern that cannot be compared (a note says why). */
        Compared uncompared(String effect, boolean signed, List<String> groups) {
            double[] none = {Double.NaN, 0};
            double[] noInterval = {Double.NaN, Double.NaN};
            return compared(
                    effect, signed, groups, none, noInterval, none, noInterval, null, null, null, null, Double.NaN);
        }
    }

    private static Compared compare(
            Input in, EvaluationSettings settings, ResamplingSettings resampling, String key, Pattern any, Pair pair) {
        Dataset data = in.data();
        List<String> notes = pair.notes();
        return switch (any.kind()) {
            case ComparisonSupport.SLIDER_BY_SLIDER -> {
                SliderVariable x = slider(data, any.questions().get(0));
                SliderVariable y = slider(data, any.questions().get(1));
                double[] focus = rho(x, y, in.focus(), settings);
                double[] reference = rho(x, y, in.reference(), settings);
                double[] d = FisherZ.difference(focus[0], (long) focus[1], reference[0], (long) reference[1]);
                if (Double.isNaN(focus[0]) || Double.isNaN(reference[0])) {
                    notes.add("Not compared: one side has fewer than " + settings.minPairs()
                            + " stories that answered both, or a slider without variation.");
                }
                yield pair.compared(
                        "spearman-rho",
                        true,
                        null,
                        focus,
                        FisherZ.interval(focus[0], (long) focus[1]),
                        reference,
                        FisherZ.interval(reference[0], (long) reference[1]),
                        "fisher-z",
                        null,
                        null,
                        Double.isNaN(d[1]) ? null : new Difference("fisher-z", num(d[0]), num(d[1]), null, null, null),
                        d[1]);
            }
            case ComparisonSupport.SLIDER_BY_CHOICE -> {
                SliderVariable s = slider(data, any.questions().get(0));
                CategoricalVariable c = category(data, any.questions().get(1));
                long[][] focusCounts = groupCounts(s, c, in.focus());
                long[][] referenceCounts = groupCounts(s, c, in.reference());
                List<Integer> common = new ArrayList<>();
                for (int g = 0; g < focusCounts.length; g++) {
                    if (total(focusCounts[g]) >= settings.minGroupSize()
                            && total(referenceCounts[g]) >= settings.minGroupSize()) {
                        common.add(g);
                    }
                }
                List<String> groups =
                        common.stream().map(g -> c.categories().get(g)).toList();
                boolean two = common.size() == 2;
                String effect = two ? "rank-biserial" : "epsilon-squared";
                if (common.size() < 2) {
                    notes.add("Not compared: fewer than two groups have at least " + settings.minGroupSize()
                            + " answers on both sides.");
                    yield pair.uncompared(effect, two, groups);
                }
                yield resampled(
                        pair,
                        effect,
                        two,
                        groups,
                        Effects.sliderGroups(common.size()),
                        common.size() * V,
                        sliderItems(focusCounts, common),
                        sliderItems(referenceCounts, common),
                        resampling);
            }
            default -> {
                CategoricalVariable x = category(data, any.questions().get(0));
                CategoricalVariable y = category(data, any.questions().get(1));
                long[][] focusTable = table(x, y, in.focus());
                long[][] referenceTable = table(x, y, in.reference());
                int[][] keptFocus = ComparisonSupport.keptCategories(focusTable, settings.minGroupSize());
                int[][] keptReference = ComparisonSupport.keptCategories(referenceTable, settings.minGroupSize());
                int[] rows = intersection(keptFocus[0], keptReference[0]);
                int[] columns = intersection(keptFocus[1], keptReference[1]);
                List<String> groups = new ArrayList<>();
                for (int row : rows) {
                    groups.add(x.name() + "=" + x.categories().get(row));
                }
                for (int column : columns) {
                    groups.add(y.name() + "=" + y.categories().get(column));
                }
                if (rows.length < 2 || columns.length < 2) {
                    notes.add("Not compared: fewer than two categories of a question have at least "
                            + settings.minGroupSize() + " answers on both sides.");
                    yield pair.uncompared("cramers-v", false, groups);
                }
                yield resampled(
                        pair,
                        "cramers-v",
                        false,
                        groups,
                        Effects.cramersV(rows.length, columns.length),
                        rows.length * columns.length,
                        new int[][] {cellItems(focusTable, rows, columns)},
                        new int[][] {cellItems(referenceTable, rows, columns)},
                        resampling);
            }
        };
    }

    /**
     * Bootstrap intervals on both sides and the permutation test of the difference, with the pattern's own random
     * stream split into the focus bootstrap, the reference bootstrap and the permutations, in that order.
     */
    @SuppressWarnings("java:S107")
    private static Compared resampled(
            Pair pair,
            String effect,
            boolean signed,
            List<String> groups,
            Resampling.Effect measure,
            int codes,
            int[][] focusItems,
            int[][] referenceItems,
            ResamplingSettings resampling) {
        SplittableRandom random = new SplittableRandom(seed(resampling.seed(), pair.key()));
        SplittableRandom focusRandom = random.split();
        SplittableRandom referenceRandom = random.split();
        SplittableRandom permutationRandom = random.split();
        int[] focusAll = concat(focusItems);
        int[] referenceAll = concat(referenceItems);
        double focusEffect = measure.of(Resampling.histogram(focusAll, codes));
        double referenceEffect = measure.of(Resampling.histogram(referenceAll, codes));
        Resampling.Interval fi = Resampling.percentile(
                Resampling.bootstrap(focusItems, codes, measure, resampling.bootstrap(), focusRandom), CONFIDENCE);
        Resampling.Interval ri = Resampling.percentile(
                Resampling.bootstrap(referenceItems, codes, measure, resampling.bootstrap(), referenceRandom),
                CONFIDENCE);
        Resampling.Permutation test = Resampling.permutation(
                focusAll, referenceAll, codes, measure, resampling.permutations(), permutationRandom);
        return pair.compared(
                effect,
                signed,
                groups,
                new double[] {focusEffect, focusAll.length},
                new double[] {fi.low(), fi.high()},
                new double[] {referenceEffect, referenceAll.length},
                new double[] {ri.low(), ri.high()},
                "bootstrap-percentile",
                fi.finite(),
                ri.finite(),
                Double.isNaN(test.p())
                        ? null
                        : new Difference(
                                "permutation",
                                num(test.observed()),
                                test.p(),
                                null,
                                test.permutations(),
                                test.atLeast()),
                test.p());
    }

    private static Side side(
            Pattern p, String skipped, double[] effect, double[] interval, String method, Integer finite) {
        boolean has = Double.isFinite(effect[0]);
        return new Side(
                p != null && p.strong(),
                p == null ? null : num(p.q()),
                has ? (long) effect[1] : null,
                num(effect[0]),
                has ? num(interval[0]) : null,
                has ? num(interval[1]) : null,
                has ? method : null,
                has ? finite : null,
                p,
                p == null ? skipped : null);
    }

    // ---- data of one pattern -------------------------------------------------------------------------------

    /** {rho, n} over the rows that answered both sliders; rho NaN with fewer than minPairs or no variation. */
    private static double[] rho(SliderVariable x, SliderVariable y, boolean[] rows, EvaluationSettings settings) {
        long[][] joint = new long[V][V];
        byte[] a = x.values();
        byte[] b = y.values();
        long n = 0;
        for (int i = 0; i < a.length; i++) {
            if (rows[i] && a[i] >= 0 && b[i] >= 0) {
                joint[a[i]][b[i]]++;
                n++;
            }
        }
        if (n < settings.minPairs()) {
            return new double[] {Double.NaN, n};
        }
        return new double[] {ComparisonSupport.spearman(joint).rho(), n};
    }

    /** counts[group][value] of a slider over the rows. */
    private static long[][] groupCounts(SliderVariable s, CategoricalVariable c, boolean[] rows) {
        long[][] counts = new long[c.categories().size()][V];
        byte[] values = s.values();
        byte[] codes = c.codes();
        for (int i = 0; i < values.length; i++) {
            if (rows[i] && values[i] >= 0 && codes[i] >= 0) {
                counts[codes[i]][values[i]]++;
            }
        }
        return counts;
    }

    /** The items of each compared group: {@code index * 101 + value}, one per answer. */
    private static int[][] sliderItems(long[][] counts, List<Integer> groups) {
        int[][] items = new int[groups.size()][];
        for (int g = 0; g < groups.size(); g++) {
            long[] c = counts[groups.get(g)];
            items[g] = new int[(int) total(c)];
            int at = 0;
            for (int v = 0; v < V; v++) {
                for (long k = 0; k < c[v]; k++) {
                    items[g][at++] = g * V + v;
                }
            }
        }
        return items;
    }

    private static long[][] table(CategoricalVariable x, CategoricalVariable y, boolean[] rows) {
        long[][] table = new long[x.categories().size()][y.categories().size()];
        byte[] a = x.codes();
        byte[] b = y.codes();
        for (int i = 0; i < a.length; i++) {
            if (rows[i] && a[i] >= 0 && b[i] >= 0) {
                table[a[i]][b[i]]++;
            }
        }
        return table;
    }

    /** One item per story in a compared cell: {@code row index * columns + column index}. */
    private static int[] cellItems(long[][] table, int[] rows, int[] columns) {
        long n = 0;
        for (int row : rows) {
            for (int column : columns) {
                n += table[row][column];
            }
        }
        int[] items = new int[(int) n];
        int at = 0;
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < columns.length; c++) {
                for (long k = 0; k < table[rows[r]][columns[c]]; k++) {
                    items[at++] = r * columns.length + c;
                }
            }
        }
        return items;
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** The seed of one pattern: the request's seed mixed with the key (String.hashCode is fixed by the language). */
    static long seed(long seed, String key) {
        return seed * 0x9E3779B97F4A7C15L + key.hashCode();
    }

    private static SideSummary summary(Dataset data, boolean[] rows, EvaluationResult evaluation) {
        return new SideSummary(
                count(rows),
                fingerprint(data, rows),
                evaluation.summary().tests(),
                evaluation.summary().strong());
    }

    /**
     * SHA-256 over the answers of the rows as analysed (every slider, choice-like variable and triad share, one byte
     * each), row by row in story id order (the order {@code DatasetLoader} reads).
     */
    static String fingerprint(Dataset data, boolean[] rows) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        int width = data.sliders().size()
                + data.categories().size()
                + 3 * data.triads().size()
                + 1;
        ByteBuffer row = ByteBuffer.allocate(width);
        for (int i = 0; i < data.size(); i++) {
            if (!rows[i]) {
                continue;
            }
            row.clear();
            for (SliderVariable s : data.sliders()) {
                row.put(s.values()[i]);
            }
            for (CategoricalVariable c : data.categories()) {
                row.put(c.codes()[i]);
            }
            for (Dataset.TriadVariable t : data.triads()) {
                row.put(t.a()[i]).put(t.b()[i]).put(t.c()[i]);
            }
            row.put((byte) 0x1E);
            digest.update(row.array(), 0, row.position());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static Map<String, Pattern> byKey(EvaluationResult evaluation) {
        Map<String, Pattern> patterns = new HashMap<>();
        evaluation.patterns().forEach(p -> patterns.put(key(p), p));
        return patterns;
    }

    private static Map<String, String> skipped(EvaluationResult evaluation) {
        Map<String, String> skipped = new HashMap<>();
        evaluation
                .skipped()
                .forEach(s -> skipped.put(
                        s.kind() + "|" + s.questions().get(0) + "|"
                                + s.questions().get(1),
                        s.reason()));
        return skipped;
    }

    static String key(Pattern p) {
        return p.kind() + "|" + p.questions().get(0) + "|" + p.questions().get(1);
    }

    private static double largestEffect(PatternComparison p) {
        double a = p.focus().pattern() == null ? 0 : p.focus().pattern().standardizedEffect();
        double b = p.reference().pattern() == null ? 0 : p.reference().pattern().standardizedEffect();
        return Math.max(a, b);
    }

    private static SliderVariable slider(Dataset data, String name) {
        return data.sliders().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static CategoricalVariable category(Dataset data, String name) {
        return data.categories().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static int[] intersection(int[] a, int[] b) {
        return Arrays.stream(a).filter(x -> Arrays.binarySearch(b, x) >= 0).toArray();
    }

    private static int[] concat(int[][] parts) {
        int n = 0;
        for (int[] p : parts) {
            n += p.length;
        }
        int[] all = new int[n];
        int at = 0;
        for (int[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    private static long total(long[] counts) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    private static long count(boolean[] rows) {
        long n = 0;
        for (boolean r : rows) {
            n += r ? 1 : 0;
        }
        return n;
    }

    static Double num(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
