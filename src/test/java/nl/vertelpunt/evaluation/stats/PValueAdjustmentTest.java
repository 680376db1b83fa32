package nl.vertelpunt.evaluation.stats;

import static nl.vertelpunt.evaluation.stats.Golden.assertProbabilities;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PValueAdjustmentTest {

    static Stream<Arguments> cases() {
        return Reference.cases("adjustment");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldMatchScipyBenjaminiHochberg(String name, JsonNode reference) {
        double[] p = Reference.numbers(reference.get("input").get("pValues"));

        assertProbabilities(
                name + " BH q",
                Reference.numbers(reference.get("expected").get("benjaminiHochberg")),
                PValueAdjustment.benjaminiHochberg(p));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldMatchHolmOfTheReferenceScript(String name, JsonNode reference) {
        double[] p = Reference.numbers(reference.get("input").get("pValues"));

        assertProbabilities(
                name + " Holm", Reference.numbers(reference.get("expected").get("holm")), PValueAdjustment.holm(p));
    }

    @Test
    void shouldMatchTheHandCalculatedHolmExample() {
        // sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1: 0.02, 0.03, 0.06, 0.04; running maximum: 0.06 last
        double[] holm = PValueAdjustment.holm(new double[] {0.01, 0.04, 0.03, 0.005});
        assertProbabilities("Holm by hand", new double[] {0.03, 0.06, 0.06, 0.02}, holm);
    }

    @Test
    void shouldGiveAdjustedValuesAtLeastPAtMostOneAndMonotoneInP() {
        Random random = new Random(17);
        for (int round = 0; round < 200; round++) {
            double[] p = randomFamily(random);
            double[] q = PValueAdjustment.benjaminiHochberg(p);
            double[] holm = PValueAdjustment.holm(p);
            for (int i = 0; i < p.length; i++) {
                if (Double.isNaN(p[i])) {
                    assertThat(q[i]).isNaN();
                    assertThat(holm[i]).isNaN();
                    continue;
                }
                assertThat(q[i]).isBetween(p[i], 1.0);
                assertThat(holm[i]).isBetween(p[i], 1.0);
                assertThat(holm[i])
                        .as("Holm controls the FWER, so it is never below BH")
                        .isGreaterThanOrEqualTo(q[i]);
                for (int j = 0; j < p.length; j++) {
                    if (!Double.isNaN(p[j]) && p[i] <= p[j]) {
                        assertThat(q[i]).isLessThanOrEqualTo(q[j]);
                        assertThat(holm[i]).isLessThanOrEqualTo(holm[j]);
                    }
                }
            }
        }
    }

    @Test
    void shouldGiveTiedPValuesTheSameAdjustedValue() {
        double[] p = {0.04, 0.01, 0.04, 0.03, 0.04};
        double[] q = PValueAdjustment.benjaminiHochberg(p);
        double[] holm = PValueAdjustment.holm(p);

        assertThat(q[0]).isEqualTo(q[2]).isEqualTo(q[4]);
        assertThat(holm[0]).isEqualTo(holm[2]).isEqualTo(holm[4]);
    }

    @Test
    void shouldLeaveNaNOutOfTheFamily() {
        double[] withNaN = PValueAdjustment.benjaminiHochberg(new double[] {0.01, Double.NaN, 0.04, Double.NaN});
        double[] without = PValueAdjustment.benjaminiHochberg(new double[] {0.01, 0.04});
        assertThat(withNaN).containsExactly(without[0], Double.NaN, without[1], Double.NaN);

        double[] holmWithNaN = PValueAdjustment.holm(new double[] {Double.NaN, 0.01, 0.04});
        assertThat(holmWithNaN).containsExactly(Double.NaN, 0.02, 0.04);
    }

    @Test
    void shouldAdjustEmptyAndAllNaNFamilies() {
        assertThat(PValueAdjustment.benjaminiHochberg(new double[0])).isEmpty();
        assertThat(PValueAdjustment.holm(new double[] {Double.NaN})).containsExactly(Double.NaN);
    }

    @Test
    void shouldRejectValuesThatAreNoProbabilities() {
        assertThatThrownBy(() -> PValueAdjustment.benjaminiHochberg(new double[] {0.5, 1.5}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pValues[1]");
        assertThatThrownBy(() -> PValueAdjustment.holm(new double[] {-0.1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PValueAdjustment.holm(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldNotChangeTheInput() {
        double[] p = {0.04, 0.01, Double.NaN};
        PValueAdjustment.benjaminiHochberg(p);
        PValueAdjustment.holm(p);
        assertThat(p).containsExactly(0.04, 0.01, Double.NaN);
    }

    private static double[] randomFamily(Random random) {
        double[] p = new double[random.nextInt(1, 40)];
        for (int i = 0; i < p.length; i++) {
            double draw = random.nextDouble();
            p[i] = draw < 0.1
                    ? Double.NaN
                    : draw < 0.2
                            ? Math.pow(10, -random.nextInt(1, 15))
                            : draw < 0.3
                                    ? 0.05 // exact ties
                                    : random.nextDouble();
        }
        return p;
    }
}
