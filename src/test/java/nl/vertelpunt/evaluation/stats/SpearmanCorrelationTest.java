package nl.vertelpunt.evaluation.stats;

import static nl.vertelpunt.evaluation.stats.Golden.assertProbability;
import static nl.vertelpunt.evaluation.stats.Golden.assertStatistic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SpearmanCorrelationTest {

    static Stream<Arguments> cases() {
        return Reference.cases("spearman");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldMatchScipySpearmanWithTies(String name, JsonNode reference) {
        double[] x = Reference.numbers(reference.get("input").get("x"));
        double[] y = Reference.numbers(reference.get("input").get("y"));
        SpearmanResult result = SpearmanCorrelation.test(x, y);

        JsonNode expected = reference.get("expected");
        assertThat(result.n()).as(name + " n").isEqualTo(expected.get("n").intValue());
        assertThat(result.outcome().name())
                .as(name + " outcome")
                .isEqualTo(expected.get("outcome").asText());
        assertStatistic(name + " rho", Reference.number(expected.get("rho")), result.rho());
        assertStatistic(name + " t", Reference.number(expected.get("t")), result.t());
        assertProbability(name + " p", Reference.number(expected.get("pValue")), result.pValue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldChangeTheSignOfRhoButNotPWhenOneVariableIsReversed(String name, JsonNode reference) {
        double[] x = Reference.numbers(reference.get("input").get("x"));
        double[] y = Reference.numbers(reference.get("input").get("y"));
        double[] reversed = Arrays.stream(y).map(v -> -v).toArray();
        SpearmanResult forward = SpearmanCorrelation.test(x, y);
        SpearmanResult backward = SpearmanCorrelation.test(x, reversed);

        assertStatistic(name + " reversed rho", -forward.rho(), backward.rho());
        assertProbability(name + " reversed p", forward.pValue(), backward.pValue());
    }

    @Test
    void shouldRefuseNinePairsWhereScipyComputesAValue() {
        JsonNode reference = Reference.named("spearman", "n=9 is refused");
        assertThat(Reference.number(reference.get("scipy").get("pValue")))
                .as("SciPy's p for 9 pairs")
                .isFinite();

        SpearmanResult result = SpearmanCorrelation.test(
                Reference.numbers(reference.get("input").get("x")),
                Reference.numbers(reference.get("input").get("y")));
        assertThat(result.outcome()).isEqualTo(SpearmanResult.Outcome.TOO_FEW_PAIRS);
        assertThat(result.n()).isEqualTo(9);
        assertThat(result.rho()).isNaN();
        assertThat(result.pValue()).isNaN();
    }

    @Test
    void shouldComputeFromTenPairs() {
        SpearmanResult result = SpearmanCorrelation.test(
                new double[] {0, 50, 50, 100, 20, 50, 80, 100, 0, 30},
                new double[] {10, 40, 60, 90, 20, 50, 50, 100, 0, 50});

        assertThat(SpearmanCorrelation.MIN_PAIRS).isEqualTo(10);
        assertThat(result.outcome()).isEqualTo(SpearmanResult.Outcome.COMPUTED);
        assertThat(result.pValue()).isBetween(0.0, 1.0);
    }

    @Test
    void shouldGiveRhoOneAndPZeroForIdenticalRankingsWhereScipyRoundsRho() {
        JsonNode reference = Reference.named("spearman", "perfect positive n=10, where SciPy rounds rho");
        assertThat(Reference.number(reference.get("scipy").get("rho"))).isLessThan(1.0);
        assertThat(Reference.number(reference.get("scipy").get("pValue"))).isPositive();

        double[] values = IntStream.range(0, 10).asDoubleStream().toArray();
        SpearmanResult result = SpearmanCorrelation.test(values, values);
        assertThat(result.rho()).isEqualTo(1.0);
        assertThat(result.t()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(result.pValue()).isZero();
    }

    @Test
    void shouldGiveExactlyRhoOneAndPZeroForIdenticalRankingsOfEverySize() {
        for (int n = SpearmanCorrelation.MIN_PAIRS; n <= 300; n++) {
            double[] x = IntStream.range(0, n).asDoubleStream().toArray();
            double[] y = Arrays.stream(x).map(v -> 3 * v + 1).toArray();
            double[] reversed = Arrays.stream(x).map(v -> -v).toArray();

            assertThat(SpearmanCorrelation.test(x, y).rho())
                    .as("rho for n = %d", n)
                    .isEqualTo(1.0);
            assertThat(SpearmanCorrelation.test(x, y).pValue())
                    .as("p for n = %d", n)
                    .isZero();
            assertThat(SpearmanCorrelation.test(x, reversed).rho())
                    .as("reversed rho for n = %d", n)
                    .isEqualTo(-1.0);
        }
    }

    @Test
    void shouldGiveRhoMinusOneAndPZeroForExactlyReversedRankingsWithTies() {
        double[] x = {0, 0, 50, 50, 50, 100, 20, 20, 70, 100};
        double[] y = Arrays.stream(x).map(v -> 100 - v).toArray();
        SpearmanResult result = SpearmanCorrelation.test(x, y);

        assertThat(result.rho()).isEqualTo(-1.0);
        assertThat(result.t()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(result.pValue()).isZero();
    }

    @Test
    void shouldReportNoVariationForAConstantVariable() {
        double[] constant = new double[12];
        Arrays.fill(constant, 50);
        SpearmanResult result = SpearmanCorrelation.test(
                constant, IntStream.range(0, 12).asDoubleStream().toArray());

        assertThat(result.outcome()).isEqualTo(SpearmanResult.Outcome.NO_VARIATION);
        assertThat(result.rho()).isNaN();
        assertThat(result.pValue()).isNaN();
    }

    @Test
    void shouldGiveTheSameResultFromSortedColumnsRankedOnTheRowsWhereBothArePresent() {
        Random random = new Random(37);
        int rows = 3_000;
        double[] a = RankingTest.heapedSlider(random, rows);
        double[] b = RankingTest.heapedSlider(random, rows);
        boolean[] aPresent = new boolean[rows];
        boolean[] bPresent = new boolean[rows];
        for (int row = 0; row < rows; row++) {
            aPresent[row] = random.nextDouble() < 0.8;
            bPresent[row] = random.nextDouble() < 0.7;
            b[row] = Math.min(100, Math.round(0.4 * a[row] + 0.6 * b[row]));
        }
        // what the evaluation does: each variable's present values, sorted once
        int[] aPosition = new int[rows];
        int[] bPosition = new int[rows];
        double[] aValues = present(a, aPresent, aPosition);
        double[] bValues = present(b, bPresent, bPosition);
        SortedColumn aColumn = SortedColumn.of(aValues);
        SortedColumn bColumn = SortedColumn.of(bValues);
        int[] both = IntStream.range(0, rows)
                .filter(row -> aPresent[row] && bPresent[row])
                .toArray();
        int[] aIndices = Arrays.stream(both).map(row -> aPosition[row]).toArray();
        int[] bIndices = Arrays.stream(both).map(row -> bPosition[row]).toArray();

        SpearmanResult reused = SpearmanCorrelation.fromRanks(
                aColumn.rank(aIndices).ranks(), bColumn.rank(bIndices).ranks());
        SpearmanResult direct = SpearmanCorrelation.test(
                Arrays.stream(both).mapToDouble(row -> a[row]).toArray(),
                Arrays.stream(both).mapToDouble(row -> b[row]).toArray());
        assertThat(reused).isEqualTo(direct);
        assertThat(reused.outcome()).isEqualTo(SpearmanResult.Outcome.COMPUTED);
    }

    @Test
    void shouldRejectProgrammingErrors() {
        assertThatThrownBy(() -> SpearmanCorrelation.test(new double[10], new double[11]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same length");
        assertThatThrownBy(() -> SpearmanCorrelation.test(null, new double[10]))
                .isInstanceOf(IllegalArgumentException.class);
        double[] withNaN = new double[10];
        withNaN[3] = Double.NaN;
        assertThatThrownBy(() -> SpearmanCorrelation.test(withNaN, new double[10]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpearmanCorrelation.fromRanks(new double[10], null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The present values of a variable; {@code position[row]} is the row's index among them. */
    private static double[] present(double[] values, boolean[] present, int[] position) {
        double[] kept = new double[values.length];
        int count = 0;
        for (int row = 0; row < values.length; row++) {
            if (present[row]) {
                position[row] = count;
                kept[count++] = values[row];
            }
        }
        return Arrays.copyOf(kept, count);
    }
}
