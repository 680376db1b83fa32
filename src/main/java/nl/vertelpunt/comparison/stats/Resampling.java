package nl.vertelpunt.comparison.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A seeded percentile bootstrap and a seeded permutation test of the difference between two effect sizes, for
 * effects that are computed from a histogram: every item (a story's answers to the two questions) is a whole
 * number {@code 0 <= code < codes}, and the effect is a function of how often each code occurs. A slider answer in
 * group g is {@code g * 101 + value}, a crosstab cell {@code row * columns + column}.
 *
 * <p>Both methods draw with the {@link SplittableRandom} they are given, in a fixed order and on one thread, so
 * that the same items, seed and number of resamples give the same result byte for byte. Resamples whose effect is
 * not finite (a resample without any variation) are left out of the interval, and count as less extreme in the
 * permutation test, as they do in SciPy.
 */
public final class Resampling {

    /** An effect size of a histogram of item codes. */
    @FunctionalInterface
    public interface Effect {
        double of(long[] histogram);
    }

    /**
     * A percentile interval.
     *
     * @param low       the lower end ({@code NaN} when no resample gave a finite effect)
     * @param high      the upper end
     * @param resamples how many resamples were drawn
     * @param finite    how many of them gave a finite effect (the interval is taken over these)
     */
    public record Interval(double low, double high, int resamples, int finite) {}

    /**
     * A permutation test.
     *
     * @param observed     |effect(focus) − effect(reference)|
     * @param atLeast      b: permutations whose difference was at least as large as the observed one
     * @param permutations m
     * @param p            (b + 1) / (m + 1)
     */
    public record Permutation(double observed, long atLeast, int permutations, double p) {}

    /** Relative tolerance for "at least as large", as SciPy's {@code permutation_test} (100 machine epsilons). */
    private static final double TIE = 100 * Math.ulp(1.0);

    private Resampling() {}

    /**
     * Bootstrap estimates of an effect: each stratum (a group of a slider, or all pairs of a crosstab) is resampled
     * with replacement at its own size, independently of the others (as SciPy's {@code bootstrap} resamples each
     * sample of a multi-sample statistic).
     *
     * @param strata    the item codes of each stratum
     * @param codes     the number of possible codes
     * @param resamples how many resamples to draw (at least 1)
     * @return the effect of every resample, in the order drawn
     */
    public static double[] bootstrap(int[][] strata, int codes, Effect effect, int resamples, SplittableRandom random) {
        if (resamples < 1) {
            throw new IllegalArgumentException("at least one resample is needed");
        }
        double[] estimates = new double[resamples];
        long[] histogram = new long[codes];
        for (int b = 0; b < resamples; b++) {
            Arrays.fill(histogram, 0);
            for (int[] stratum : strata) {
                int n = stratum.length;
                for (int i = 0; i < n; i++) {
                    histogram[stratum[random.nextInt(n)]]++;
                }
            }
            estimates[b] = effect.of(histogram);
        }
        return estimates;
    }

    /**
     * The two-sided percentile interval of bootstrap estimates at {@code confidence} (0.95 for 95%): the
     * (1 − c)/2 and (1 + c)/2 quantiles with linear interpolation between order statistics (SciPy's and numpy's
     * default), over the finite estimates.
     */
    public static Interval percentile(double[] estimates, double confidence) {
        double[] finite =
                Arrays.stream(estimates).filter(Double::isFinite).sorted().toArray();
        if (finite.length == 0) {
            return new Interval(Double.NaN, Double.NaN, estimates.length, 0);
        }
        double alpha = (1 - confidence) / 2;
        return new Interval(quantile(finite, alpha), quantile(finite, 1 - alpha), estimates.length, finite.length);
    }

    /** The q-quantile of sorted values, linearly interpolated (numpy's default, "type 7"). */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * The permutation test of whether two independent sets of items have the same effect: the items of both sets
     * are pooled and dealt again at random into sets of the original sizes, {@code permutations} times; the statistic
     * is |effect(focus) − effect(reference)|, and p = (b + 1)/(m + 1) with b the permutations at least as extreme
     * (a randomized test that never gives p = 0, as SciPy's {@code permutation_test}).
     */
    public static Permutation permutation(
            int[] focus, int[] reference, int codes, Effect effect, int permutations, SplittableRandom random) {
        if (permutations < 1) {
            throw new IllegalArgumentException("at least one permutation is needed");
        }
        long[] focusHistogram = histogram(focus, codes);
        long[] referenceHistogram = histogram(reference, codes);
        double observed = Math.abs(effect.of(focusHistogram) - effect.of(referenceHistogram));
        if (!Double.isFinite(observed)) {
            return new Permutation(Double.NaN, 0, permutations, Double.NaN);
        }
        int total = focus.length + reference.length;
        int[] pooled = Arrays.copyOf(focus, total);
        System.arraycopy(reference, 0, pooled, focus.length, reference.length);
        long[] all = histogram(pooled, codes);
        // deal the smaller side: a partial Fisher-Yates shuffle of its size; the other side is the rest
        boolean focusSmaller = focus.length <= reference.length;
        int dealt = focusSmaller ? focus.length : reference.length;
        long[] small = new long[codes];
        long[] rest = new long[codes];
        double threshold = observed - Math.abs(TIE * observed);
        long atLeast = 0;
        for (int m = 0; m < permutations; m++) {
            Arrays.fill(small, 0);
            for (int i = 0; i < dealt; i++) {
                int j = i + random.nextInt(total - i);
                int item = pooled[j];
                pooled[j] = pooled[i];
                pooled[i] = item;
                small[item]++;
            }
            for (int c = 0; c < codes; c++) {
                rest[c] = all[c] - small[c];
            }
            double a = effect.of(focusSmaller ? small : rest);
            double b = effect.of(focusSmaller ? rest : small);
            if (Math.abs(a - b) >= threshold) {
                atLeast++;
            }
        }
        return new Permutation(observed, atLeast, permutations, (atLeast + 1) / (double) (permutations + 1));
    }

    /** How often each code occurs. */
    public static long[] histogram(int[] items, int codes) {
        long[] histogram = new long[codes];
        for (int item : items) {
            histogram[item]++;
        }
        return histogram;
    }
}
