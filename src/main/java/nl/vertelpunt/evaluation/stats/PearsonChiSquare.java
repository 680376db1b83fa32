package nl.vertelpunt.evaluation.stats;

/**
 * Pearson's chi-square test of independence on an r&times;c contingency table of counts, without continuity
 * correction, with Cram&eacute;r's V, adjusted standardized residuals and a check of small expected counts.
 *
 * <p>Rows and columns whose counts are all zero (an answer nobody gave) are dropped first; the result says
 * which were kept and all cell results refer to the kept table. On the kept {@code r x c} table with row
 * totals {@code R_i}, column totals {@code C_j} and total {@code n}:
 * <pre>
 *   E_ij  = R_i C_j / n
 *   chi2  = sum (O_ij - E_ij)^2 / E_ij,     df = (r - 1)(c - 1),     p = P(chi2_df &gt;= chi2)
 *   V     = sqrt(chi2 / (n (min(r, c) - 1)))
 *   adjusted residual_ij = (O_ij - E_ij) / sqrt(E_ij (1 - R_i/n)(1 - C_j/n))      (Haberman 1973)
 * </pre>
 * Statistic, p, df and expected counts equal SciPy's {@code chi2_contingency(kept, correction=False)}. An
 * adjusted residual beyond &plusmn;1.96 marks a cell that deviates from independence at the 5% level (before
 * any correction for the number of cells).
 *
 * <p>Degenerate input: when fewer than two rows or fewer than two columns are non-empty there is no
 * association to test: statistic, p and V are {@code NaN} and df is 0 (SciPy returns statistic 0 and p 1 for
 * such a table, and fails on an all-zero one). Expected counts are still given; residuals whose denominator
 * is 0 are {@code NaN}. An all-zero table keeps no rows or columns and has {@code NaN} share.
 */
public final class PearsonChiSquare {

    /** Expected counts below this are "small". */
    static final double SMALL_EXPECTED = 5;
    /** Share of small expected counts above which the result carries a warning. */
    static final double WARNING_SHARE = 0.2;

    private PearsonChiSquare() {}

    /**
     * Tests a contingency table.
     *
     * @param table counts, {@code table[row][column]}; at least one row and one column, rectangular, no
     *              negative counts; zero rows and columns are allowed and dropped
     * @return the test on the non-empty rows and columns
     * @throws IllegalArgumentException if {@code table} or a row is {@code null}, the table is empty or ragged,
     *                                  or a count is negative
     */
    public static ChiSquareResult test(long[][] table) {
        Checks.notNull(table, "table");
        if (table.length == 0 || Checks.notNull(table[0], "table[0]").length == 0) {
            throw new IllegalArgumentException("table must have at least one row and one column");
        }
        int columnCount = table[0].length;
        long[] rowTotals = new long[table.length];
        long[] columnTotals = new long[columnCount];
        for (int i = 0; i < table.length; i++) {
            long[] row = Checks.notNull(table[i], "table[" + i + "]");
            if (row.length != columnCount) {
                throw new IllegalArgumentException(
                        "table is ragged: row " + i + " has " + row.length + " columns, row 0 has " + columnCount);
            }
            for (int j = 0; j < columnCount; j++) {
                if (row[j] < 0) {
                    throw new IllegalArgumentException("table[" + i + "][" + j + "] = " + row[j] + " is negative");
                }
                rowTotals[i] = Math.addExact(rowTotals[i], row[j]);
                columnTotals[j] = Math.addExact(columnTotals[j], row[j]);
            }
        }
        int[] rows = nonZero(rowTotals);
        int[] columns = nonZero(columnTotals);
        long n = 0;
        for (long total : rowTotals) {
            n = Math.addExact(n, total);
        }
        int r = rows.length;
        int c = columns.length;
        double total = n;
        double[][] expected = new double[r][c];
        double[][] residuals = new double[r][c];
        double statistic = 0;
        int small = 0;
        for (int a = 0; a < r; a++) {
            double rowTotal = rowTotals[rows[a]];
            for (int b = 0; b < c; b++) {
                double columnTotal = columnTotals[columns[b]];
                double e = rowTotal * columnTotal / total;
                double difference = table[rows[a]][columns[b]] - e;
                expected[a][b] = e;
                statistic += difference * difference / e;
                residuals[a][b] = difference / Math.sqrt(e * (1 - rowTotal / total) * (1 - columnTotal / total));
                if (e < SMALL_EXPECTED) {
                    small++;
                }
            }
        }
        double share = r * c == 0 ? Double.NaN : (double) small / (r * c);
        boolean warning = share > WARNING_SHARE;
        if (r < 2 || c < 2) {
            return new ChiSquareResult(
                    rows, columns, n, Double.NaN, 0, Double.NaN, Double.NaN, expected, residuals, share, warning);
        }
        int df = (r - 1) * (c - 1);
        double cramersV = Math.sqrt(statistic / (total * (Math.min(r, c) - 1)));
        return new ChiSquareResult(
                rows,
                columns,
                n,
                statistic,
                df,
                Tails.chiSquareUpper(statistic, df),
                cramersV,
                expected,
                residuals,
                share,
                warning);
    }

    private static int[] nonZero(long[] totals) {
        int count = 0;
        for (long total : totals) {
            if (total > 0) {
                count++;
            }
        }
        int[] indices = new int[count];
        int at = 0;
        for (int i = 0; i < totals.length; i++) {
            if (totals[i] > 0) {
                indices[at++] = i;
            }
        }
        return indices;
    }
}
