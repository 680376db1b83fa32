package nl.vertelpunt.evaluation.stats;

/**
 * Kruskal&ndash;Wallis H test for k &ge; 2 independent groups, corrected for ties, with the chi-square
 * approximation on {@code k - 1} degrees of freedom, and its effect size epsilon-squared.
 *
 * <p>With {@code R_i} the sum of group i's average ranks in the pooled sample of {@code n} values and
 * {@code T = sum(t^3 - t)} over tie groups:
 * <pre>
 *   H   = 12 / (n(n + 1)) * sum_i (R_i - n_i(n + 1)/2)^2 / n_i  /  (1 - T / (n^3 - n))
 *   p   = P(chi2_{k-1} &gt;= H)
 *   eps2 = H / ((n^2 - 1)/(n + 1))                           (Tomczak &amp; Tomczak 2014)
 * </pre>
 * The sum is the textbook {@code sum R_i^2/n_i - n(n+1)^2/4} written without its cancellation; H and p equal
 * SciPy's {@code kruskal(*groups)}.
 *
 * <p>Degenerate input: an empty group (as SciPy) or all pooled values equal (tie correction 0, as SciPy)
 * give {@code NaN} for H, p and epsilon-squared. Fewer than two groups is a programming error. Drop groups
 * that nobody chose before calling if they should not count towards {@code k}.
 */
public final class KruskalWallis {

    private KruskalWallis() {}

    /**
     * Tests whether the groups come from the same distribution.
     *
     * @param groups present values of each group, at least two groups
     * @return H, degrees of freedom, p and epsilon-squared
     * @throws IllegalArgumentException if {@code groups} or a group is {@code null}, a group contains
     *                                  {@code NaN}, or there are fewer than two groups
     */
    public static KruskalWallisResult test(double[]... groups) {
        return fromRankSums(Pooled.of(groups).rankSums());
    }

    /**
     * Tests from the rank sums of a pooled ranking, e.g. {@link SortedColumn#rankSums(int[], int)}.
     *
     * @param rankSums sizes and rank sums of at least two groups, ranked together, and their tie term
     * @return as {@link #test(double[]...)}
     * @throws IllegalArgumentException if {@code rankSums} is {@code null} or has fewer than two groups
     */
    public static KruskalWallisResult fromRankSums(RankSums rankSums) {
        Checks.notNull(rankSums, "rankSums");
        int k = rankSums.groups();
        if (k < 2) {
            throw new IllegalArgumentException("Kruskal-Wallis needs at least 2 groups, got " + k);
        }
        int n = rankSums.n();
        int df = k - 1;
        double total = n;
        double bracket = (total + 1) - rankSums.tieTerm() / (total * (total - 1));
        boolean anyEmpty = false;
        for (int g = 0; g < k; g++) {
            anyEmpty |= rankSums.size(g) == 0;
        }
        // bracket = (n + 1) * tie correction: 0 when all values are tied, otherwise at least 3.
        if (anyEmpty || bracket < 1) {
            return new KruskalWallisResult(k, n, Double.NaN, df, Double.NaN, Double.NaN);
        }
        double between = 0;
        for (int g = 0; g < k; g++) {
            double size = rankSums.size(g);
            double deviation = rankSums.sum(g) - size * (total + 1) / 2;
            between += deviation * deviation / size;
        }
        double correction = bracket / (total + 1);
        double h = 12 / (total * (total + 1)) * between / correction;
        double epsilonSquared = h / ((total * total - 1) / (total + 1));
        return new KruskalWallisResult(k, n, h, df, Tails.chiSquareUpper(h, df), epsilonSquared);
    }
}
