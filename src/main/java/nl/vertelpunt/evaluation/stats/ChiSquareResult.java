package nl.vertelpunt.evaluation.stats;

/**
 * Result of Pearson's chi-square test of independence on a contingency table, see {@link PearsonChiSquare}.
 * All cell arrays are indexed by the kept rows and columns, not by the original table.
 *
 * @param rows                        indices of the kept (non-empty) rows of the original table, ascending
 * @param columns                     indices of the kept (non-empty) columns of the original table, ascending
 * @param n                           total count
 * @param statistic                   Pearson's chi-square ({@code NaN} if undefined)
 * @param degreesOfFreedom            {@code (r - 1)(c - 1)} over the kept rows and columns
 * @param pValue                      upper chi-square tail of the statistic ({@code NaN} if undefined)
 * @param cramersV                    {@code sqrt(chi2 / (n (min(r, c) - 1)))} ({@code NaN} if undefined)
 * @param expected                    expected counts {@code row total * column total / n}
 * @param adjustedResiduals           {@code (O - E) / sqrt(E (1 - row total/n)(1 - column total/n))}
 * @param shareExpectedBelowFive      share of kept cells whose expected count is below 5 ({@code NaN} for
 *                                    an empty table)
 * @param expectedBelowFiveWarning    whether that share exceeds 20% (the chi-square approximation is doubtful)
 */
public record ChiSquareResult(
        int[] rows,
        int[] columns,
        long n,
        double statistic,
        int degreesOfFreedom,
        double pValue,
        double cramersV,
        double[][] expected,
        double[][] adjustedResiduals,
        double shareExpectedBelowFive,
        boolean expectedBelowFiveWarning) {

    /**
     * @throws IllegalArgumentException if an array is {@code null}
     */
    public ChiSquareResult {
        rows = Checks.notNull(rows, "rows").clone();
        columns = Checks.notNull(columns, "columns").clone();
        expected = copy(Checks.notNull(expected, "expected"));
        adjustedResiduals = copy(Checks.notNull(adjustedResiduals, "adjustedResiduals"));
    }

    /** @return a copy of {@code rows} */
    @Override
    public int[] rows() {
        return rows.clone();
    }

    /** @return a copy of {@code columns} */
    @Override
    public int[] columns() {
        return columns.clone();
    }

    /** @return a copy of {@code expected} */
    @Override
    public double[][] expected() {
        return copy(expected);
    }

    /** @return a copy of {@code adjustedResiduals} */
    @Override
    public double[][] adjustedResiduals() {
        return copy(adjustedResiduals);
    }

    private static double[][] copy(double[][] cells) {
        double[][] copy = new double[cells.length][];
        for (int i = 0; i < cells.length; i++) {
            copy[i] = Checks.notNull(cells[i], "row " + i).clone();
        }
        return copy;
    }
}
