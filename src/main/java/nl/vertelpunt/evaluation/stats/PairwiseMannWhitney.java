package nl.vertelpunt.evaluation.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Post-hoc comparison after a Kruskal&ndash;Wallis test: a two-sided {@link MannWhitneyU} test for every pair
 * of groups, each pair ranked among itself, with Holm's adjustment of the p-values within the family of
 * all {@code k(k-1)/2} pairs.
 *
 * <p>Pairs whose test is undefined (an empty group, all values of the two groups equal) have a {@code NaN}
 * p-value; they are left out of the Holm family and keep a {@code NaN} adjusted p-value.
 */
public final class PairwiseMannWhitney {

    private PairwiseMannWhitney() {}

    /**
     * Compares all pairs of groups.
     *
     * @param groups present values of each group, at least two groups
     * @return one comparison per pair {@code (i, j)}, {@code i < j}, ordered (0,1), (0,2), ..., (1,2), ...
     * @throws IllegalArgumentException if {@code groups} or a group is {@code null}, a group contains
     *                                  {@code NaN}, or there are fewer than two groups
     */
    public static List<PairwiseComparison> test(double[]... groups) {
        Pooled pooled = Pooled.of(groups);
        return test(pooled.column(), pooled.groupOf(), pooled.groups());
    }

    /**
     * Compares all pairs of groups of one sorted column, without sorting again: O(n) per pair.
     *
     * @param column     the column
     * @param groupOf    the group of each value of the column, {@code 0..groupCount-1}, or {@code -1} to leave
     *                   the value out
     * @param groupCount the number of groups, at least 2
     * @return as {@link #test(double[]...)}
     * @throws IllegalArgumentException if an argument is {@code null}, {@code groupOf} does not have one label
     *                                  per value, a label is out of range or {@code groupCount < 2}
     */
    public static List<PairwiseComparison> test(SortedColumn column, int[] groupOf, int groupCount) {
        Checks.notNull(column, "column");
        if (groupCount < 2) {
            throw new IllegalArgumentException("pairwise comparison needs at least 2 groups, got " + groupCount);
        }
        List<MannWhitneyResult> tests = new ArrayList<>();
        int[] remap = new int[groupCount];
        for (int first = 0; first < groupCount; first++) {
            for (int second = first + 1; second < groupCount; second++) {
                Arrays.fill(remap, -1);
                remap[first] = 0;
                remap[second] = 1;
                tests.add(MannWhitneyU.fromRankSums(column.rankSums(groupOf, remap, 2)));
            }
        }
        double[] pValues = new double[tests.size()];
        for (int i = 0; i < pValues.length; i++) {
            pValues[i] = tests.get(i).pValue();
        }
        double[] holm = PValueAdjustment.holm(pValues);
        List<PairwiseComparison> comparisons = new ArrayList<>(tests.size());
        int i = 0;
        for (int first = 0; first < groupCount; first++) {
            for (int second = first + 1; second < groupCount; second++) {
                comparisons.add(new PairwiseComparison(first, second, tests.get(i), holm[i]));
                i++;
            }
        }
        return List.copyOf(comparisons);
    }
}
