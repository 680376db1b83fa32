package nl.vertelpunt.evaluation.stats;

/**
 * Descriptive statistics of a slider's present values, see {@link SliderDescriptives}.
 *
 * @param n                 number of values
 * @param mean              arithmetic mean ({@code NaN} if n = 0)
 * @param median            median, the mean of the two middle values for even n ({@code NaN} if n = 0)
 * @param mode              most frequent value, the smallest of them on a tie ({@code NaN} if n = 0)
 * @param standardDeviation sample standard deviation with n - 1 ({@code NaN} if n &lt; 2; 0 if all values are
 *                          equal)
 * @param skewness          bias-corrected sample skewness G1 ({@code NaN} if n &lt; 3 or all values are equal)
 * @param kurtosis          bias-corrected sample excess kurtosis G2 ({@code NaN} if n &lt; 4 or all values are
 *                          equal)
 * @param min               smallest value ({@code NaN} if n = 0)
 * @param max               largest value ({@code NaN} if n = 0)
 * @param histogram         counts in the 10 bins [0,10), [10,20), ..., [80,90), [90,100]; they sum to n
 */
public record SliderSummary(
        int n,
        double mean,
        double median,
        double mode,
        double standardDeviation,
        double skewness,
        double kurtosis,
        double min,
        double max,
        int[] histogram) {

    /**
     * @throws IllegalArgumentException if {@code histogram} is {@code null}
     */
    public SliderSummary {
        histogram = Checks.notNull(histogram, "histogram").clone();
    }

    /** @return a copy of {@code histogram} */
    @Override
    public int[] histogram() {
        return histogram.clone();
    }
}
