package nl.vertelpunt.monitor;

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
 * The monitoring intervals against SciPy: {@code src/test/resources/monitoring/reference.json}, written by
 * {@code src/test/python/reference_monitoring.py} (Wilson from {@code binomtest(...).proportion_ci(method='wilson')},
 * the median's order-statistic interval from {@code scipy.stats.binom}). Not a {@code @QuarkusTest}: the intervals are
 * plain Java on counts.
 */
class MonitorReferenceTest {

    /** Shares and their bounds: absolute, as they lie in 0..1. */
    private static final double SHARE_TOLERANCE = 1e-12;

    private static final JsonNode REFERENCE = load();

    private static JsonNode load() {
        try (InputStream in = MonitorReferenceTest.class.getResourceAsStream("/monitoring/reference.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void shouldGiveScipysWilsonIntervals() {
        assertThat(REFERENCE.get("wilson").size()).isGreaterThan(10);
        for (JsonNode c : REFERENCE.get("wilson")) {
            Intervals.Estimate e =
                    Intervals.wilson(c.get("hits").asLong(), c.get("n").asLong());
            String name = c.get("hits") + " of " + c.get("n");
            assertThat(e.value()).as(name).isCloseTo(c.get("share").asDouble(), within(SHARE_TOLERANCE));
            assertThat(e.low()).as(name + " low").isCloseTo(c.get("low").asDouble(), within(SHARE_TOLERANCE));
            assertThat(e.high()).as(name + " high").isCloseTo(c.get("high").asDouble(), within(SHARE_TOLERANCE));
            assertThat(e.low()).as(name).isLessThanOrEqualTo(e.value());
            assertThat(e.high()).as(name).isGreaterThanOrEqualTo(e.value());
        }
    }

    @Test
    void shouldGiveScipysMedianAndOrderStatisticInterval() {
        assertThat(REFERENCE.get("median").size()).isGreaterThan(10);
        for (JsonNode c : REFERENCE.get("median")) {
            long[] counts = new long[101];
            c.get("values").forEach(v -> counts[v.asInt()]++);
            Intervals.Estimate e = Intervals.median(counts);
            String name = c.get("name").asText();
            // medians and order statistics are whole numbers or halves: exact
            assertThat(e.value()).as(name).isEqualTo(c.get("median").asDouble());
            assertThat(e.low()).as(name + " low").isEqualTo(c.get("low").asDouble());
            assertThat(e.high()).as(name + " high").isEqualTo(c.get("high").asDouble());
            assertThat(e.coverage())
                    .as(name + " coverage")
                    .isCloseTo(c.get("coverage").asDouble(), within(1e-12));
            long n = c.get("values").size();
            if (n >= 6) {
                assertThat(e.coverage()).as(name).isGreaterThanOrEqualTo(0.95);
                assertThat(Intervals.lowerTailRank(n) + 1)
                        .as(name + " rank")
                        .isEqualTo(c.get("lowRank").asLong());
            }
        }
    }

    @Test
    void shouldRefuseImpossibleCounts() {
        assertThatThrownBy(() -> Intervals.wilson(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Intervals.wilson(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Intervals.median(new long[101])).isInstanceOf(IllegalArgumentException.class);
    }
}
