package nl.vertelpunt.evaluation.stats;

/**
 * Keyness of one word between two groups of stories, on the 2&times;2 table of stories that do and do not use the
 * word in each group (a story counts once however often it repeats the word):
 *
 * <pre>
 *              uses the word   does not
 *   focus            a          nF - a
 *   reference        b          nR - b
 * </pre>
 *
 * <ul>
 *   <li>{@code g2}: the log-likelihood ratio {@code G² = 2 Σ O ln(O / E)} over the four cells, with {@code E} the
 *       count expected from the margins and {@code 0 ln 0 = 0}; equal to SciPy's {@code
 *       power_divergence(observed, expected, lambda_="log-likelihood")} on the four cells;
 *   <li>{@code p}: its upper tail on the chi-square distribution with 1 degree of freedom;
 *   <li>{@code logRatio}: the effect size, {@code log2(((a + 0.5) / (nF + 1)) / ((b + 0.5) / (nR + 1)))}: the binary
 *       logarithm of the ratio of the shares of stories that use the word, with 0.5 added to both cells of each
 *       group (so a word absent from a group has a finite ratio). 1 means twice as common in the focus, −1 half as
 *       common, 0 equally common.
 * </ul>
 */
public final class Keyness {

    /** The test of one word. */
    public record Result(double g2, double p, double logRatio) {}

    private Keyness() {}

    /**
     * The keyness of a word used in {@code a} of the {@code nF} focus stories and {@code b} of the {@code nR}
     * reference stories.
     *
     * @throws IllegalArgumentException unless {@code 0 <= a <= nF}, {@code 0 <= b <= nR}, {@code nF >= 1} and
     *     {@code nR >= 1}
     */
    public static Result of(long a, long nF, long b, long nR) {
        if (nF < 1 || nR < 1 || a < 0 || b < 0 || a > nF || b > nR) {
            throw new IllegalArgumentException(
                    "need 0 <= a <= nF, 0 <= b <= nR and groups of at least one story; got a=" + a + ", nF=" + nF
                            + ", b=" + b + ", nR=" + nR);
        }
        double n = nF + nR;
        double used = a + b;
        double unused = n - used;
        double g2 = 2
                * (term(a, nF * used / n)
                        + term(nF - a, nF * unused / n)
                        + term(b, nR * used / n)
                        + term(nR - b, nR * unused / n));
        g2 = Math.max(0.0, g2); // rounding can leave -1e-16 for identical shares
        double p = Tails.chiSquareUpper(g2, 1);
        double logRatio = (Math.log((a + 0.5) / (nF + 1.0)) - Math.log((b + 0.5) / (nR + 1.0))) / Math.log(2);
        return new Result(g2, p, logRatio);
    }

    private static double term(double observed, double expected) {
        return observed == 0 ? 0.0 : observed * Math.log(observed / expected);
    }
}
