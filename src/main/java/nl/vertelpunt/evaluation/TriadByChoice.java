package nl.vertelpunt.evaluation;

import static nl.vertelpunt.evaluation.EvaluationResult.num;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.vertelpunt.evaluation.Dataset.CategoricalVariable;
import nl.vertelpunt.evaluation.Dataset.TriadVariable;
import nl.vertelpunt.evaluation.EvaluationResult.Effect;
import nl.vertelpunt.evaluation.EvaluationResult.GroupStats;
import nl.vertelpunt.evaluation.EvaluationResult.Pattern;
import nl.vertelpunt.evaluation.EvaluationResult.Skipped;
import nl.vertelpunt.evaluation.EvaluationResult.Ternary;
import nl.vertelpunt.evaluation.stats.Compositions;
import nl.vertelpunt.evaluation.stats.PillaiResult;
import nl.vertelpunt.evaluation.stats.PillaiTrace;

/**
 * Triad × choice on the shares themselves: each answer after multiplicative zero replacement as its two isometric
 * log-ratio coordinates ({@link Compositions}), and a one-way MANOVA of those coordinates across the choice's groups
 * with at least {@code minGroupSize} answers ({@link PillaiTrace}): Pillai's trace, its F approximation on two
 * degrees of freedom, p and partial η² = V / s. Per group the closed geometric mean ({@code meanShares}) and the
 * count per zone; for the pattern the counts of the tested answers in the cells of the ternary grid.
 *
 * <p>The zone variables themselves are not used as the choice here: a triad against the zones of another triad is
 * the chi-square of the two zones (triad × triad).
 */
final class TriadByChoice {

    private static final int PARTS = 101;

    /** Per answer (a × 101 + b): the two ILR coordinates and the logs of the three replaced parts. */
    private static final double[][] TABLE = table();

    private TriadByChoice() {}

    private static double[][] table() {
        double[][] t = new double[PARTS * PARTS][];
        for (int a = 0; a <= 100; a++) {
            for (int b = 0; a + b <= 100; b++) {
                double[] x = Compositions.replaced(a, b, 100 - a - b);
                double[] z = Compositions.ilr(x);
                t[a * PARTS + b] = new double[] {z[0], z[1], Math.log(x[0]), Math.log(x[1]), Math.log(x[2])};
            }
        }
        return t;
    }

    /** Whether this variable can be the choice of a triad × choice test: any choice-like variable but a zone. */
    static boolean isChoice(CategoricalVariable c) {
        return !TriadZones.isZone(c);
    }

    static void test(
            TriadVariable triad,
            CategoricalVariable choice,
            boolean[] rows,
            EvaluationSettings settings,
            List<Pattern> patterns,
            List<Skipped> skipped) {
        List<String> questions = List.of(triad.name(), choice.name());
        int k = choice.categories().size();
        long[] n = new long[k];
        double[][] sums = new double[k][2];
        double[][][] cross = new double[k][2][2];
        double[][] logs = new double[k][3];
        long[][] zones = new long[k][TriadZones.IDS.size()];
        long[][] cells = new long[k][TriadZones.CELLS];
        byte[] codes = choice.codes();
        int corner = settings.triadCornerShare();
        int edge = settings.triadEdgeShare();
        for (int i = 0; i < rows.length; i++) {
            byte g = codes[i];
            int a = triad.a()[i];
            if (!rows[i] || g < 0 || a < 0) {
                continue;
            }
            int b = triad.b()[i];
            int c = triad.c()[i];
            double[] t = TABLE[a * PARTS + b];
            n[g]++;
            sums[g][0] += t[0];
            sums[g][1] += t[1];
            cross[g][0][0] += t[0] * t[0];
            cross[g][0][1] += t[0] * t[1];
            cross[g][1][1] += t[1] * t[1];
            logs[g][0] += t[2];
            logs[g][1] += t[3];
            logs[g][2] += t[4];
            zones[g][TriadZones.zone(a, b, c, corner, edge)]++;
            cells[g][TriadZones.cell(a, b)]++;
        }
        List<Integer> tested = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        List<GroupStats> groups = new ArrayList<>();
        long total = 0;
        long[] pooled = new long[TriadZones.CELLS];
        for (int g = 0; g < k; g++) {
            cross[g][1][0] = cross[g][0][1];
            boolean enough = n[g] >= settings.minGroupSize();
            if (enough) {
                tested.add(g);
                total += n[g];
                for (int x = 0; x < pooled.length; x++) {
                    pooled[x] += cells[g][x];
                }
            } else if (n[g] > 0) {
                leftOut.add(choice.categories().get(g));
            }
            List<Double> mean = n[g] == 0
                    ? null
                    : Arrays.stream(Compositions.closedGeometricMean(logs[g], n[g]))
                            .boxed()
                            .toList();
            groups.add(new GroupStats(
                    choice.categories().get(g),
                    choice.labels().get(g),
                    n[g],
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    enough,
                    mean,
                    zones[g]));
        }
        if (tested.size() < 2) {
            skipped.add(new Skipped(
                    Evaluator.TRIAD_BY_CHOICE,
                    questions,
                    "fewer than two groups with at least " + settings.minGroupSize() + " answers"));
            return;
        }
        int[] ids = tested.stream().mapToInt(Integer::intValue).toArray();
        long[] tn = new long[ids.length];
        double[][] ts = new double[ids.length][];
        double[][][] tc = new double[ids.length][][];
        for (int j = 0; j < ids.length; j++) {
            tn[j] = n[ids[j]];
            ts[j] = sums[ids[j]];
            tc[j] = cross[ids[j]];
        }
        PillaiResult pillai = PillaiTrace.oneWay(tn, ts, tc);
        if (!Double.isFinite(pillai.pValue())) {
            skipped.add(new Skipped(
                    Evaluator.TRIAD_BY_CHOICE,
                    questions,
                    "the answers do not vary enough to compare the groups (all the same, or too few stories)"));
            return;
        }
        List<String> notes = leftOut.isEmpty()
                ? null
                : List.of("Left out of the test, fewer than " + settings.minGroupSize() + " answers: "
                        + String.join(", ", leftOut));
        patterns.add(new Pattern(
                0,
                Evaluator.TRIAD_BY_CHOICE,
                questions,
                "pillai",
                pillai.pillai(),
                List.of(pillai.df1(), pillai.df2()),
                pillai.pValue(),
                Double.NaN,
                new Effect("partial-eta-squared", num(pillai.partialEtaSquared())),
                Math.sqrt(Math.max(0, pillai.partialEtaSquared())),
                total,
                false,
                groups,
                null,
                null,
                null,
                notes,
                TriadZones.rule(settings),
                new Ternary(
                        triad.name(),
                        triad.question().corners().stream().map(c -> c.in("nl")).toList(),
                        TriadZones.IDS,
                        TriadZones.labels(triad.question()),
                        pooled)));
    }
}
