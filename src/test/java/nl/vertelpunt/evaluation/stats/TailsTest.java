package nl.vertelpunt.evaluation.stats;

import static nl.vertelpunt.evaluation.stats.Golden.assertProbability;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

class TailsTest {

    private static JsonNode tails(String kind) {
        return Reference.root().get("tails").get(kind);
    }

    @Test
    void shouldMatchScipyChiSquareUpperTailDownToTinyPValues() {
        for (JsonNode c : tails("chiSquare")) {
            double x = c.get("x").doubleValue();
            int df = c.get("df").intValue();
            assertProbability(
                    "chi2.sf(" + x + ", " + df + ")", Reference.number(c.get("p")), Tails.chiSquareUpper(x, df));
        }
    }

    @Test
    void shouldMatchScipyTwoSidedNormalTail() {
        for (JsonNode c : tails("normal")) {
            double z = c.get("z").doubleValue();
            assertProbability("2 norm.sf(|" + z + "|)", Reference.number(c.get("p")), Tails.normalTwoSided(z));
        }
    }

    @Test
    void shouldMatchScipyTwoSidedStudentTailOfACorrelation() {
        for (JsonNode c : tails("correlation")) {
            double r = c.get("r").doubleValue();
            int df = c.get("df").intValue();
            assertProbability(
                    "2 t.sf(|t(r=" + r + ")|, " + df + ")",
                    Reference.number(c.get("p")),
                    Tails.correlationTwoSided(r, df));
        }
    }

    @Test
    void shouldKeepPrecisionWhereOneMinusTheCdfCancels() {
        JsonNode tiny = null;
        for (JsonNode c : tails("chiSquare")) {
            if (c.get("x").doubleValue() == 90.0 && c.get("df").intValue() == 3) {
                tiny = c;
            }
        }
        assertThat(tiny).as("reference case chi2.sf(90, 3)").isNotNull();
        double scipy = Reference.number(tiny.get("p"));

        assertThat(scipy).isLessThan(1e-18);
        assertThat(1 - new ChiSquaredDistribution(null, 3).cumulativeProbability(90.0))
                .isZero();
        assertProbability("chi2.sf(90, 3)", scipy, Tails.chiSquareUpper(90.0, 3));
    }

    @Test
    void shouldGiveEdgeValuesOfTheTails() {
        assertThat(Tails.chiSquareUpper(0, 3)).isEqualTo(1.0);
        assertThat(Tails.chiSquareUpper(Double.NaN, 3)).isNaN();
        assertThat(Tails.chiSquareUpper(5, 0)).isNaN();
        assertThat(Tails.normalTwoSided(0)).isEqualTo(1.0);
        assertThat(Tails.normalTwoSided(Double.NaN)).isNaN();
        assertThat(Tails.normalTwoSided(Double.NEGATIVE_INFINITY)).isZero();
        assertThat(Tails.correlationTwoSided(1, 10)).isZero();
        assertThat(Tails.correlationTwoSided(-1, 10)).isZero();
        assertThat(Tails.correlationTwoSided(0, 10)).isEqualTo(1.0);
        assertThat(Tails.correlationTwoSided(Double.NaN, 10)).isNaN();
        assertThat(Tails.correlationTwoSided(0.5, 0)).isNaN();
    }
}
