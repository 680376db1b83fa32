package nl.vertelpunt.evaluation.stats;

/**
 * One pair of groups compared by {@link PairwiseMannWhitney}.
 *
 * @param first       index of the first group (the "x" of the test)
 * @param second      index of the second group, greater than {@code first}
 * @param test        the Mann&ndash;Whitney test of the two groups, ranked among themselves
 * @param holmPValue  the test's p-value adjusted by Holm within the family of all pairs ({@code NaN} when the
 *                    test's p-value is {@code NaN})
 */
public record PairwiseComparison(int first, int second, MannWhitneyResult test, double holmPValue) {

    /**
     * @throws IllegalArgumentException if {@code test} is {@code null}
     */
    public PairwiseComparison {
        Checks.notNull(test, "test");
    }
}
