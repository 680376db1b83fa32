package nl.vertelpunt.user.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import nl.vertelpunt.testing.TestClock;
import org.junit.jupiter.api.Test;

/**
 * The limits on guessing passwords slow an attacker down exponentially without locking the real user out (plain
 * JUnit, a clock of its own). Settings: 5 free failures per name and address, 20 per address, 10 per name; at most
 * 15 minutes of delay; failures forgotten an hour after the last one.
 */
class SignInLimitsTest {

    private static final String ATTACKER = "203.0.113.7";
    private static final String HOME = "198.51.100.20";

    private final TestClock clock = new TestClock();
    private final SignInLimits limits = new SignInLimits(5, 20, 10, Duration.ofMinutes(15), Duration.ofHours(1), clock);

    private void fail(String user, String address) {
        assertThat(limits.begin(user, address).allowed())
                .as(user + " from " + address)
                .isTrue();
    }

    private long waitFor(String user, String address) {
        SignInLimits.Decision d = limits.begin(user, address);
        if (d.allowed()) {
            limits.succeeded(user, address); // only looking: take the attempt back
            return 0;
        }
        return d.retryAfterSeconds();
    }

    @Test
    void shouldLetFiveFailuresGoThenDelayEachNextAttemptTwiceAsLong() {
        for (int i = 0; i < 5; i++) {
            fail("sanne", ATTACKER);
        }
        assertThat(waitFor("sanne", ATTACKER)).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        fail("sanne", ATTACKER);
        assertThat(waitFor("sanne", ATTACKER)).isEqualTo(2);
        clock.advance(Duration.ofSeconds(2));
        fail("sanne", ATTACKER);
        assertThat(waitFor("sanne", ATTACKER)).isEqualTo(4);
        clock.advance(Duration.ofSeconds(4));
        fail("sanne", ATTACKER);
        assertThat(waitFor("sanne", ATTACKER)).isEqualTo(8);
    }

    @Test
    void shouldNeverDelayMoreThanTheMaximum() {
        for (int i = 0; i < 5; i++) {
            fail("sanne", ATTACKER);
        }
        for (int i = 0; i < 30; i++) {
            long wait = waitFor("sanne", ATTACKER);
            assertThat(wait).isLessThanOrEqualTo(15 * 60);
            clock.advance(Duration.ofSeconds(wait));
            fail("sanne", ATTACKER);
        }
        assertThat(waitFor("sanne", ATTACKER)).isEqualTo(15 * 60);
    }

    @Test
    void shouldNotLetAnAttackerLockTheRealUserOut() {
        // ten addresses guess the password of one account, each staying under its own free failures
        for (int i = 0; i < 10; i++) {
            fail("sanne", "203.0.113." + i);
        }
        // under attack: an address that guessed wrong waits the longest delay after the last failure…
        assertThat(waitFor("sanne", "203.0.113.3")).isEqualTo(15 * 60);
        // …but the real user, at home, with no failures, may sign in
        assertThat(limits.begin("sanne", HOME).allowed()).isTrue();
        limits.succeeded("sanne", HOME);
        assertThat(waitFor("sanne", HOME)).isZero();
        // other accounts are not affected
        assertThat(waitFor("lisa", "203.0.113.3")).isZero();
        clock.advance(Duration.ofMinutes(15));
        assertThat(waitFor("sanne", "203.0.113.3")).isZero();
    }

    @Test
    void shouldSlowDownOneAddressTryingManyNames() {
        for (int i = 0; i < 20; i++) {
            fail("user" + i, ATTACKER);
        }
        assertThat(waitFor("someone-else", ATTACKER)).isEqualTo(1);
        assertThat(waitFor("someone-else", HOME)).isZero();
    }

    @Test
    void shouldCountAnAttemptBeforeThePasswordIsChecked() {
        // attempts sent at once: each is counted when it begins, so the sixth waits though none has ended yet
        for (int i = 0; i < 5; i++) {
            assertThat(limits.begin("sanne", ATTACKER).allowed()).isTrue();
        }
        assertThat(limits.begin("sanne", ATTACKER).allowed()).isFalse();
    }

    @Test
    void shouldForgetASuccessfulAttemptAndCompareNamesWithoutCase() {
        for (int i = 0; i < 4; i++) {
            fail("Sanne", HOME);
        }
        assertThat(limits.begin("sanne", HOME).allowed()).isTrue();
        limits.succeeded("SANNE", HOME);
        // the right password wiped this name's failures from this address
        for (int i = 0; i < 5; i++) {
            fail("sanne", HOME);
        }
        assertThat(waitFor("sanne", HOME)).isEqualTo(1);
    }

    @Test
    void shouldForgetEveryAddressAWindowAfterItsLastFailure() {
        fail("sanne", ATTACKER);
        assertThat(limits.size()).isEqualTo(3);
        clock.advance(Duration.ofMinutes(59));
        limits.sweep();
        assertThat(limits.size()).isEqualTo(3);
        clock.advance(Duration.ofMinutes(1));
        limits.sweep();
        assertThat(limits.size()).isZero();
    }

    @Test
    void shouldRememberFailuresLongerThanTheLongestDelay() {
        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofSeconds(waitFor("sanne", ATTACKER)));
            fail("sanne", ATTACKER);
        }
        // having waited out the longest delay, the attacker is not back to five free guesses
        clock.advance(Duration.ofMinutes(15));
        fail("sanne", ATTACKER);
        assertThat(waitFor("sanne", ATTACKER)).isEqualTo(15 * 60);
    }
}
