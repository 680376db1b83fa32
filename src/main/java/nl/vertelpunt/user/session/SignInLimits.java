package nl.vertelpunt.user.session;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits guessing of passwords, for every way of signing in (the workspace's cookie sign-in and HTTP Basic), in
 * memory only: nothing is written to disk or logs, and a client address is forgotten {@code window} after its last
 * failure. Three counts of failed attempts, each forgotten {@code window} (longer than {@code maxDelay}, so that
 * waiting out the longest delay does not wipe the slate) after its last failure:
 *
 * <ul>
 *   <li><b>one name from one address</b>: after {@code freeFailures} failures, each next attempt waits
 *       exponentially longer after the last failure (1 s, 2 s, 4 s… up to {@code maxDelay}): guessing one
 *       account from one place slows to a crawl;
 *   <li><b>one address, any name</b>: the same after {@code addressFreeFailures} failures, against trying a few
 *       passwords on many names;
 *   <li><b>one name, any address</b>: after {@code accountFailures} failures the name is under attack; then an
 *       address with failures of its own may try it only {@code maxDelay} after the name's last failure. An
 *       attacker cannot lock the real user out: the right password from the user's own address (which has no
 *       failures) still signs in at once, while every address that guessed wrong waits.
 * </ul>
 *
 * An attempt is counted as a failure before the password is checked and taken back when it was right, so that
 * many attempts sent at once cannot all pass the check before the first failure is counted.
 */
public final class SignInLimits {

    /** Whether an attempt may go ahead, and if not, after how many seconds it may. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
        static final Decision ALLOWED = new Decision(true, 0);
    }

    private record Failures(int count, long lastMillis) {}

    private final int freeFailures;
    private final int addressFreeFailures;
    private final int accountFailures;
    private final long maxDelayMillis;
    private final long windowMillis;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private volatile long lastSweep;

    public SignInLimits(
            int freeFailures,
            int addressFreeFailures,
            int accountFailures,
            Duration maxDelay,
            Duration window,
            Clock clock) {
        if (window.compareTo(maxDelay) <= 0) {
            throw new IllegalArgumentException("the window must be longer than the longest delay");
        }
        this.freeFailures = freeFailures;
        this.addressFreeFailures = addressFreeFailures;
        this.accountFailures = accountFailures;
        this.maxDelayMillis = maxDelay.toMillis();
        this.windowMillis = window.toMillis();
        this.clock = clock;
        this.lastSweep = clock.millis();
    }

    /**
     * Starts an attempt to sign in as {@code username} from {@code address}: when allowed, it is counted as a
     * failure until {@link #succeeded} takes it back.
     */
    public synchronized Decision begin(String username, String address) {
        long now = clock.millis();
        sweepIfDue(now);
        String name = username.toLowerCase(Locale.ROOT);
        Failures pair = current(pairKey(name, address), now);
        Failures fromAddress = current(addressKey(address), now);
        Failures account = current(accountKey(name), now);
        long wait = Math.max(delay(pair, freeFailures, now), delay(fromAddress, addressFreeFailures, now));
        if (account != null && account.count() >= accountFailures && fromAddress != null) {
            // under attack: an address without failures may try this name at once, others wait
            wait = Math.max(wait, account.lastMillis() + maxDelayMillis - now);
        }
        if (wait > 0) {
            return new Decision(false, Math.max(1, (wait + 999) / 1000));
        }
        add(pairKey(name, address), now);
        add(addressKey(address), now);
        add(accountKey(name), now);
        return Decision.ALLOWED;
    }

    /** The attempt begun with {@link #begin} had the right password: its failure is taken back. */
    public synchronized void succeeded(String username, String address) {
        String name = username.toLowerCase(Locale.ROOT);
        failures.remove(pairKey(name, address));
        takeBack(addressKey(address));
        takeBack(accountKey(name));
    }

    /** How many counts are held in memory now (for tests: they are forgotten after the window). */
    public synchronized int size() {
        return failures.size();
    }

    /** Forgets every count whose last failure is a window ago. */
    public synchronized void sweep() {
        long now = clock.millis();
        lastSweep = now;
        failures.values().removeIf(f -> now - f.lastMillis() >= windowMillis);
    }

    private void sweepIfDue(long now) {
        if (now - lastSweep >= Throttle.SWEEP_INTERVAL.toMillis()) {
            sweep();
        }
    }

    private long delay(Failures f, int free, long now) {
        if (f == null || f.count() < free) {
            return 0;
        }
        int doublings = Math.min(f.count() - free, 40);
        long delay = Math.min(maxDelayMillis, 1000L << doublings);
        return f.lastMillis() + delay - now;
    }

    private Failures current(String key, long now) {
        Failures f = failures.get(key);
        return f == null || now - f.lastMillis() >= windowMillis ? null : f;
    }

    private void add(String key, long now) {
        failures.compute(
                key,
                (k, f) -> f == null || now - f.lastMillis() >= windowMillis
                        ? new Failures(1, now)
                        : new Failures(f.count() + 1, now));
    }

    private void takeBack(String key) {
        failures.computeIfPresent(key, (k, f) -> f.count() <= 1 ? null : new Failures(f.count() - 1, f.lastMillis()));
    }

    private static String pairKey(String name, String address) {
        return "p\0" + address + '\0' + name;
    }

    private static String addressKey(String address) {
        return "a\0" + address;
    }

    private static String accountKey(String name) {
        return "u\0" + name;
    }
}
