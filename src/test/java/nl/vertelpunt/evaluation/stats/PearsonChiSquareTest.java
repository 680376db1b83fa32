package nl.vertelpunt.evaluation.stats;

import static nl.vertelpunt.evaluation.stats.Golden.assertProbability;
import static nl.vertelpunt.evaluation.stats.Golden.assertStatistic;
import static nl.vertelpunt.evaluation.stats.Golden.assertStatistics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PearsonChiSquareTest {

    static Stream<Arguments> cases() {
        return Reference.cases("chiSquare");
    }

    private static long[][] table(JsonNode reference) {
        return Reference.counts(reference.get("input").get("table"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldMatchScipyChiSquareOnTheNonEmptyRowsAndColumns(String name, JsonNode reference) {
        ChiSquareResult result = PearsonChiSquare.test(table(reference));

        JsonNode expected = reference.get("expected");
        assertThat(result.rows()).as(name + " kept rows").containsExactly(Reference.ints(expected.get("rows")));
        assertThat(result.columns())
                .as(name + " kept columns")
                .containsExactly(Reference.ints(expected.get("columns")));
        assertThat(result.n()).as(name + " n").isEqualTo(expected.get("n").longValue());
        assertThat(result.degreesOfFreedom())
                .as(name + " df")
                .isEqualTo(expected.get("degreesOfFreedom").intValue());
        assertStatistic(name + " chi2", Reference.number(expected.get("statistic")), result.statistic());
        assertProbability(name + " p", Reference.number(expected.get("pValue")), result.pValue());
        assertStatistic(name + " Cramer's V", Reference.number(expected.get("cramersV")), result.cramersV());
        assertStatistics(name + " expected", Reference.matrix(expected.get("expected")), result.expected());
        assertStatistics(
                name + " adjusted residuals",
                Reference.matrix(expected.get("adjustedResiduals")),
                result.adjustedResiduals());
        assertStatistic(
                name + " share of expected < 5",
                Reference.number(expected.get("shareExpectedBelowFive")),
                result.shareExpectedBelowFive());
        assertThat(result.expectedBelowFiveWarning())
                .as(name + " warning")
                .isEqualTo(expected.get("expectedBelowFiveWarning").booleanValue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldHaveExpectedCountsThatSumToNAndReproduceTheMargins(String name, JsonNode reference) {
        long[][] table = table(reference);
        ChiSquareResult result = PearsonChiSquare.test(table);
        double[][] expected = result.expected();

        double total = 0;
        for (int a = 0; a < expected.length; a++) {
            double rowTotal = 0;
            long observedRowTotal = 0;
            for (int b = 0; b < expected[a].length; b++) {
                rowTotal += expected[a][b];
                observedRowTotal += table[result.rows()[a]][result.columns()[b]];
            }
            assertStatistic(name + " row " + a + " total", observedRowTotal, rowTotal);
            total += rowTotal;
        }
        for (int b = 0; b < result.columns().length; b++) {
            double columnTotal = 0;
            long observedColumnTotal = 0;
            for (int a = 0; a < expected.length; a++) {
                columnTotal += expected[a][b];
                observedColumnTotal += table[result.rows()[a]][result.columns()[b]];
            }
            assertStatistic(name + " column " + b + " total", observedColumnTotal, columnTotal);
        }
        assertStatistic(name + " n", result.n(), total);
    }

    @Test
    void shouldDropAllZeroRowsAndColumnsAndSayWhichWereKept() {
        long[][] table = {{0, 0, 0}, {5, 0, 3}, {2, 0, 7}};
        ChiSquareResult result = PearsonChiSquare.test(table);

        assertThat(result.rows()).containsExactly(1, 2);
        assertThat(result.columns()).containsExactly(0, 2);
        assertThat(result.degreesOfFreedom()).isEqualTo(1);
        assertThat(result.expected()).hasDimensions(2, 2);
        assertThat(result)
                .usingRecursiveComparison()
                .isEqualTo(withKept(PearsonChiSquare.test(new long[][] {{5, 3}, {2, 7}}), new int[] {1, 2}, new int[] {
                    0, 2
                }));
    }

    @Test
    void shouldGiveAdjustedResidualsOfAOneDegreeTableWhoseSquareIsTheStatistic() {
        ChiSquareResult result = PearsonChiSquare.test(new long[][] {{12, 2}, {3, 5}});
        double[][] residuals = result.adjustedResiduals();

        for (double[] row : residuals) {
            for (double residual : row) {
                assertStatistic("2x2 residual squared", result.statistic(), residual * residual);
            }
        }
        assertThat(residuals[0][0]).isPositive();
        assertThat(residuals[0][1]).isNegative();
    }

    @Test
    void shouldGiveNaNWhenFewerThanTwoRowsAreNonEmptyWhereScipyGivesZeroAndOne() {
        JsonNode reference = Reference.named("chiSquare", "a single non-empty row");
        assertThat(Reference.number(reference.get("scipy").get("statistic"))).isZero();
        assertThat(Reference.number(reference.get("scipy").get("pValue"))).isEqualTo(1.0);

        ChiSquareResult result = PearsonChiSquare.test(table(reference));
        assertThat(result.statistic()).isNaN();
        assertThat(result.pValue()).isNaN();
        assertThat(result.cramersV()).isNaN();
        assertThat(result.degreesOfFreedom()).isZero();
        assertThat(result.rows()).containsExactly(1);
    }

    @Test
    void shouldGiveNaNForAnAllZeroTable() {
        ChiSquareResult result = PearsonChiSquare.test(new long[][] {{0, 0}, {0, 0}});

        assertThat(result.n()).isZero();
        assertThat(result.rows()).isEmpty();
        assertThat(result.columns()).isEmpty();
        assertThat(result.statistic()).isNaN();
        assertThat(result.pValue()).isNaN();
        assertThat(result.shareExpectedBelowFive()).isNaN();
        assertThat(result.expectedBelowFiveWarning()).isFalse();
    }

    @Test
    void shouldWarnOnlyWhenMoreThanTwentyPercentOfExpectedCountsAreBelowFive() {
        // two equal rows; a column total of 6 gives expected 3 in both its cells: 2 of 10 cells = 20%
        ChiSquareResult twenty = PearsonChiSquare.test(new long[][] {{50, 50, 50, 50, 3}, {50, 50, 50, 50, 3}});
        assertThat(twenty.shareExpectedBelowFive()).isEqualTo(0.2);
        assertThat(twenty.expectedBelowFiveWarning()).isFalse();

        ChiSquareResult forty = PearsonChiSquare.test(new long[][] {{50, 50, 50, 4, 3}, {50, 50, 50, 4, 3}});
        assertThat(forty.shareExpectedBelowFive()).isEqualTo(0.4);
        assertThat(forty.expectedBelowFiveWarning()).isTrue();
    }

    @Test
    void shouldNotShareArraysWithTheCaller() {
        ChiSquareResult result = PearsonChiSquare.test(new long[][] {{1, 2}, {3, 4}});
        result.expected()[0][0] = -1;
        result.rows()[0] = 7;
        assertThat(result.expected()[0][0]).isPositive();
        assertThat(result.rows()[0]).isZero();
    }

    @Test
    void shouldRejectTablesThatAreNoContingencyTables() {
        assertThatThrownBy(() -> PearsonChiSquare.test(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PearsonChiSquare.test(new long[0][])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PearsonChiSquare.test(new long[][] {{}})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PearsonChiSquare.test(new long[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ragged");
        assertThatThrownBy(() -> PearsonChiSquare.test(new long[][] {{1, -2}, {3, 4}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> PearsonChiSquare.test(new long[][] {{1, 2}, null}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ChiSquareResult withKept(ChiSquareResult result, int[] rows, int[] columns) {
        return new ChiSquareResult(
                rows,
                columns,
                result.n(),
                result.statistic(),
                result.degreesOfFreedom(),
                result.pValue(),
                result.cramersV(),
                result.expected(),
                result.adjustedResiduals(),
                result.shareExpectedBelowFive(),
                result.expectedBelowFiveWarning());
    }
}
