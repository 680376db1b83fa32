package nl.vertelpunt.evaluation.stats;

import static nl.vertelpunt.evaluation.stats.Golden.assertProbability;
import static nl.vertelpunt.evaluation.stats.Golden.assertStatistic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KruskalWallisTest {

    static Stream<Arguments> cases() {
        return Reference.cases("kruskalWallis");
    }

    static double[][] groups(JsonNode reference) {
        JsonNode groups = reference.get("input").get("groups");
        double[][] values = new double[groups.size()][];
        for (int g = 0; g < values.length; g++) {
            values[g] = Reference.numbers(groups.get(g));
        }
        return values;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldMatchScipyKruskalWallisWithTiesAndEpsilonSquared(String name, JsonNode reference) {
        KruskalWallisResult result = KruskalWallis.test(groups(reference));

        JsonNode expected = reference.get("expected");
        assertThat(result.groups())
                .as(name + " groups")
                .isEqualTo(expected.get("groups").intValue());
        assertThat(result.n()).as(name + " n").isEqualTo(expected.get("n").intValue());
        assertThat(result.degreesOfFreedom())
                .as(name + " df")
                .isEqualTo(expected.get("degreesOfFreedom").intValue());
        assertStatistic(name + " H", Reference.number(expected.get("h")), result.h());
        assertProbability(name + " p", Reference.number(expected.get("pValue")), result.pValue());
        assertStatistic(
                name + " epsilon-squared", Reference.number(expected.get("epsilonSquared")), result.epsilonSquared());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldKeepEpsilonSquaredBetweenZeroAndOne(String name, JsonNode reference) {
        KruskalWallisResult result = KruskalWallis.test(groups(reference));

        if (!Double.isNaN(result.h())) {
            assertThat(result.epsilonSquared()).as(name).isBetween(0.0, 1.0);
        }
    }

    @Test
    void shouldGiveNaNForAnEmptyGroupAsScipyDoes() {
        KruskalWallisResult result = KruskalWallis.test(new double[] {1, 2, 3}, new double[0], new double[] {4, 5, 6});

        assertThat(result.h()).isNaN();
        assertThat(result.pValue()).isNaN();
        assertThat(result.epsilonSquared()).isNaN();
        assertThat(result.degreesOfFreedom()).isEqualTo(2);
    }

    @Test
    void shouldGiveNaNWhenAllValuesAreTiedAsScipyDoes() {
        KruskalWallisResult result = KruskalWallis.test(new double[] {50, 50}, new double[] {50});

        assertThat(result.h()).isNaN();
        assertThat(result.pValue()).isNaN();
    }

    @Test
    void shouldGiveNaNForAVeryLargeAllTiedSampleWhereRoundingLeavesTheTieCorrectionAboveZero() {
        // n = 330,284: in doubles the tie correction 1 - (n^3 - n)/(n^3 - n) comes out as 1.8e-16 instead of 0
        double[] group = new double[110_000];
        Arrays.fill(group, 50);
        double[] other = new double[110_284];
        Arrays.fill(other, 50);

        KruskalWallisResult result = KruskalWallis.test(group, group, other);
        assertThat(result.h()).isNaN();
        assertThat(result.pValue()).isNaN();
    }

    @Test
    void shouldGiveZeroHWhenAllGroupsHaveTheSameMeanRank() {
        KruskalWallisResult result = KruskalWallis.test(new double[] {1, 4}, new double[] {2, 3});

        assertThat(result.h()).isZero();
        assertThat(result.pValue()).isEqualTo(1.0);
    }

    @Test
    void shouldGiveTheSameResultFromTheRankSumsOfASortedColumn() {
        Random random = new Random(29);
        double[] column = RankingTest.heapedSlider(random, 2_000);
        int[] groupOf = random.ints(column.length, -1, 4).toArray();

        KruskalWallisResult direct = KruskalWallis.test(MannWhitneyUTest.split(column, groupOf, 4));
        KruskalWallisResult reused =
                KruskalWallis.fromRankSums(SortedColumn.of(column).rankSums(groupOf, 4));
        assertThat(reused).isEqualTo(direct);
    }

    @Test
    void shouldRejectFewerThanTwoGroups() {
        assertThatThrownBy(() -> KruskalWallis.test(new double[] {1, 2})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KruskalWallis.test((double[][]) null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KruskalWallis.test(new double[] {1}, null))
                .isInstanceOf(IllegalArgumentException.class);
        RankSums one = new RankSums(new int[] {3}, new double[] {6}, 0);
        assertThatThrownBy(() -> KruskalWallis.fromRankSums(one)).isInstanceOf(IllegalArgumentException.class);
    }
}
