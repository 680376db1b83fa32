package nl.vertelpunt.evaluation.stats;

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

class SliderDescriptivesTest {

    static Stream<Arguments> cases() {
        return Reference.cases("descriptives");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldMatchScipyDescriptives(String name, JsonNode reference) {
        SliderSummary summary =
                SliderDescriptives.of(Reference.numbers(reference.get("input").get("values")));

        JsonNode expected = reference.get("expected");
        assertThat(summary.n()).as(name + " n").isEqualTo(expected.get("n").intValue());
        assertStatistic(name + " mean", Reference.number(expected.get("mean")), summary.mean());
        assertStatistic(name + " median", Reference.number(expected.get("median")), summary.median());
        assertStatistic(name + " mode", Reference.number(expected.get("mode")), summary.mode());
        assertStatistic(name + " sd", Reference.number(expected.get("standardDeviation")), summary.standardDeviation());
        assertStatistic(name + " skewness", Reference.number(expected.get("skewness")), summary.skewness());
        assertStatistic(name + " kurtosis", Reference.number(expected.get("kurtosis")), summary.kurtosis());
        assertStatistic(name + " min", Reference.number(expected.get("min")), summary.min());
        assertStatistic(name + " max", Reference.number(expected.get("max")), summary.max());
        assertThat(summary.histogram())
                .as(name + " histogram")
                .containsExactly(Reference.ints(expected.get("histogram")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldCountEveryValueInExactlyOneHistogramBin(String name, JsonNode reference) {
        SliderSummary summary =
                SliderDescriptives.of(Reference.numbers(reference.get("input").get("values")));

        assertThat(Arrays.stream(summary.histogram()).sum()).as(name).isEqualTo(summary.n());
    }

    @Test
    void shouldPutEdgesInTheBinTheyStartAndOneHundredInTheLastBin() {
        assertThat(SliderDescriptives.bin(0)).isZero();
        assertThat(SliderDescriptives.bin(Math.nextDown(10.0))).isZero();
        assertThat(SliderDescriptives.bin(10)).isEqualTo(1);
        assertThat(SliderDescriptives.bin(Math.nextDown(30.0))).isEqualTo(2);
        assertThat(SliderDescriptives.bin(30)).isEqualTo(3);
        assertThat(SliderDescriptives.bin(Math.nextDown(90.0))).isEqualTo(8);
        assertThat(SliderDescriptives.bin(90)).isEqualTo(9);
        assertThat(SliderDescriptives.bin(100)).isEqualTo(9);
        for (int value = 0; value < 100; value++) {
            assertThat(SliderDescriptives.bin(value)).as("bin of %d", value).isEqualTo(value / 10);
        }
    }

    @Test
    void shouldSumHistogramToNForManyRandomSliders() {
        Random random = new Random(5);
        for (int round = 0; round < 50; round++) {
            double[] values = random.doubles(random.nextInt(0, 500), 0, 100.000001)
                    .map(v -> Math.min(v, 100))
                    .toArray();
            assertThat(Arrays.stream(SliderDescriptives.of(values).histogram()).sum())
                    .isEqualTo(values.length);
        }
    }

    @Test
    void shouldReturnNaNSkewnessAndKurtosisBelowTheirMinimumSizeWhereScipyReturnsBiasedEstimates() {
        JsonNode three = Reference.named("descriptives", "n=3, kurtosis undefined");
        JsonNode two = Reference.named("descriptives", "n=2, skewness and kurtosis undefined");
        assertThat(Reference.number(three.get("scipy").get("kurtosis")))
                .as("SciPy's biased kurtosis")
                .isFinite();
        assertThat(Reference.number(two.get("scipy").get("skewness")))
                .as("SciPy's biased skewness")
                .isFinite();

        SliderSummary n3 =
                SliderDescriptives.of(Reference.numbers(three.get("input").get("values")));
        SliderSummary n2 =
                SliderDescriptives.of(Reference.numbers(two.get("input").get("values")));
        SliderSummary n4 = SliderDescriptives.of(new double[] {10, 20, 20, 90});
        assertThat(n3.skewness()).isFinite();
        assertThat(n3.kurtosis()).isNaN();
        assertThat(n2.skewness()).isNaN();
        assertThat(n2.kurtosis()).isNaN();
        assertThat(n4.kurtosis()).isFinite();
    }

    @Test
    void shouldReturnZeroStandardDeviationAndNaNShapeForIdenticalValues() {
        SliderSummary summary = SliderDescriptives.of(new double[] {50, 50, 50, 50, 50});

        assertThat(summary.standardDeviation()).isZero();
        assertThat(summary.skewness()).isNaN();
        assertThat(summary.kurtosis()).isNaN();
        assertThat(summary.mean()).isEqualTo(50);
        assertThat(summary.mode()).isEqualTo(50);
    }

    @Test
    void shouldDescribeASingleValueWithoutSpread() {
        SliderSummary summary = SliderDescriptives.of(new double[] {55});

        assertThat(summary.n()).isEqualTo(1);
        assertThat(summary.mean()).isEqualTo(55);
        assertThat(summary.median()).isEqualTo(55);
        assertThat(summary.standardDeviation()).isNaN();
        assertThat(summary.skewness()).isNaN();
    }

    @Test
    void shouldDescribeAnEmptySliderWithNaNAndAnEmptyHistogram() {
        SliderSummary summary = SliderDescriptives.of(new double[0]);

        assertThat(summary.n()).isZero();
        assertThat(new double[] {
                    summary.mean(),
                    summary.median(),
                    summary.mode(),
                    summary.standardDeviation(),
                    summary.skewness(),
                    summary.kurtosis(),
                    summary.min(),
                    summary.max()
                })
                .containsOnly(Double.NaN);
        assertThat(summary.histogram()).hasSize(10).containsOnly(0);
    }

    @Test
    void shouldTakeTheSmallestOfEquallyFrequentValuesAsMode() {
        assertThat(SliderDescriptives.of(new double[] {100, 0, 100, 50, 0}).mode())
                .isZero();
    }

    @Test
    void shouldRejectValuesOutsideTheSliderRange() {
        assertThatThrownBy(() -> SliderDescriptives.of(new double[] {50, -1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("values[1]");
        assertThatThrownBy(() -> SliderDescriptives.of(new double[] {100.5}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SliderDescriptives.of(new double[] {Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SliderDescriptives.of(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldNotShareTheHistogramArray() {
        SliderSummary summary = SliderDescriptives.of(new double[] {5});
        summary.histogram()[0] = 99;
        assertThat(summary.histogram()[0]).isEqualTo(1);
    }
}
