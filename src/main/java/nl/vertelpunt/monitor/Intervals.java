package nl.vertelpunt.monitor;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * 95% confidence intervals of the monitoring indicators: Wilson's score interval for a share and the exact
 * order-statistic (binomial) interval for a median. Plain Java on counts; checked against SciPy
 * ({@code src/test/python/reference_monitoring.py}).
 */
public final class Intervals {

    /** The two-sided 95% normal quantile, {@code scipy.stats.norm.ppf(0.975)}. */
    public static final double Z95 = 1.959963984540054;

    /** The 2.5% in each tail of a two-sided 95% interval. */
    private static final double TAIL = 0.025;

    private Intervals() {}

    /** A value with its interval; {@code coverage} is the interval's exact coverage where one is known, else 0.95. */
    public record Estimate(double value, double low, double high, double coverage) {}

    /**
     * The share {@code hits / n} with Wilson's score interval at 95% without continuity correction, as
     * {@code scipy.stats.binomtest(hits, n).proportion_ci(confidence_level=0.95, method='wilson')}.
     *
     * @throws IllegalArgumentException when {@code n < 1} or {@code hits} is not in 0..n
     */
    public static Estimate wilson(long hits, long n) {
        if (n < 1 || hits < 0 || hits > n) {
            throw new IllegalArgumentException("need 0 <= hits <= n and n >= 1");
        }
        double p = hits / (double) n;
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return new Estimate(p, Math.max(0, centre - half), Math.min(1, centre + half), 0.95);
    }

    /**
     * The median of slider answers given as counts per value ({@code counts[v]} answers of value v, v = 0..100), with
     * the exact distribution-free 95% interval {@code [x(r), x(n+1-r)]} of the order statistics: with B ~ Bin(n, ½),
     * r − 1 is the largest j with P(B ≤ j) ≤ 0.025, so the interval covers the median with probability
     * 1 − 2·P(B ≤ r−1) ≥ 0.95 (its {@code coverage}). Below n = 6 no such j exists: the interval is then the range
     * of the answers and its coverage 1 − 2·0.5ⁿ, less than 95%. The median of an even number of answers is the mean
     * of the two middle ones. Not applicable and unanswered never enter {@code counts}.
     *
     * @throws IllegalArgumentException when there are no answers or a count is negative
     */
    public static Estimate median(long[] counts) {
        long n = 0;
        for (long c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException("counts must not be negative");
            }
            n += c;
        }
        if (n < 1) {
            throw new IllegalArgumentException("need at least one answer");
        }
        double median = n % 2 == 1
                ? orderStatistic(counts, (n + 1) / 2)
                : (orderStatistic(counts, n / 2) + orderStatistic(counts, n / 2 + 1)) / 2.0;
        long j = lowerTailRank(n);
        long r = Math.max(1, j + 1);
        double coverage = j < 0 ? 1 - 2 * Math.pow(0.5, n) : 1 - 2 * binomialCdf(n, j);
        return new Estimate(median, orderStatistic(counts, r), orderStatistic(counts, n + 1 - r), coverage);
    }

    /** The largest j with P(B ≤ j) ≤ 0.025 for B ~ Bin(n, ½), or −1 when even P(B = 0) exceeds it. */
    static long lowerTailRank(long n) {
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("n too large");
        }
        BinomialDistribution b = new BinomialDistribution(null, (int) n, 0.5);
        // the smallest j with P(B <= j) >= 0.025; one below it unless the cdf hits 0.025 exactly
        long j = b.inverseCumulativeProbability(TAIL);
        return b.cumulativeProbability((int) j) <= TAIL ? j : j - 1;
    }

    private static double binomialCdf(long n, long j) {
        return new BinomialDistribution(null, (int) n, 0.5).cumulativeProbability((int) j);
    }

    /** The k-th smallest answer (1-based) of the counts per value. */
    static int orderStatistic(long[] counts, long k) {
        long seen = 0;
        for (int v = 0; v < counts.length; v++) {
            seen += counts[v];
            if (seen >= k) {
                return v;
            }
        }
        throw new IllegalArgumentException("k beyond the number of answers");
    }
}
