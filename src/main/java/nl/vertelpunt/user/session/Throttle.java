package nl.vertelpunt.user.session;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts attempts per key (a user name, a client address) in memory only, and says when a key has had
 * too many within a window. Nothing is written to disk or logs; entries are forgotten when their window
 * ends.
 */
public final class Throttle {

    private record Window(long start, int count) {
    }

    private final int limit;
    private final long windowMillis;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public Throttle(int limit, Duration window) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
    }

    /** Seconds until the key may try again, or 0 when it may try now. */
    public long blockedFor(String key) {
        long now = System.currentTimeMillis();
        Window w = windows.get(key);
        if (w == null || now - w.start() >= windowMillis) {
            return 0;
        }
        return w.count() >= limit ? Math.max(1, (w.start() + windowMillis - now + 999) / 1000) : 0;
    }

    /** Counts one attempt for the key. */
    public void count(String key) {
        long now = System.currentTimeMillis();
        windows.compute(key, (k, w) -> w == null || now - w.start() >= windowMillis ? new Window(now, 1) : new Window(w.start(), w.count() + 1));
        if (windows.size() > 10_000) {
            windows.entrySet().removeIf(e -> now - e.getValue().start() >= windowMillis);
        }
    }

    public void reset(String key) {
        windows.remove(key);
    }
}
