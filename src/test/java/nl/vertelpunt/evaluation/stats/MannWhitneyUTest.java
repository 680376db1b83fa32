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

class MannWhitneyUTest {

    static Stream<Arguments> cases() {
        return Reference.cases("mannWhitney");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldMatchScipyMannWhitneyWithTies(String name, JsonNode reference) {
        double[] x = Reference.numbers(reference.get("input").get("x"));
        double[] y = Reference.numbers(reference.get("input").get("y"));

        assertMatches(name, reference.get("expected"), MannWhitneyU.test(x, y));
    }

    /** Compares a result with the "expected" object of a Mann-Whitney reference case or pair. */
    static void assertMatches(String name, JsonNode expected, MannWhitneyResult result) {
        assertThat(result.n1()).as(name + " n1").isEqualTo(expected.get("n1").intValue());
        assertThat(result.n2()).as(name + " n2").isEqualTo(expected.get("n2").intValue());
        assertStatistic(name + " U", Reference.number(expected.get("u")), result.u());
        assertStatistic(name + " z", Reference.number(expected.get("z")), result.z());
        assertProbability(name + " p", Reference.number(expected.get("pValue")), result.pValue());
        assertStatistic(name + " rank-biserial", Reference.number(expected.get("rankBiserial")), result.rankBiserial());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldChangeTheSignOfRankBiserialAndZWhenTheGroupsAreSwapped(String name, JsonNode reference) {
        double[] x = Reference.numbers(reference.get("input").get("x"));
        double[] y = Reference.numbers(reference.get("input").get("y"));
        MannWhitneyResult forward = MannWhitneyU.test(x, y);
        MannWhitneyResult swapped = MannWhitneyU.test(y, x);

        assertStatistic(name + " swapped rank-biserial", -forward.rankBiserial(), swapped.rankBiserial());
        assertStatistic(name + " swapped z", -forward.z(), swapped.z());
        assertStatistic(name + " swapped U", (double) x.length * y.length - forward.u(), swapped.u());
        assertProbability(name + " swapped p", forward.pValue(), swapped.pValue());
    }

    @Test
    void shouldMakeRankBiserialPositiveWhenTheFirstGroupTendsToBeLarger() {
        MannWhitneyResult larger = MannWhitneyU.test(new double[] {60, 80, 100, 50}, new double[] {0, 20, 50});

        // pairs (x > y): 60, 80, 100 beat all 3; 50 beats 0 and 20 and ties 50: U = 9 + 2.5 = 11.5 of 12
        assertThat(larger.u()).isEqualTo(11.5);
        assertThat(larger.rankBiserial()).isEqualTo(2 * 11.5 / 12 - 1).isPositive();
        assertThat(larger.z()).isPositive();
    }

    @Test
    void shouldGiveNaNPValueWhenAllValuesAreTiedWhereScipyGivesOne() {
        JsonNode reference = Reference.named("mannWhitney", "all values identical");
        assertThat(Reference.number(reference.get("scipy").get("pValue"))).isEqualTo(1.0);

        MannWhitneyResult result = MannWhitneyU.test(new double[] {50, 50, 50}, new double[] {50, 50});
        assertThat(result.pValue()).isNaN();
        assertThat(result.z()).isNaN();
        assertThat(result.u()).isEqualTo(3.0);
        assertThat(result.rankBiserial()).isZero();
    }

    @Test
    void shouldGiveNaNPValueForAVeryLargeAllTiedSampleWhereRoundingLeavesTheVarianceAboveZero() {
        // n = 330,284: in doubles (n + 1) - (n^3 - n)/(n(n - 1)) is 5.8e-11 instead of 0
        double[] group = new double[165_142];
        Arrays.fill(group, 50);

        MannWhitneyResult result = MannWhitneyU.test(group, group);
        assertThat(result.pValue()).isNaN();
        assertThat(result.z()).isNaN();
        assertThat(result.rankBiserial()).isZero();
    }

    @Test
    void shouldGiveNaNWhenAGroupIsEmpty() {
        MannWhitneyResult result = MannWhitneyU.test(new double[] {1, 2}, new double[0]);

        assertThat(result.n1()).isEqualTo(2);
        assertThat(result.n2()).isZero();
        assertThat(new double[] {result.u(), result.z(), result.pValue(), result.rankBiserial()})
                .containsOnly(Double.NaN);
    }

    @Test
    void shouldGiveTheSameResultFromTheRankSumsOfASortedColumn() {
        Random random = new Random(23);
        double[] column = RankingTest.heapedSlider(random, 1_500);
        int[] groupOf = random.ints(column.length, -1, 2).toArray();
        double[][] groups = split(column, groupOf, 2);

        MannWhitneyResult direct = MannWhitneyU.test(groups[0], groups[1]);
        MannWhitneyResult reused =
                MannWhitneyU.fromRankSums(SortedColumn.of(column).rankSums(groupOf, 2));
        assertThat(reused).isEqualTo(direct);
    }

    @Test
    void shouldRejectProgrammingErrors() {
        assertThatThrownBy(() -> MannWhitneyU.test(null, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MannWhitneyU.test(new double[] {1, Double.NaN}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
        RankSums three = new RankSums(new int[] {1, 1, 1}, new double[] {1, 2, 3}, 0);
        assertThatThrownBy(() -> MannWhitneyU.fromRankSums(three)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MannWhitneyU.fromRankSums(null)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The values of each group, in column order; label -1 is in no group. */
    static double[][] split(double[] column, int[] groupOf, int groups) {
        double[][] split = new double[groups][];
        for (int g = 0; g < groups; g++) {
            final int group = g;
            split[g] = IntStream.range(0, column.length)
                    .filter(i -> groupOf[i] == group)
                    .mapToDouble(i -> column[i])
                    .toArray();
        }
        return split;
    }
}
