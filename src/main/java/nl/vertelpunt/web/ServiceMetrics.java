package nl.vertelpunt.web;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The service's own metrics, in Prometheus format at {@code /q/metrics}: stories received per story
 * point and channel, refusals by status, evaluation durations. Tags hold story point slugs, channels and
 * statuses only; never anything about a storyteller.
 */
public final class ServiceMetrics {

    private ServiceMetrics() {}

    public static void storyReceived(String storyPoint, String channel, int count) {
        Metrics.counter("vertelpunt.stories.received", "storypoint", storyPoint, "channel", channel)
                .increment(count);
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
