package nl.vertelpunt.evaluation.stats;

/**
 * Result of a Kruskal&ndash;Wallis H test, see {@link KruskalWallis}.
 *
 * @param groups           number of groups k
 * @param n                total number of values
 * @param h                tie-corrected H ({@code NaN} if undefined)
 * @param degreesOfFreedom {@code k - 1}
 * @param pValue           upper chi-square tail of {@code h} ({@code NaN} if undefined)
 * @param epsilonSquared   effect size {@code H / ((n^2 - 1)/(n + 1))} ({@code NaN} if undefined)
 */
public record KruskalWallisResult(
        int groups, int n, double h, int degreesOfFreedom, double pValue, double epsilonSquared) {}
