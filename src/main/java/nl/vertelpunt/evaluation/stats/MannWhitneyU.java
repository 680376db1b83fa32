package nl.vertelpunt.evaluation.stats;

/**
 * Two-sided Mann&ndash;Whitney U test (Wilcoxon rank-sum test) for two independent groups, with the normal
 * approximation corrected for ties and for continuity.
 *
 * <p>With {@code R1} the sum of the first group's average ranks in the pooled sample,
 * {@code n = n1 + n2} and {@code T = sum(t^3 - t)} over tie groups:
 * <pre>
 *   U1    = R1 - n1(n1 + 1)/2
 *   mu    = n1 n2 / 2
 *   sigma = sqrt(n1 n2 / 12 * ((n + 1) - T / (n(n - 1))))
 *   z     = sign(U1 - mu) * max(|U1 - mu| - 1/2, 0) / sigma
 *   p     = min(1, 2 Phi(-|z|))
 *   r     = 2 U1 / (n1 n2) - 1                      (rank-biserial correlation)
 * </pre>
 * The p-value equals SciPy's {@code mannwhitneyu(x, y, use_continuity=True, alternative='two-sided',
 * method='asymptotic')}, and {@code u} equals its statistic. SciPy does not report z; here z is signed and
 * the continuity correction moves it towards 0 (never past it), so that {@code 2 Phi(-|z|)} is SciPy's
 * p-value.
 *
 * <p>Degenerate input:
 * <ul>
 *   <li>an empty group: {@code u}, {@code z}, {@code pValue} and {@code rankBiserial} are {@code NaN}
 *       (SciPy also returns {@code NaN});</li>
 *   <li>all pooled values equal: sigma is 0 and the normal approximation is undefined, so {@code z} and
 *       {@code pValue} are {@code NaN}, while {@code u = n1 n2 / 2} and {@code rankBiserial = 0}. SciPy returns
 *       p = 1 here (it divides by zero and clips); a {@code NaN} keeps such a non-test out of a
 *       multiple-testing family.</li>
 * </ul>
 */
public final class MannWhitneyU {

    private MannWhitneyU() {}

    /**
     * Tests whether the values of {@code x} and {@code y} come from the same distribution.
     *
     * @param x present values of the first group; may be empty (see the class Javadoc)
     * @param y present values of the second group; may be empty
     * @return U of {@code x}, z, two-sided p and the rank-biserial correlation
     * @throws IllegalArgumentException if an argument is {@code null} or contains {@code NaN}
     */
    public static MannWhitneyResult test(double[] x, double[] y) {
        return fromRankSums(Pooled.of(x, y).rankSums());
    }

    /**
     * Tests from the rank sums of a pooled ranking, e.g. {@link SortedColumn#rankSums(int[], int)} with two
     * groups. Group 0 is the first group.
     *
     * @param rankSums sizes and rank sums of exactly two groups, ranked together, and their tie term
     * @return as {@link #test(double[], double[])}
     * @throws IllegalArgumentException if {@code rankSums} is {@code null} or does not have two groups
     */
    public static MannWhitneyResult fromRankSums(RankSums rankSums) {
        Checks.notNull(rankSums, "rankSums");
        if (rankSums.groups() != 2) {
            throw new IllegalArgumentException("Mann-Whitney needs exactly 2 groups, got " + rankSums.groups());
        }
        int n1 = rankSums.size(0);
        int n2 = rankSums.size(1);
        if (n1 == 0 || n2 == 0) {
            return new MannWhitneyResult(n1, n2, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double pairs = (double) n1 * n2;
        double u = rankSums.sum(0) - n1 * (n1 + 1.0) / 2;
        double rankBiserial = 2 * u / pairs - 1;
        double n = (double) n1 + n2;
        double bracket = (n + 1) - rankSums.tieTerm() / (n * (n - 1));
        // The bracket is (n + 1) times the tie correction factor: 0 when all values are tied and at least 3
        // otherwise (one value differing from n - 1 tied ones), so "< 1" detects all-tied without rounding issues.
        if (bracket < 1) {
            return new MannWhitneyResult(n1, n2, u, Double.NaN, Double.NaN, rankBiserial);
        }
        double sigma = Math.sqrt(pairs / 12 * bracket);
        double deviation = u - pairs / 2;
        double z = Math.signum(deviation) * Math.max(Math.abs(deviation) - 0.5, 0) / sigma;
        return new MannWhitneyResult(n1, n2, u, z, Tails.normalTwoSided(z), rankBiserial);
    }
}
