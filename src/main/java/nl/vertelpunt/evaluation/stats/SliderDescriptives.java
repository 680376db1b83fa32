package nl.vertelpunt.evaluation.stats;

import java.util.Arrays;

/**
 * Descriptive statistics of the answers to one slider question (values 0..100).
 *
 * <p>With {@code d_i = x_i - mean} and {@code s} the standard deviation with {@code n - 1}, skewness and excess
 * kurtosis are the bias-corrected sample versions (Commons Math {@code Skewness}/{@code Kurtosis}, SciPy
 * {@code skew(bias=False)}/{@code kurtosis(bias=False)}, R {@code e1071} type 2, SPSS and Excel):
 * <pre>
 *   G1 = n / ((n-1)(n-2)) * sum (d_i/s)^3
 *   G2 = n(n+1) / ((n-1)(n-2)(n-3)) * sum (d_i/s)^4  -  3(n-1)^2 / ((n-2)(n-3))
 * </pre>
 * The histogram has 10 bins of width 10 over [0, 100]; a value on an inner edge belongs to the bin it starts
 * and 100 belongs to the last bin (numpy {@code histogram(x, bins=10, range=(0, 100))}).
 *
 * <p>Degenerate input: see {@link SliderSummary}. Where SciPy differs: for n &lt; 3 (skewness) and n &lt; 4
 * (kurtosis) SciPy silently returns the biased estimate, which is no estimate of the same quantity; here these
 * are {@code NaN}. When all values are equal, skewness and kurtosis are {@code NaN} here, in SciPy and in
 * Commons Math.
 */
public final class SliderDescriptives {

    /** Smallest slider value. */
    public static final double MIN_VALUE = 0;
    /** Largest slider value. */
    public static final double MAX_VALUE = 100;
    /** Number of histogram bins. */
    public static final int BINS = 10;

    private SliderDescriptives() {}

    /**
     * Describes the present values of a slider.
     *
     * @param values present values in [0, 100]; may be empty
     * @return n, mean, median, mode, standard deviation, skewness, excess kurtosis, min, max and histogram
     * @throws IllegalArgumentException if {@code values} is {@code null} or has a value outside [0, 100] (or
     *                                  {@code NaN})
     */
    public static SliderSummary of(double[] values) {
        Checks.notNull(values, "values");
        int n = values.length;
        int[] histogram = new int[BINS];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double value = values[i];
            if (!(value >= MIN_VALUE && value <= MAX_VALUE)) {
                throw new IllegalArgumentException("values[" + i + "] = " + value + " is outside [0, 100]");
            }
            histogram[bin(value)]++;
            sum += value;
        }
        if (n == 0) {
            return new SliderSummary(
                    0,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    histogram);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double min = sorted[0];
        double max = sorted[n - 1];
        double mean = sum / n;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        double mode = mode(sorted);
        if (n == 1) {
            return new SliderSummary(1, mean, median, mode, Double.NaN, Double.NaN, Double.NaN, min, max, histogram);
        }
        if (min == max) {
            return new SliderSummary(n, min, median, mode, 0, Double.NaN, Double.NaN, min, max, histogram);
        }
        // Two-pass central moments; the first-order sum corrects the rounding of the mean (Chan, Golub, LeVeque).
        double d1 = 0;
        double d2 = 0;
        for (double value : values) {
            double d = value - mean;
            d1 += d;
            d2 += d * d;
        }
        double variance = (d2 - d1 * d1 / n) / (n - 1);
        double sd = Math.sqrt(variance);
        double z3 = 0;
        double z4 = 0;
        for (double value : values) {
            double z = (value - mean) / sd;
            double z2 = z * z;
            z3 += z2 * z;
            z4 += z2 * z2;
        }
        double size = n;
        double skewness = n < 3 ? Double.NaN : size / ((size - 1) * (size - 2)) * z3;
        double kurtosis = n < 4
                ? Double.NaN
                : size * (size + 1) / ((size - 1) * (size - 2) * (size - 3)) * z4
                        - 3 * (size - 1) * (size - 1) / ((size - 2) * (size - 3));
        return new SliderSummary(n, mean, median, mode, sd, skewness, kurtosis, min, max, histogram);
    }

    /** Bin of a value in [0, 100]: {@code floor(value / 10)}, with 100 in the last bin. */
    static int bin(double value) {
        int bin = (int) (value / 10);
        // value / 10 is rounded; move to the bin whose edges [10 bin, 10 (bin + 1)) really hold the value.
        if (bin > 0 && value < 10.0 * bin) {
            bin--;
        } else if (bin < BINS - 1 && value >= 10.0 * (bin + 1)) {
            bin++;
        }
        return Math.min(bin, BINS - 1);
    }

    /** Most frequent value of a sorted array; the smallest on a tie. */
    private static double mode(double[] sorted) {
        double mode = sorted[0];
        int best = 0;
        int start = 0;
        while (start < sorted.length) {
            int end = start + 1;
            while (end < sorted.length && sorted[end] == sorted[start]) {
                end++;
            }
            if (end - start > best) {
                best = end - start;
                mode = sorted[start];
            }
            start = end;
        }
        return mode;
    }
}
