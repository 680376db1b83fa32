package nl.vertelpunt.evaluation.stats;

/**
 * Result of a MANOVA test by Pillai's trace, see {@link PillaiTrace}.
 *
 * @param pillai            Pillai's trace V = tr(H (H + E)^-1), from 0 to s ({@code NaN} if undefined)
 * @param f                 its F approximation ({@code NaN} if undefined)
 * @param df1               numerator degrees of freedom s (2m + s + 1)
 * @param df2               denominator degrees of freedom s (2n + s + 1)
 * @param pValue            upper F tail of {@code f} ({@code NaN} if undefined)
 * @param partialEtaSquared V / s ({@code NaN} if undefined)
 */
public record PillaiResult(double pillai, double f, int df1, int df2, double pValue, double partialEtaSquared) {}
