package nl.vertelpunt.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends stories at a fixed rate to a service on loopback, each with a new submission id, and records every
 * submission the service acknowledged (201, or 200 for one it already had) and every status it answered.
 */
public final class LoadGenerator implements AutoCloseable {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(8);
    private final Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger unreachable = new AtomicInteger();
    private volatile String baseUrl;

    public LoadGenerator(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Starts sending {@code perSecond} stories a second to {@code /api/storypoints/{slug}/stories}. */
    public void start(String slug, int perSecond) {
        scheduler.scheduleAtFixedRate(() -> send(slug), 0, 1_000_000L / perSecond, TimeUnit.MICROSECONDS);
    }

    private void send(String slug) {
        UUID id = UUID.randomUUID();
        String body = "{\"submissionId\":\"" + id + "\",\"role\":\"ouder\",\"text\":\"Een verhaal onder belasting, dat hoe dan ook "
                + "bewaard moet blijven als het is bevestigd.\",\"answers\":{\"gehoord\":" + (id.hashCode() & 63) + "}}";
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/storypoints/" + slug + "/stories"))
                    .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            statuses.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
            if (r.statusCode() == 201 || r.statusCode() == 200) {
                acknowledged.add(id);
            }
        } catch (Exception e) {
            unreachable.incrementAndGet();
        }
    }

    public Set<UUID> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    public Map<Integer, Integer> statuses() {
        Map<Integer, Integer> copy = new java.util.TreeMap<>();
        statuses.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    public int unreachable() {
        return unreachable.get();
    }

    @Override
    public void close() throws InterruptedException {
        scheduler.shutdown();
        scheduler.awaitTermination(30, TimeUnit.SECONDS);
    }
}
