package nl.vertelpunt.evaluation.stats;

import java.util.Arrays;

/**
 * Multiple-testing adjustment of a family of p-values: Benjamini&ndash;Hochberg q-values (false discovery
 * rate) and Holm adjusted p-values (family-wise error rate).
 *
 * <p>{@code NaN} entries are tests that could not be done. They are left out of the family (they do not
 * count towards its size m) and come back as {@code NaN}, like R's {@code p.adjust} with {@code NA}. Exactly
 * tied p-values get the same adjusted value. Adjusted values are never below the raw p-value and never
 * above 1.
 */
public final class PValueAdjustment {

    private PValueAdjustment() {}

    /**
     * Benjamini&ndash;Hochberg q-values: with the m non-NaN p-values sorted ascending,
     * {@code q_(i) = min_{j >= i} min(1, p_(j) m / j)}. Equal to SciPy's
     * {@code false_discovery_control(p, method='bh')} on the non-NaN entries, and to R's
     * {@code p.adjust(p, "BH")}.
     *
     * @param pValues p-values in [0, 1] or {@code NaN}; may be empty
     * @return q-values in the order of {@code pValues}, monotone in p; {@code NaN} where p is {@code NaN}
     * @throws IllegalArgumentException if {@code pValues} is {@code null} or has an entry outside [0, 1]
     */
    public static double[] benjaminiHochberg(double[] pValues) {
        Family family = Family.of(pValues);
        int m = family.size();
        double[] adjusted = family.nanArray();
        double running = 1.0;
        for (int i = m - 1; i >= 0; i--) {
            running = Math.min(running, family.sorted(i) * ((double) m / (i + 1))); // rounded as SciPy
            adjusted[family.index(i)] = running;
        }
        return adjusted;
    }

    /**
     * Holm adjusted p-values: with the m non-NaN p-values sorted ascending,
     * {@code p~_(i) = max_{j <= i} min(1, (m - j + 1) p_(j))}. Equal to R's {@code p.adjust(p, "holm")}.
     *
     * @param pValues p-values in [0, 1] or {@code NaN}; may be empty
     * @return adjusted p-values in the order of {@code pValues}, monotone in p; {@code NaN} where p is
     *         {@code NaN}
     * @throws IllegalArgumentException if {@code pValues} is {@code null} or has an entry outside [0, 1]
     */
    public static double[] holm(double[] pValues) {
        Family family = Family.of(pValues);
        int m = family.size();
        double[] adjusted = family.nanArray();
        double running = 0.0;
        for (int i = 0; i < m; i++) {
            running = Math.max(running, Math.min(1.0, (m - i) * family.sorted(i)));
            adjusted[family.index(i)] = running;
        }
        return adjusted;
    }

    /** The non-NaN p-values of a family in ascending order, with their positions in the input. */
    private static final class Family {

        private final int length;
        private final int[] indexOfSorted;
        private final double[] values;

        private Family(int length, int[] indexOfSorted, double[] values) {
            this.length = length;
            this.indexOfSorted = indexOfSorted;
            this.values = values;
        }

        static Family of(double[] pValues) {
            Checks.notNull(pValues, "pValues");
            int m = 0;
            for (int i = 0; i < pValues.length; i++) {
                double p = pValues[i];
                if (p < 0 || p > 1) {
                    throw new IllegalArgumentException("pValues[" + i + "] = " + p + " is outside [0, 1]");
                }
                if (!Double.isNaN(p)) {
                    m++;
                }
            }
            int[] positions = new int[m];
            double[] values = new double[m];
            int at = 0;
            for (int i = 0; i < pValues.length; i++) {
                if (!Double.isNaN(pValues[i])) {
                    positions[at] = i;
                    values[at++] = pValues[i];
                }
            }
            int[] order = Order.ascending(values);
            int[] indexOfSorted = new int[m];
            double[] sorted = new double[m];
            for (int i = 0; i < m; i++) {
                indexOfSorted[i] = positions[order[i]];
                sorted[i] = values[order[i]];
            }
            return new Family(pValues.length, indexOfSorted, sorted);
        }

        int size() {
            return values.length;
        }

        double sorted(int i) {
            return values[i];
        }

        int index(int i) {
            return indexOfSorted[i];
        }

        double[] nanArray() {
            double[] array = new double[length];
            Arrays.fill(array, Double.NaN);
            return array;
        }
    }
}
