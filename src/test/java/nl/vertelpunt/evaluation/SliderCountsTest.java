package nl.vertelpunt.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import nl.vertelpunt.evaluation.stats.KruskalWallis;
import nl.vertelpunt.evaluation.stats.KruskalWallisResult;
import nl.vertelpunt.evaluation.stats.MannWhitneyResult;
import nl.vertelpunt.evaluation.stats.MannWhitneyU;
import nl.vertelpunt.evaluation.stats.SliderDescriptives;
import nl.vertelpunt.evaluation.stats.SliderSummary;
import nl.vertelpunt.evaluation.stats.SpearmanCorrelation;
import nl.vertelpunt.evaluation.stats.SpearmanResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The evaluation computes from counts of the 101 slider values; these must give exactly what the
 * statistics core gives from the values themselves (whose results are checked against SciPy).
 * Not a @QuarkusTest: plain computation.
 */
class SliderCountsTest {

    private static final double TOLERANCE = 1e-12;

    /** Heaped slider answers as real ones are: many at 0, 50 and 100. */
    private static double[] sliderValues(SplittableRandom random, int n, double shift) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            values[i] = u < 0.2
                    ? 0
                    : u < 0.35
                            ? 50
                            : u < 0.45
                                    ? 100
                                    : Math.max(0, Math.min(100, Math.round(50 + shift + random.nextGaussian() * 25)));
        }
        return values;
    }

    private static long[] counts(double[] values) {
        long[] counts = new long[SliderCounts.VALUES];
        for (double v : values) {
            counts[(int) v]++;
        }
        return counts;
    }

    private static void close(Double actual, double expected, String what) {
        if (Double.isNaN(expected)) {
            assertThat(actual).as(what).isNull();
        } else {
            assertThat(actual).as(what).isNotNull();
            assertThat(Math.abs(actual - expected))
                    .as(what + ": " + actual + " vs " + expected)
                    .isLessThanOrEqualTo(TOLERANCE * Math.max(1, Math.abs(expected)));
        }
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {1, 2, 3, 4, 7, 50, 1000, 20000})
    void shouldDescribeAGroupFromCountsAsFromItsValues(int n) {
        double[] values = sliderValues(new SplittableRandom(n), n, 5);
        SliderSummary direct = SliderDescriptives.of(values);
        EvaluationResult.GroupStats fromCounts = SliderCounts.describe(counts(values), "g", "G", true);
        assertThat(fromCounts.n()).isEqualTo(direct.n());
        close(fromCounts.mean(), direct.mean(), "mean");
        close(fromCounts.median(), direct.median(), "median");
        close(fromCounts.mode(), direct.mode(), "mode");
        close(fromCounts.sd(), direct.standardDeviation(), "sd");
        close(fromCounts.skewness(), direct.skewness(), "skewness");
        close(fromCounts.kurtosis(), direct.kurtosis(), "kurtosis");
        assertThat(fromCounts.bins())
                .containsExactly(
                        Arrays.stream(direct.histogram()).asLongStream().toArray());
    }

    @ParameterizedTest(name = "groups of {0}")
    @ValueSource(ints = {5, 40, 3000})
    void shouldTestGroupsFromCountsAsFromTheirValues(int n) {
        SplittableRandom random = new SplittableRandom(n * 31L);
        double[] a = sliderValues(random, n, 0);
        double[] b = sliderValues(random, n + 3, 8);
        double[] c = sliderValues(random, n / 2 + 1, -6);
        long[][] counts = {counts(a), counts(b), counts(c)};

        MannWhitneyResult direct = MannWhitneyU.test(a, b);
        MannWhitneyResult fromCounts = MannWhitneyU.fromRankSums(SliderCounts.rankSums(counts, new int[] {0, 1}));
        close(fromCounts.u(), direct.u(), "U");
        close(fromCounts.z(), direct.z(), "z");
        close(fromCounts.pValue(), direct.pValue(), "p");
        close(fromCounts.rankBiserial(), direct.rankBiserial(), "rank-biserial");

        KruskalWallisResult kwDirect = KruskalWallis.test(a, b, c);
        KruskalWallisResult kw = KruskalWallis.fromRankSums(SliderCounts.rankSums(counts, new int[] {0, 1, 2}));
        close(kw.h(), kwDirect.h(), "H");
        close(kw.pValue(), kwDirect.pValue(), "p");
        close(kw.epsilonSquared(), kwDirect.epsilonSquared(), "epsilon-squared");
    }

    @ParameterizedTest(name = "{0} pairs")
    @ValueSource(ints = {10, 37, 5000})
    void shouldCorrelateFromCountsAsFromTheValues(int n) {
        SplittableRandom random = new SplittableRandom(n);
        double[] x = sliderValues(random, n, 0);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = Math.max(0, Math.min(100, Math.round(0.5 * x[i] + 25 + random.nextGaussian() * 20)));
        }
        SpearmanResult direct = SpearmanCorrelation.test(x, y);
        long[][] joint = new long[SliderCounts.VALUES][SliderCounts.VALUES];
        for (int i = 0; i < n; i++) {
            joint[(int) x[i]][(int) y[i]]++;
        }
        SpearmanResult fromSums = SliderCounts.spearman(joint);
        close(fromSums.rho(), direct.rho(), "rho");
        close(fromSums.pValue(), direct.pValue(), "p");
    }
}
