package nl.vertelpunt.user.session;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts attempts per key (a user name, a client address) in memory only, and says when a key has had
 * too many within a window. Nothing is written to disk or logs. A key is forgotten when its window ends:
 * every call sweeps out the ended windows, at most once per {@link #SWEEP_INTERVAL}, so an address stays
 * in memory for at most its window plus that interval, however few requests follow it.
 */
public final class Throttle {

    /** How often (at most) a call sweeps ended windows out of memory. */
    public static final Duration SWEEP_INTERVAL = Duration.ofSeconds(5);

    private record Window(long start, int count) {}

    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep;

    public Throttle(int limit, Duration window) {
        this(limit, window, Clock.systemUTC());
    }

    /** A throttle on a clock of its own (tests move it forward). */
    public Throttle(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
        this.lastSweep = new AtomicLong(clock.millis());
    }

    /** Seconds until the key may try again, or 0 when it may try now. */
    public long blockedFor(String key) {
        long now = clock.millis();
        sweepIfDue(now);
        Window w = windows.get(key);
        if (w == null || ended(w, now)) {
            return 0;
        }
        return w.count() >= limit ? Math.max(1, (w.start() + windowMillis - now + 999) / 1000) : 0;
    }

    /** Counts one attempt for the key. */
    public void count(String key) {
        long now = clock.millis();
        windows.compute(
                key, (k, w) -> w == null || ended(w, now) ? new Window(now, 1) : new Window(w.start(), w.count() + 1));
        sweepIfDue(now);
    }

    public void reset(String key) {
        windows.remove(key);
    }

    /** Whether the key is held in memory now (its window has not been swept out). */
    public boolean remembers(String key) {
        return windows.containsKey(key);
    }

    /** How many keys are held in memory now. */
    public int size() {
        return windows.size();
    }

    /** Removes every key whose window has ended. */
    public void sweep() {
        long now = clock.millis();
        lastSweep.set(now);
        removeEnded(now);
    }

    private void sweepIfDue(long now) {
        long last = lastSweep.get();
        // one caller wins the sweep; the others go on at once
        if (now - last >= SWEEP_INTERVAL.toMillis() && lastSweep.compareAndSet(last, now)) {
            removeEnded(now);
        }
    }

    private void removeEnded(long now) {
        windows.entrySet().removeIf(e -> ended(e.getValue(), now));
    }

    private boolean ended(Window w, long now) {
        return now - w.start() >= windowMillis;
    }
}
