package nl.vertelpunt.evaluation.stats;

import static nl.vertelpunt.evaluation.stats.Golden.assertProbability;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PairwiseMannWhitneyTest {

    static Stream<Arguments> cases() {
        return Reference.cases("kruskalWallis");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldMatchScipyPairwiseMannWhitneyWithHolmAdjustment(String name, JsonNode reference) {
        List<PairwiseComparison> comparisons = PairwiseMannWhitney.test(KruskalWallisTest.groups(reference));

        JsonNode pairs = reference.get("pairwise");
        assertThat(comparisons).as(name + " pairs").hasSize(pairs.size());
        for (int i = 0; i < pairs.size(); i++) {
            JsonNode pair = pairs.get(i);
            PairwiseComparison comparison = comparisons.get(i);
            String what = name + " pair (" + pair.get("first") + ", " + pair.get("second") + ")";
            assertThat(comparison.first())
                    .as(what + " first")
                    .isEqualTo(pair.get("first").intValue());
            assertThat(comparison.second())
                    .as(what + " second")
                    .isEqualTo(pair.get("second").intValue());
            MannWhitneyUTest.assertMatches(what, pair.get("expected"), comparison.test());
            assertProbability(
                    what + " Holm p",
                    Reference.number(pair.get("expected").get("holmPValue")),
                    comparison.holmPValue());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldNeverAdjustBelowTheRawPValue(String name, JsonNode reference) {
        for (PairwiseComparison comparison : PairwiseMannWhitney.test(KruskalWallisTest.groups(reference))) {
            if (Double.isNaN(comparison.test().pValue())) {
                assertThat(comparison.holmPValue()).as(name).isNaN();
            } else {
                assertThat(comparison.holmPValue())
                        .as(name)
                        .isBetween(comparison.test().pValue(), 1.0);
            }
        }
    }

    @Test
    void shouldLeavePairsWithoutATestOutOfTheHolmFamily() {
        List<PairwiseComparison> comparisons =
                PairwiseMannWhitney.test(new double[] {1, 2, 3}, new double[0], new double[] {4, 5, 6});

        assertThat(comparisons.get(0).holmPValue()).isNaN();
        assertThat(comparisons.get(2).holmPValue()).isNaN();
        // the only defined test is a family of one: Holm leaves it unchanged
        assertThat(comparisons.get(1).holmPValue())
                .isEqualTo(comparisons.get(1).test().pValue());
    }

    @Test
    void shouldRankEachPairAmongItselfNotAmongAllGroups() {
        double[][] groups = {{1, 2, 3}, {100, 200}, {4, 5, 6}};
        PairwiseComparison zeroTwo = PairwiseMannWhitney.test(groups).get(1);

        assertThat(zeroTwo.first()).isZero();
        assertThat(zeroTwo.second()).isEqualTo(2);
        assertThat(zeroTwo.test()).isEqualTo(MannWhitneyU.test(groups[0], groups[2]));
    }

    @Test
    void shouldGiveTheSameComparisonsFromASortedColumn() {
        Random random = new Random(31);
        double[] column = RankingTest.heapedSlider(random, 1_000);
        int[] groupOf = random.ints(column.length, -1, 5).toArray();

        List<PairwiseComparison> direct = PairwiseMannWhitney.test(MannWhitneyUTest.split(column, groupOf, 5));
        List<PairwiseComparison> reused = PairwiseMannWhitney.test(SortedColumn.of(column), groupOf, 5);
        assertThat(reused).isEqualTo(direct).hasSize(10);
    }

    @Test
    void shouldRejectFewerThanTwoGroups() {
        assertThatThrownBy(() -> PairwiseMannWhitney.test(new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        SortedColumn column = SortedColumn.of(new double[] {1, 2});
        assertThatThrownBy(() -> PairwiseMannWhitney.test(column, new int[] {0, 0}, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PairwiseMannWhitney.test(null, new int[] {0, 1}, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
