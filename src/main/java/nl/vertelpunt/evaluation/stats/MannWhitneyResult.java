package nl.vertelpunt.evaluation.stats;

/**
 * Result of a two-sided Mann&ndash;Whitney U test with the normal approximation, see {@link MannWhitneyU}.
 *
 * @param n1           size of the first group
 * @param n2           size of the second group
 * @param u            U of the first group, {@code R1 - n1(n1+1)/2}: the number of pairs in which the first
 *                     group's value is larger, ties counting one half ({@code NaN} if a group is empty)
 * @param z            signed standardized U with tie and continuity correction; positive when the first group
 *                     tends to have larger values ({@code NaN} if undefined)
 * @param pValue       two-sided p-value ({@code NaN} if undefined)
 * @param rankBiserial rank-biserial correlation {@code 2U/(n1 n2) - 1} in [-1, 1]: P(first larger) minus
 *                     P(second larger); positive when the first group tends to have larger values
 *                     ({@code NaN} if a group is empty)
 */
public record MannWhitneyResult(int n1, int n2, double u, double z, double pValue, double rankBiserial) {}
