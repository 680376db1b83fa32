package nl.vertelpunt.evaluation.stats;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * One-way MANOVA by Pillai's trace with its usual F approximation (as R's {@code summary.manova}, SAS and SPSS).
 *
 * <pre>
 *   H = sum_j n_j (m_j - m)(m_j - m)^T          (between groups; m_j group means, m the grand mean)
 *   E = sum_j sum_i (y_ij - m_j)(y_ij - m_j)^T  (within groups)
 *   V = tr(H (H + E)^-1)
 *   p responses, q = g - 1, v = N - g, s = min(p, q), m = (|p - q| - 1)/2, n = (v - p - 1)/2
 *   F = (2n + s + 1)/(2m + s + 1) * V/(s - V)   on df1 = s(2m + s + 1), df2 = s(2n + s + 1)
 *   partial eta squared = V / s
 * </pre>
 *
 * Checked against numpy and scipy.stats.f ({@code src/test/python/reference_triads.py}), and there against the
 * published plastic film example (Krzanowski 1998; Johnson &amp; Wichern Example 6.12). When the groups do not
 * differ at all or E + H is singular (no variation), the result is {@code NaN}, as is every undefined statistic in
 * this package.
 */
public final class PillaiTrace {

    private PillaiTrace() {}

    /**
     * One-way MANOVA from each group's count, sums and sums of cross products of the responses.
     *
     * @param n    per group the number of observations (at least one)
     * @param sums per group the sum of each response
     * @param cross per group the sums of products {@code sum y_a y_b}, a p × p matrix
     * @throws IllegalArgumentException when fewer than two groups are given or a group is empty
     */
    public static PillaiResult oneWay(long[] n, double[][] sums, double[][][] cross) {
        int g = n.length;
        if (g < 2) {
            throw new IllegalArgumentException("at least two groups");
        }
        int p = sums[0].length;
        long total = 0;
        double[] grand = new double[p];
        for (int j = 0; j < g; j++) {
            if (n[j] < 1) {
                throw new IllegalArgumentException("every group needs an observation");
            }
            total += n[j];
            for (int a = 0; a < p; a++) {
                grand[a] += sums[j][a];
            }
        }
        for (int a = 0; a < p; a++) {
            grand[a] /= total;
        }
        double[][] e = new double[p][p];
        double[][] h = new double[p][p];
        for (int j = 0; j < g; j++) {
            for (int a = 0; a < p; a++) {
                double ma = sums[j][a] / n[j];
                for (int b = 0; b < p; b++) {
                    double mb = sums[j][b] / n[j];
                    // the within sum of products of the group about its mean
                    e[a][b] += cross[j][a][b] - n[j] * ma * mb;
                    h[a][b] += n[j] * (ma - grand[a]) * (mb - grand[b]);
                }
            }
        }
        return test(e, h, g - 1, total - g);
    }

    /**
     * Pillai's trace of the hypothesis matrix {@code h} against the error matrix {@code e}, with {@code q}
     * hypothesis and {@code errorDf} error degrees of freedom.
     */
    public static PillaiResult test(double[][] e, double[][] h, int q, long errorDf) {
        int p = e.length;
        int s = Math.min(p, q);
        double m = (Math.abs(p - q) - 1) / 2.0;
        double nn = (errorDf - p - 1) / 2.0;
        int df1 = (int) Math.round(s * (2 * m + s + 1));
        int df2 = (int) Math.round(s * (2 * nn + s + 1));
        if (s < 1 || df2 < 1) {
            return new PillaiResult(Double.NaN, Double.NaN, df1, df2, Double.NaN, Double.NaN);
        }
        RealMatrix hm = new Array2DRowRealMatrix(h);
        RealMatrix total = hm.add(new Array2DRowRealMatrix(e));
        LUDecomposition lu = new LUDecomposition(total, 1e-300);
        if (!lu.getSolver().isNonSingular() || !(lu.getDeterminant() > 0)) {
            return new PillaiResult(Double.NaN, Double.NaN, df1, df2, Double.NaN, Double.NaN);
        }
        // tr(H T^-1) = tr(T^-1 H), T symmetric
        double v = lu.getSolver().solve(hm).getTrace();
        if (!Double.isFinite(v) || v >= s) {
            return new PillaiResult(Double.NaN, Double.NaN, df1, df2, Double.NaN, Double.NaN);
        }
        double f = (2 * nn + s + 1) / (2 * m + s + 1) * v / (s - v);
        return new PillaiResult(v, f, df1, df2, Tails.fUpper(f, df1, df2), v / s);
    }
}
