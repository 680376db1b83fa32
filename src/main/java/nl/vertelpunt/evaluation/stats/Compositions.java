package nl.vertelpunt.evaluation.stats;

/**
 * Compositional data analysis of triad answers: three whole percentages summing to 100.
 *
 * <ul>
 *   <li><b>Zero replacement</b> ({@link #replaced}): a triad often holds zeros, and a log-ratio of zero is not
 *       defined. Multiplicative replacement (Martín-Fernández, Barceló-Vidal &amp; Pawlowsky-Glahn 2003): every zero
 *       part becomes {@link #DELTA} = 0.65 × the detection limit, which for whole percentages is 1 percentage point
 *       (so 0.0065 of the whole), and every other part {@code x} becomes {@code x (1 − zeros × DELTA)}: the parts
 *       still sum to 1 and the ratios between the parts that were not zero stay as they were.</li>
 *   <li><b>Isometric log-ratio coordinates</b> ({@link #ilr}) in the balance basis of Egozcue et al. (2003):
 *       {@code z1 = √(1/2) ln(x1/x2)}, {@code z2 = √(2/3) ln(√(x1 x2)/x3)}. Pillai's trace does not depend on
 *       which orthonormal basis is chosen.</li>
 *   <li><b>Closed geometric mean</b> ({@link #closedGeometricMean}): per part the exponential of the mean log of the
 *       replaced parts, closed to 100: the centre of a group of compositions (the inverse ILR of its mean
 *       coordinates), in percent.</li>
 * </ul>
 *
 * <p>Checked against numpy ({@code src/test/python/reference_triads.py}).
 */
public final class Compositions {

    /** The value of a zero part: 0.65 × the detection limit of one percentage point. */
    public static final double DELTA = 0.65 * 0.01;

    private static final double SQRT_HALF = Math.sqrt(0.5);
    private static final double SQRT_TWO_THIRDS = Math.sqrt(2.0 / 3.0);

    private Compositions() {}

    /**
     * The parts of a triad answer as shares of 1 after multiplicative zero replacement.
     *
     * @throws IllegalArgumentException when a share is negative or they do not sum to 100
     */
    public static double[] replaced(int a, int b, int c) {
        if (a < 0 || b < 0 || c < 0 || a + b + c != 100) {
            throw new IllegalArgumentException("a triad answer is three whole percentages summing to 100");
        }
        int zeros = (a == 0 ? 1 : 0) + (b == 0 ? 1 : 0) + (c == 0 ? 1 : 0);
        double scale = (1 - zeros * DELTA) / 100.0;
        return new double[] {part(a, scale), part(b, scale), part(c, scale)};
    }

    private static double part(int share, double scale) {
        return share == 0 ? DELTA : share * scale;
    }

    /** The two isometric log-ratio coordinates of a composition of three positive parts. */
    public static double[] ilr(double[] x) {
        return new double[] {
            SQRT_HALF * Math.log(x[0] / x[1]), SQRT_TWO_THIRDS * Math.log(Math.sqrt(x[0] * x[1]) / x[2])
        };
    }

    /**
     * The closed geometric mean, in percent, from the sums of the logs of each replaced part over {@code n}
     * compositions.
     */
    public static double[] closedGeometricMean(double[] logSums, long n) {
        double[] g = new double[3];
        double total = 0;
        for (int i = 0; i < 3; i++) {
            g[i] = Math.exp(logSums[i] / n);
            total += g[i];
        }
        for (int i = 0; i < 3; i++) {
            g[i] = 100 * g[i] / total;
        }
        return g;
    }
}
