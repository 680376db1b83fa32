package nl.vertelpunt.user.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import nl.vertelpunt.testing.TestClock;
import org.junit.jupiter.api.Test;

/** The in-memory throttle limits attempts and forgets a key soon after its window ends (plain JUnit, a clock of its own). */
class ThrottleTest {

    private final TestClock clock = new TestClock();
    private final Throttle throttle = new Throttle(3, Duration.ofMinutes(1), clock);

    @Test
    void shouldBlockAfterTheLimitUntilTheWindowEnds() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.blockedFor("198.51.100.1")).isZero();
            throttle.count("198.51.100.1");
        }
        assertThat(throttle.blockedFor("198.51.100.1")).isEqualTo(60);
        assertThat(throttle.blockedFor("198.51.100.2")).as("another key").isZero();
        clock.advance(Duration.ofSeconds(45));
        assertThat(throttle.blockedFor("198.51.100.1")).isEqualTo(15);
        clock.advance(Duration.ofSeconds(15));
        assertThat(throttle.blockedFor("198.51.100.1")).isZero();
    }

    @Test
    void shouldForgetAnAddressSoonAfterItsWindowWhenOtherRequestsCome() {
        throttle.count("198.51.100.1");
        clock.advance(Duration.ofSeconds(59));
        throttle.count("198.51.100.2");
        assertThat(throttle.remembers("198.51.100.1")).as("within its window").isTrue();

        clock.advance(Duration.ofSeconds(1).plus(Throttle.SWEEP_INTERVAL));
        throttle.blockedFor("198.51.100.3");
        assertThat(throttle.remembers("198.51.100.1"))
                .as("gone from memory after its window")
                .isFalse();
        assertThat(throttle.remembers("198.51.100.2"))
                .as("its window has not ended")
                .isTrue();
        assertThat(throttle.size()).isEqualTo(1);
    }

    @Test
    void shouldSweepAtMostOncePerIntervalOnCalls() {
        throttle.count("198.51.100.1");
        clock.advance(Throttle.SWEEP_INTERVAL);
        throttle.count("198.51.100.9"); // sweeps: nothing has ended yet
        clock.advance(Duration.ofMinutes(1));
        throttle.count("198.51.100.9"); // a sweep is due again: 198.51.100.1 ended a while ago
        assertThat(throttle.remembers("198.51.100.1")).isFalse();

        throttle.count("198.51.100.4");
        clock.advance(Duration.ofSeconds(58));
        throttle.count("198.51.100.5"); // sweeps: 198.51.100.4 has two seconds left
        clock.advance(Duration.ofSeconds(2));
        throttle.count("198.51.100.5"); // 198.51.100.4 has ended, but the last sweep was two seconds ago
        assertThat(throttle.remembers("198.51.100.4"))
                .as("swept at the next due call, not on every call")
                .isTrue();
        clock.advance(Throttle.SWEEP_INTERVAL);
        throttle.blockedFor("198.51.100.5");
        assertThat(throttle.remembers("198.51.100.4")).isFalse();
    }

    @Test
    void shouldForgetAnAddressWhenNoOtherRequestComesThroughTheScheduledSweep() {
        throttle.count("198.51.100.1");
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.remembers("198.51.100.1")).isTrue();
        throttle.sweep(); // what Throttles does every half minute
        assertThat(throttle.remembers("198.51.100.1")).isFalse();
        assertThat(throttle.size()).isZero();
    }
}
