package nl.vertelpunt.comparison.stats;

import org.apache.commons.math3.special.Erf;

/**
 * Confidence interval of Spearman's rho and the test of whether two independent rhos differ, through Fisher's z.
 *
 * <pre>
 *   z    = atanh(rho)
 *   se   = sqrt((1 + rho^2 / 2) / (n - 3))                    (Bonett &amp; Wright 2000, for Spearman's rho)
 *   CI   = tanh(z -/+ 1.959964 se)                            (95%)
 *   Z    = (z1 - z2) / sqrt(se1^2 + se2^2),   p = 2 P(N(0,1) &gt;= |Z|)
 * </pre>
 *
 * The Bonett&ndash;Wright standard error is wider than Pearson's {@code 1/sqrt(n - 3)}, because rank correlations
 * vary more; it holds well for |rho| up to about 0.9 and n from 10 on. Degenerate input (|rho| = 1, n &lt; 4, or a
 * rho that is NaN) gives NaN, never an exception.
 */
public final class FisherZ {

    /** The 97.5% quantile of the standard normal distribution (SciPy's {@code norm.ppf(0.975)}). */
    public static final double Z_975 = 1.959963984540054;

    private FisherZ() {}

    /** Bonett&ndash;Wright standard error of atanh(rho) for Spearman's rho over n pairs. */
    public static double standardError(double rho, long n) {
        if (n < 4 || !(Math.abs(rho) < 1)) {
            return Double.NaN;
        }
        return Math.sqrt((1 + rho * rho / 2) / (n - 3));
    }

    /** The 95% interval {@code [low, high]} of rho, or NaNs when it is undefined. */
    public static double[] interval(double rho, long n) {
        double se = standardError(rho, n);
        if (Double.isNaN(se)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double z = atanh(rho);
        return new double[] {Math.tanh(z - Z_975 * se), Math.tanh(z + Z_975 * se)};
    }

    /** The two-sided test of rho1 = rho2 for independent samples: {@code {Z, p}}, NaN where undefined. */
    public static double[] difference(double rho1, long n1, double rho2, long n2) {
        double se1 = standardError(rho1, n1);
        double se2 = standardError(rho2, n2);
        if (Double.isNaN(se1) || Double.isNaN(se2)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double z = (atanh(rho1) - atanh(rho2)) / Math.sqrt(se1 * se1 + se2 * se2);
        return new double[] {z, twoSided(z)};
    }

    /** 2 P(N(0,1) &ge; |z|), from erfc so that small p keep their precision. */
    static double twoSided(double z) {
        return Erf.erfc(Math.abs(z) / Math.sqrt(2));
    }

    private static double atanh(double r) {
        return 0.5 * Math.log((1 + r) / (1 - r));
    }
}
