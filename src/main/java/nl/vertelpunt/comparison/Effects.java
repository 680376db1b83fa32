package nl.vertelpunt.comparison;

import nl.vertelpunt.comparison.stats.Resampling;
import nl.vertelpunt.evaluation.ComparisonSupport;
import nl.vertelpunt.evaluation.stats.KruskalWallis;
import nl.vertelpunt.evaluation.stats.MannWhitneyU;
import nl.vertelpunt.evaluation.stats.PearsonChiSquare;

/** The effect sizes of the evaluation, as functions of a histogram of item codes (see {@link Resampling}). */
final class Effects {

    private static final int V = ComparisonSupport.SLIDER_VALUES;

    private Effects() {}

    /**
     * A slider in {@code groups} groups, items {@code group * 101 + value}: the rank-biserial correlation of
     * Mann–Whitney for two groups (positive: the first group is higher), ε² of Kruskal–Wallis for more.
     */
    static Resampling.Effect sliderGroups(int groups) {
        int[] ids = new int[groups];
        for (int g = 0; g < groups; g++) {
            ids[g] = g;
        }
        return histogram -> {
            long[][] counts = new long[groups][V];
            for (int g = 0; g < groups; g++) {
                System.arraycopy(histogram, g * V, counts[g], 0, V);
            }
            var sums = ComparisonSupport.rankSums(counts, ids);
            return groups == 2
                    ? MannWhitneyU.fromRankSums(sums).rankBiserial()
                    : KruskalWallis.fromRankSums(sums).epsilonSquared();
        };
    }

    /** A crosstab of {@code rows} × {@code columns}, items {@code row * columns + column}: Cramér's V. */
    static Resampling.Effect cramersV(int rows, int columns) {
        return histogram -> {
            long[][] table = new long[rows][columns];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(histogram, r * columns, table[r], 0, columns);
            }
            return PearsonChiSquare.test(table).cramersV();
        };
    }
}
