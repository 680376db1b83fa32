package nl.vertelpunt.web;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;

/**
 * The service's own metrics, in Prometheus format at {@code /q/metrics}: stories received per story
 * point and channel, refusals by status, evaluation durations. Tags hold story point slugs, channels and
 * statuses only; never anything about a storyteller. Stories received are counted in steps of the default
 * suppression threshold (5): the counter shows 0 until the fifth story of a story point and channel, then 5 until
 * the tenth, and so on, so that it never tells that one or a few stories came in, nor when a single one did.
 */
public final class ServiceMetrics {

    private static final long STEP = StoryPointDefinition.DEFAULT_SUPPRESSION;
    private static final Map<List<String>, AtomicLong> RECEIVED = new ConcurrentHashMap<>();

    private ServiceMetrics() {}

    public static void storyReceived(String storyPoint, String channel, int count) {
        RECEIVED.computeIfAbsent(List.of(storyPoint, channel), key -> {
                    AtomicLong received = new AtomicLong();
                    FunctionCounter.builder("vertelpunt.stories.received", received, ServiceMetrics::inSteps)
                            .description("stories received, in steps of " + STEP)
                            .tags("storypoint", storyPoint, "channel", channel)
                            .register(Metrics.globalRegistry);
                    return received;
                })
                .addAndGet(count);
    }

    /** How many stories a counter shows: its count rounded down to a multiple of the default threshold. */
    static double inSteps(AtomicLong received) {
        return received.get() / STEP * STEP;
    }

    public static void refused(int status, String reason) {
        Metrics.counter("vertelpunt.requests.refused", "status", Integer.toString(status), "reason", reason)
                .increment();
    }

    public static void evaluation(Duration duration, String outcome) {
        Timer.builder("vertelpunt.evaluation.duration")
                .tag("outcome", outcome)
                .publishPercentileHistogram(false)
                .register(Metrics.globalRegistry)
                .record(duration);
    }
}
