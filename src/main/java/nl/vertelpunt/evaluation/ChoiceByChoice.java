package nl.vertelpunt.evaluation;

import static nl.vertelpunt.evaluation.EvaluationResult.num;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import nl.vertelpunt.evaluation.Dataset.CategoricalVariable;
import nl.vertelpunt.evaluation.EvaluationResult.Effect;
import nl.vertelpunt.evaluation.EvaluationResult.Pattern;
import nl.vertelpunt.evaluation.EvaluationResult.Skipped;
import nl.vertelpunt.evaluation.stats.ChiSquareResult;
import nl.vertelpunt.evaluation.stats.PearsonChiSquare;

/**
 * Choice × choice: Pearson chi-square of a crosstab after leaving out, in turn, the rows and columns with fewer
 * than {@code minGroupSize} answers, with Cramér's V, the expected counts and the adjusted residuals.
 */
final class ChoiceByChoice {

    private ChoiceByChoice() {}

    /** The crosstab of two choice-like variables over the rows that are true, tested by {@link #chiSquare}. */
    static void test(
            CategoricalVariable x,
            CategoricalVariable y,
            boolean[] rows,
            EvaluationSettings settings,
            List<Pattern> patterns,
            List<Skipped> skipped) {
        long[][] table = new long[x.categories().size()][y.categories().size()];
        byte[] a = x.codes();
        byte[] b = y.codes();
        for (int i = 0; i < a.length; i++) {
            if (rows[i] && a[i] >= 0 && b[i] >= 0) {
                table[a[i]][b[i]]++;
            }
        }
        chiSquare(Evaluator.CHOICE_BY_CHOICE, List.of(x.name(), y.name()), table, x, y, settings, patterns, skipped);
    }

    /**
     * Pearson chi-square over the categories that have at least {@code minGroupSize} answers on each side
     * (the others are left out and named), with Cramér's V and the adjusted residuals. Leaving out a small
     * row makes the columns smaller and the other way round, so rows and columns are left out in turn until
     * every row and every column that is kept has at least {@code minGroupSize} answers.
     */
    static void chiSquare(
            String kind,
            List<String> questions,
            long[][] full,
            CategoricalVariable x,
            CategoricalVariable y,
            EvaluationSettings settings,
            List<Pattern> patterns,
            List<Skipped> skipped) {
        int[][] kept = keptCategories(full, settings.minGroupSize());
        int[] keptRows = kept[0];
        int[] keptColumns = kept[1];
        if (keptRows.length < 2 || keptColumns.length < 2) {
            skipped.add(new Skipped(
                    kind,
                    questions,
                    "fewer than two categories with at least " + settings.minGroupSize() + " answers on one side"));
            return;
        }
        long[][] table = new long[keptRows.length][keptColumns.length];
        for (int r = 0; r < keptRows.length; r++) {
            for (int c = 0; c < keptColumns.length; c++) {
                table[r][c] = full[keptRows[r]][keptColumns[c]];
            }
        }
        ChiSquareResult chi = PearsonChiSquare.test(table);
        if (chi.degreesOfFreedom() < 1 || !Double.isFinite(chi.pValue())) {
            skipped.add(new Skipped(kind, questions, "fewer than two answered categories on one side"));
            return;
        }
        int[] rowsUsed = compose(keptRows, chi.rows());
        int[] columnsUsed = compose(keptColumns, chi.columns());
        List<String> leftOut = new ArrayList<>();
        for (int r = 0; r < full.length; r++) {
            if (total(full[r]) > 0 && Arrays.binarySearch(rowsUsed, r) < 0) {
                leftOut.add(x.name() + "=" + x.categories().get(r));
            }
        }
        boolean[] allRows = new boolean[full.length];
        Arrays.fill(allRows, true);
        for (int c = 0; c < full[0].length; c++) {
            if (columnTotal(full, c, allRows) > 0 && Arrays.binarySearch(columnsUsed, c) < 0) {
                leftOut.add(y.name() + "=" + y.categories().get(c));
            }
        }
        long[][] counts = new long[rowsUsed.length][columnsUsed.length];
        for (int r = 0; r < rowsUsed.length; r++) {
            for (int c = 0; c < columnsUsed.length; c++) {
                counts[r][c] = full[rowsUsed[r]][columnsUsed[c]];
            }
        }
        List<String> notes = new ArrayList<>();
        if (!leftOut.isEmpty()) {
            notes.add("Left out of the test, fewer than " + settings.minGroupSize() + " answers: "
                    + String.join(", ", leftOut));
        }
        if (chi.expectedBelowFiveWarning()) {
            notes.add("More than 20% of the expected counts are below 5; read the test with care.");
        }
        EvaluationResult.Table shown = new EvaluationResult.Table(
                pick(x.categories(), rowsUsed),
                pick(x.labels(), rowsUsed),
                pick(y.categories(), columnsUsed),
                pick(y.labels(), columnsUsed),
                counts,
                round(chi.expected()),
                round(chi.adjustedResiduals()),
                chi.shareExpectedBelowFive(),
                chi.expectedBelowFiveWarning(),
                leftOut);
        patterns.add(new Pattern(
                0,
                kind,
                questions,
                "chi-square",
                chi.statistic(),
                chi.degreesOfFreedom(),
                chi.pValue(),
                Double.NaN,
                new Effect("cramers-v", num(chi.cramersV())),
                chi.cramersV(),
                chi.n(),
                false,
                null,
                null,
                shown,
                null,
                notes.isEmpty() ? null : notes,
                null,
                null));
    }

