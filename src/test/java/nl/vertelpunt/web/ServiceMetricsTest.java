package nl.vertelpunt.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The counter of stories received never shows fewer than five: it moves in steps of five. */
class ServiceMetricsTest {

    @ParameterizedTest(name = "{0} stories show as {1}")
    @CsvSource({"0,0", "1,0", "4,0", "5,5", "9,5", "10,10", "1234,1230"})
    void shouldCountStoriesInStepsOfFive(long received, double shown) {
        assertThat(ServiceMetrics.inSteps(new AtomicLong(received))).isEqualTo(shown);
    }
}
