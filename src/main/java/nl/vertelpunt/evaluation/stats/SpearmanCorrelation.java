package nl.vertelpunt.evaluation.stats;

/**
 * Spearman's rank correlation of paired values with a two-sided test of rho = 0.
 *
 * <p>rho is Pearson's correlation of the average ranks (ties get the mean of the ranks they span). The test
 * uses {@code t = rho * sqrt((n - 2)/(1 - rho^2))} with Student's t on {@code n - 2} degrees of freedom.
 * rho and p equal SciPy's {@code spearmanr(x, y)}.
 *
 * <p>Degenerate input:
 * <ul>
 *   <li>fewer than {@link #MIN_PAIRS} pairs: not computed, outcome {@code TOO_FEW_PAIRS} (SciPy computes it);</li>
 *   <li>a variable with all values equal: outcome {@code NO_VARIATION}, rho and p {@code NaN} (as SciPy);</li>
 *   <li>identical or exactly reversed rankings: rho = &plusmn;1, t infinite, p = 0. SciPy's
 *       {@code corrcoef} rounds rho to e.g. 0.9999999999999999 there and reports a tiny positive p.</li>
 * </ul>
 */
public final class SpearmanCorrelation {

    /** Fewest pairs for which rho and its p-value are computed. */
    public static final int MIN_PAIRS = 10;

    private SpearmanCorrelation() {}

    /**
     * Correlates paired values.
     *
     * @param x present values of the first variable
     * @param y present values of the second variable; {@code y[i]} pairs with {@code x[i]}
     * @return rho, t, p and the outcome
     * @throws IllegalArgumentException if an argument is {@code null} or contains {@code NaN}, or the lengths
     *                                  differ
     */
    public static SpearmanResult test(double[] x, double[] y) {
        Checks.present(x, "x");
        Checks.present(y, "y");
        Checks.sameLength(x, y, "x and y");
        if (x.length < MIN_PAIRS) {
            return SpearmanResult.notComputed(x.length, SpearmanResult.Outcome.TOO_FEW_PAIRS);
        }
        return fromRanks(Ranking.of(x).ranks(), Ranking.of(y).ranks());
    }

    /**
     * Correlates average ranks computed elsewhere, e.g. with {@link SortedColumn#rank(int[])} on the rows where
     * both variables are present.
     *
     * @param xRanks average ranks (1..n) of the first variable among the n pairs
     * @param yRanks average ranks (1..n) of the second variable among the same pairs, in the same order
     * @return as {@link #test(double[], double[])}
     * @throws IllegalArgumentException if an argument is {@code null} or contains {@code NaN}, or the lengths
     *                                  differ
     */
    public static SpearmanResult fromRanks(double[] xRanks, double[] yRanks) {
        Checks.present(xRanks, "xRanks");
        Checks.present(yRanks, "yRanks");
        Checks.sameLength(xRanks, yRanks, "xRanks and yRanks");
        int n = xRanks.length;
        if (n < MIN_PAIRS) {
            return SpearmanResult.notComputed(n, SpearmanResult.Outcome.TOO_FEW_PAIRS);
        }
        double mean = (n + 1) / 2.0; // average ranks always sum to n(n + 1)/2
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            double dx = xRanks[i] - mean;
            double dy = yRanks[i] - mean;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        return fromSums(n, sxx, syy, sxy);
    }

    /**
     * Correlates from the sums of squared and cross deviations of the average ranks from their mean
     * (n + 1)/2, for callers that get them without holding the ranks, e.g. from counts of tied values.
     *
     * @param n   number of pairs
     * @param sxx sum over pairs of (rank of x − (n + 1)/2)²
     * @param syy the same for y
     * @param sxy sum over pairs of the product of both deviations
     * @return as {@link #test(double[], double[])}
     */
    public static SpearmanResult fromSums(int n, double sxx, double syy, double sxy) {
        if (n < MIN_PAIRS) {
            return SpearmanResult.notComputed(n, SpearmanResult.Outcome.TOO_FEW_PAIRS);
        }
        if (sxx == 0 || syy == 0) {
            return SpearmanResult.notComputed(n, SpearmanResult.Outcome.NO_VARIATION);
        }
        double rho = Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
        int df = n - 2;
        double t = rho * Math.sqrt(df / ((1 + rho) * (1 - rho)));
        return new SpearmanResult(n, rho, t, Tails.correlationTwoSided(rho, df), SpearmanResult.Outcome.COMPUTED);
    }
}