    /**
     * The rows and columns of a table that have at least {@code minimum} answers within the kept part of
     * the table: small rows and columns are left out in turn until none is left (ascending indices).
     */
    static int[][] keptCategories(long[][] table, int minimum) {
        boolean[] row = new boolean[table.length];
        boolean[] column = new boolean[table[0].length];
        Arrays.fill(row, true);
        Arrays.fill(column, true);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int r = 0; r < table.length; r++) {
                if (row[r] && total(table[r], column) < minimum) {
                    row[r] = false;
                    changed = true;
                }
            }
            for (int c = 0; c < column.length; c++) {
                if (column[c] && columnTotal(table, c, row) < minimum) {
                    column[c] = false;
                    changed = true;
                }
            }
        }
        return new int[][] {indices(row), indices(column)};
    }

    private static long total(long[] cells) {
        long sum = 0;
        for (long c : cells) {
            sum += c;
        }
        return sum;
    }

    /** The total of column {@code c} over the rows that are kept. */
    private static long columnTotal(long[][] table, int c, boolean[] keptRows) {
        long sum = 0;
        for (int r = 0; r < table.length; r++) {
            sum += keptRows[r] ? table[r][c] : 0;
        }
        return sum;
    }

    private static long total(long[] cells, boolean[] kept) {
        long sum = 0;
        for (int i = 0; i < cells.length; i++) {
            sum += kept[i] ? cells[i] : 0;
        }
        return sum;
    }

    private static int[] indices(boolean[] kept) {
        return IntStream.range(0, kept.length).filter(i -> kept[i]).toArray();
    }

    /** Indices into the original table of the rows (or columns) that the test kept of the reduced table. */
    private static int[] compose(int[] outer, int[] inner) {
        int[] out = new int[inner.length];
        for (int i = 0; i < inner.length; i++) {
            out[i] = outer[inner[i]];
        }
        return out;
    }

    private static List<String> pick(List<String> values, int[] indices) {
        List<String> out = new ArrayList<>();
        for (int i : indices) {
            out.add(values.get(i));
        }
        return out;
    }

    /** Rounds derived cell values to 12 significant digits, for a compact and stable JSON. */
    private static double[][] round(double[][] cells) {
        double[][] out = new double[cells.length][];
        for (int i = 0; i < cells.length; i++) {
            out[i] = new double[cells[i].length];
            for (int j = 0; j < cells[i].length; j++) {
                double v = cells[i][j];
                out[i][j] = Double.isFinite(v)
                        ? new BigDecimal(v).round(new MathContext(12)).doubleValue()
                        : 0;
            }
        }
        return out;
    }
}
