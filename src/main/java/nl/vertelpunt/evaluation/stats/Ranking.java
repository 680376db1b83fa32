package nl.vertelpunt.evaluation.stats;

/**
 * Average ranks of a sample and its tie term.
 *
 * <p>Ranks are 1-based; tied values all get the mean of the ranks they span (SciPy
 * {@code rankdata(method='average')}). The tie term is {@code sum(t^3 - t)} over all groups of {@code t}
 * tied values: 0 without ties, {@code n^3 - n} when all values are equal. It feeds the tie corrections
 * of {@link MannWhitneyU} and {@link KruskalWallis}.
 *
 * <p>The {@code ranks} array is not copied, neither on construction nor by its accessor, because rankings of
 * a million values are passed around; callers must not modify it. {@code equals} compares it by identity.
 *
 * @param ranks   average ranks, in the order of the ranked values
 * @param tieTerm {@code sum(t^3 - t)} over tie groups
 */
public record Ranking(double[] ranks, double tieTerm) {

    /**
     * @throws IllegalArgumentException if {@code ranks} is {@code null}
     */
    public Ranking {
        Checks.notNull(ranks, "ranks");
    }

    /**
     * Ranks a sample once. Equivalent to {@code SortedColumn.of(values).rank()}; use {@link SortedColumn}
     * directly to rank several subsets of one column.
     *
     * @param values the values, without {@code NaN}; may be empty
     * @return the average ranks in the order of {@code values} and the tie term
     * @throws IllegalArgumentException if {@code values} is {@code null} or contains {@code NaN}
     */
    public static Ranking of(double[] values) {
        return SortedColumn.of(values).rank();
    }

    /** @return the number of ranked values */
    public int n() {
        return ranks.length;
    }
}
