package nl.vertelpunt.evaluation.stats;

import static nl.vertelpunt.evaluation.stats.Golden.assertStatistic;
import static nl.vertelpunt.evaluation.stats.Golden.assertStatistics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RankingTest {

    static Stream<Arguments> cases() {
        return Reference.cases("ranks");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldMatchScipyAverageRanksAndTieTerm(String name, JsonNode reference) {
        Ranking ranking = Ranking.of(Reference.numbers(reference.get("input").get("values")));

        JsonNode expected = reference.get("expected");
        assertStatistics(name + " ranks", Reference.numbers(expected.get("ranks")), ranking.ranks());
        assertStatistic(name + " tie term", Reference.number(expected.get("tieTerm")), ranking.tieTerm());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldRankSubsetsOfASortedColumnAsScipyRanksTheSubsetAlone(String name, JsonNode reference) {
        SortedColumn column =
                SortedColumn.of(Reference.numbers(reference.get("input").get("values")));
        for (JsonNode subset : reference.get("subsets")) {
            int[] indices = Reference.ints(subset.get("indices"));
            Ranking ranking = column.rank(indices);

            String what = name + " subset " + subset.get("indices");
            assertStatistics(
                    what + " ranks", Reference.numbers(subset.get("expected").get("ranks")), ranking.ranks());
            assertStatistic(
                    what + " tie term", Reference.number(subset.get("expected").get("tieTerm")), ranking.tieTerm());
        }
    }

    @Test
    void shouldRankRandomSubsetsExactlyAsRankingTheSubsetOnItsOwn() {
        Random random = new Random(7);
        double[] values = heapedSlider(random, 2_000);
        SortedColumn column = SortedColumn.of(values);
        for (int round = 0; round < 20; round++) {
            int[] indices = random.ints(0, values.length)
                    .distinct()
                    .limit(random.nextInt(1, 600))
                    .toArray();
            double[] subset = new double[indices.length];
            for (int j = 0; j < indices.length; j++) {
                subset[j] = values[indices[j]];
            }
            Ranking direct = Ranking.of(subset);
            Ranking reused = column.rank(indices);
            assertThat(reused.ranks()).containsExactly(direct.ranks());
            assertThat(reused.tieTerm()).isEqualTo(direct.tieTerm());
        }
    }

    @Test
    void shouldSumRanksPerGroupExactlyAsRankingTheGroupedValuesOnTheirOwn() {
        Random random = new Random(11);
        double[] values = heapedSlider(random, 3_000);
        int[] groupOf = random.ints(values.length, -1, 4).toArray(); // -1: not in any group
        RankSums sums = SortedColumn.of(values).rankSums(groupOf, 4);

        int selected = 0;
        for (int label : groupOf) {
            selected += label >= 0 ? 1 : 0;
        }
        double[] pooled = new double[selected];
        int[] labels = new int[selected];
        for (int i = 0, at = 0; i < values.length; i++) {
            if (groupOf[i] >= 0) {
                pooled[at] = values[i];
                labels[at++] = groupOf[i];
            }
        }
        Ranking ranking = Ranking.of(pooled);
        double[] expectedSums = new double[4];
        int[] expectedSizes = new int[4];
        for (int i = 0; i < selected; i++) {
            expectedSums[labels[i]] += ranking.ranks()[i];
            expectedSizes[labels[i]]++;
        }
        assertThat(sums.sizes()).containsExactly(expectedSizes);
        assertThat(sums.sums()).containsExactly(expectedSums);
        assertThat(sums.tieTerm()).isEqualTo(ranking.tieTerm());
        assertThat(sums.n()).isEqualTo(selected);
    }

    @Test
    void shouldRankAMillionHeapedValuesWithRanksSummingToTheTriangularNumber() {
        Random random = new Random(3);
        double[] values = heapedSlider(random, 1_000_000);
        Ranking ranking = Ranking.of(values);

        double sum = 0;
        for (double rank : ranking.ranks()) {
            sum += rank;
        }
        assertThat(sum).isEqualTo(1_000_000.0 * 1_000_001 / 2);
        long[] counts = new long[101];
        for (double value : values) {
            counts[(int) value]++;
        }
        double tieTerm = 0;
        for (long t : counts) {
            tieTerm += (double) t * t * t - t;
        }
        assertThat(ranking.tieTerm()).isEqualTo(tieTerm);
        // 0 is the smallest value: all zeros share the mean of ranks 1..count(0)
        for (int i = 0; i < values.length; i++) {
            if (values[i] == 0) {
                assertThat(ranking.ranks()[i]).isEqualTo((1 + counts[0]) / 2.0);
                break;
            }
        }
    }

    @Test
    void shouldTreatNegativeZeroAsTiedWithZero() {
        assertThat(Ranking.of(new double[] {0.0, -0.0, 1.0}).ranks()).containsExactly(1.5, 1.5, 3.0);
    }

    @Test
    void shouldRankInfinitiesAtTheEnds() {
        double[] values = {Double.POSITIVE_INFINITY, 3, Double.NEGATIVE_INFINITY, 3};
        assertThat(Ranking.of(values).ranks()).containsExactly(4.0, 2.5, 1.0, 2.5);
    }

    @Test
    void shouldRankAnEmptySample() {
        Ranking ranking = Ranking.of(new double[0]);
        assertThat(ranking.n()).isZero();
        assertThat(ranking.tieTerm()).isZero();
    }

    @Test
    void shouldRejectMissingValuesAndNull() {
        assertThatThrownBy(() -> Ranking.of(new double[] {1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("values[1] is NaN");
        assertThatThrownBy(() -> SortedColumn.of(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SortedColumn.of(new double[] {1}).rank(null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRejectRepeatedAndOutOfRangeIndices() {
        SortedColumn column = SortedColumn.of(new double[] {5, 6, 7});
        assertThatThrownBy(() -> column.rank(new int[] {0, 2, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than once");
        assertThatThrownBy(() -> column.rank(new int[] {3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside");
        assertThatThrownBy(() -> column.rank(new int[] {-1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside");
    }

    @Test
    void shouldRejectGroupLabelsThatDoNotFit() {
        SortedColumn column = SortedColumn.of(new double[] {5, 6, 7});
        assertThatThrownBy(() -> column.rankSums(new int[] {0, 1, 2}, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("label 2");
        assertThatThrownBy(() -> column.rankSums(new int[] {0, -2, 1}, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("label -2");
        assertThatThrownBy(() -> column.rankSums(new int[] {0, 1}, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one label per value");
        assertThatThrownBy(() -> column.rankSums(new int[] {0, 0, 0}, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Integer slider answers with about half of them heaped at 0, 50 and 100. */
    static double[] heapedSlider(Random random, int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextBoolean() ? 50 * random.nextInt(3) : random.nextInt(101);
        }
        return values;
    }
}
