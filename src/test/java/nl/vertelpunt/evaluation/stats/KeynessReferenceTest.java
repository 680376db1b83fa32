package nl.vertelpunt.evaluation.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/**
 * Keyness against SciPy: {@code src/test/resources/keywords/reference.json}, written by {@code
 * src/test/python/reference_keyness.py} (G² from {@code power_divergence(..., lambda_="log-likelihood")}, p from its
 * chi-square tail with 1 df, the log ratio with numpy, q from {@code false_discovery_control(p, method="bh")}).
 * Not a {@code @QuarkusTest}: plain Java on counts.
 */
class KeynessReferenceTest {

    /** Relative tolerance for G², p, q and the log ratio; absolute near 0. */
    private static final double RELATIVE = 1e-9;

    private static final double ABSOLUTE = 1e-12;

    private static final JsonNode REFERENCE = load();

    private static JsonNode load() {
        try (InputStream in = KeynessReferenceTest.class.getResourceAsStream("/keywords/reference.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Keyness.Result of(JsonNode c) {
        return Keyness.of(
                c.get("a").asLong(),
                c.get("nF").asLong(),
                c.get("b").asLong(),
                c.get("nR").asLong());
    }

    private static void close(double actual, double expected, String what) {
        double tolerance = Math.max(ABSOLUTE, Math.abs(expected) * RELATIVE);
        assertThat(actual).as(what).isCloseTo(expected, within(tolerance));
    }

    @Test
    void shouldGiveScipysG2PAndLogRatio() {
        JsonNode all = REFERENCE.get("cases");
        assertThat(all.size()).isGreaterThanOrEqualTo(10);
        for (JsonNode c : all) {
            Keyness.Result r = of(c);
            String name = c.get("a") + "/" + c.get("nF") + " vs " + c.get("b") + "/" + c.get("nR");
            close(r.g2(), c.get("g2").asDouble(), name + " G2");
            close(r.p(), c.get("p").asDouble(), name + " p");
            close(r.logRatio(), c.get("logRatio").asDouble(), name + " log ratio");
        }
    }

    @Test
    void shouldGiveScipysBenjaminiHochbergOverAFamilyOfWords() {
        JsonNode family = REFERENCE.get("family");
        double[] p = new double[family.size()];
        for (int i = 0; i < p.length; i++) {
            Keyness.Result r = of(family.get(i));
            close(r.g2(), family.get(i).get("g2").asDouble(), "G2 " + i);
            p[i] = r.p();
        }
        double[] q = PValueAdjustment.benjaminiHochberg(p);
        for (int i = 0; i < q.length; i++) {
            close(q[i], family.get(i).get("q").asDouble(), "q " + i);
        }
    }

    @Test
    void shouldBeSymmetricInTheGroups() {
        Keyness.Result r = Keyness.of(12, 40, 30, 400);
        Keyness.Result swapped = Keyness.of(30, 400, 12, 40);
        assertThat(swapped.g2()).isCloseTo(r.g2(), within(1e-12));
        assertThat(swapped.logRatio()).isCloseTo(-r.logRatio(), within(1e-12));
        assertThat(Keyness.of(10, 100, 10, 100).g2()).isZero();
    }

    @Test
    void shouldRefuseImpossibleTables() {
        assertThatThrownBy(() -> Keyness.of(11, 10, 0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Keyness.of(0, 0, 0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Keyness.of(-1, 10, 0, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
