package nl.vertelpunt.evaluation.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * Tail probabilities that keep their relative precision for small p-values.
 *
 * <p>Commons Math's {@code ChiSquaredDistribution} and {@code TDistribution} only offer the cdf, and
 * {@code 1 - cdf} cancels catastrophically for small upper tails (at p = 1e-17 it is exactly 0). The upper
 * tails are therefore taken from the regularized gamma function {@code Q} and the regularized incomplete
 * beta function directly; they agree with SciPy to better than 1e-11 relative (see {@code TailsTest}).
 */
final class Tails {

    /** No random generator: the distribution is only used for its cdf. */
    private static final NormalDistribution STANDARD_NORMAL =
            new NormalDistribution(null, 0, 1, NormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);

    private Tails() {}

    /**
     * Two-sided p-value of a standard normal statistic, {@code 2 * Phi(-|z|)}, at most 1.
     *
     * @return {@code NaN} if {@code z} is {@code NaN}; 0 for {@code |z| > 40} (below the smallest double)
     */
    static double normalTwoSided(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        return Math.min(1.0, 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z)));
    }

    /**
     * Upper tail {@code P(X >= x)} of the chi-square distribution, {@code Q(df/2, x/2)}.
     *
     * @return {@code NaN} if {@code x} is {@code NaN} or {@code df < 1}; 1 for {@code x <= 0}
     */
    static double chiSquareUpper(double x, int df) {
        if (Double.isNaN(x) || df < 1) {
            return Double.NaN;
        }
        if (x <= 0) {
            return 1.0;
        }
        return Gamma.regularizedGammaQ(df / 2.0, x / 2.0);
    }

    /**
     * Two-sided p-value of a correlation coefficient {@code r} tested with Student's
     * {@code t = r * sqrt(df / (1 - r^2))} on {@code df} degrees of freedom, {@code 2 * P(T >= |t|)}. Computed
     * as {@code I_x(df/2, 1/2)} with {@code x = df/(df+t^2) = 1 - r^2} taken as {@code (1 - r)(1 + r)}, which
     * stays accurate near {@code |r| = 1} where {@code t} overflows.
     *
     * @return {@code NaN} if {@code r} is {@code NaN}, outside [-1, 1] or {@code df < 1}; 0 for
     *         {@code |r| = 1}
     */
    static double correlationTwoSided(double r, int df) {
        if (Double.isNaN(r) || r < -1 || r > 1 || df < 1) {
            return Double.NaN;
        }
        if (Math.abs(r) == 1) {
            return 0.0;
        }
        return Beta.regularizedBeta((1 - r) * (1 + r), df / 2.0, 0.5);
    }

    /**
     * Upper tail {@code P(X >= f)} of the F distribution on {@code df1} and {@code df2} degrees of freedom,
     * {@code I_x(df2/2, df1/2)} with {@code x = df2 / (df2 + df1 f)}, so that small p-values keep their relative
     * precision.
     *
     * @return {@code NaN} if {@code f} is {@code NaN} or a degree of freedom is not positive; 1 for {@code f <= 0}
     */
    static double fUpper(double f, double df1, double df2) {
        if (Double.isNaN(f) || !(df1 > 0) || !(df2 > 0)) {
            return Double.NaN;
        }
        if (f <= 0) {
            return 1.0;
        }
        if (Double.isInfinite(f)) {
            return 0.0;
        }
        return Beta.regularizedBeta(df2 / (df2 + df1 * f), df2 / 2.0, df1 / 2.0);
    }
}
