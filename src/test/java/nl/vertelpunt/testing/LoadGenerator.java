package nl.vertelpunt.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends stories at a fixed overall rate to a service on loopback, each with a new submission id, without waiting
 * for earlier answers: up to {@code maxInFlight} requests are open at once, so a crash lands among requests in
 * every stage (sent, in a transaction, committing, answering). Records every submission the service acknowledged
 * (201, or 200 for one it already had), every status it answered, the requests that timed out (no answer within
 * {@link #TIMEOUT}: a hang), those that found nobody listening or lost their connection, the ticks skipped
 * because {@code maxInFlight} requests were open, and the slowest answer.
 */
public final class LoadGenerator implements AutoCloseable {

    /** A request without an answer after this long counts as a hang. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "load-generator");
        t.setDaemon(true);
        return t;
    });
    private final Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger unreachable = new AtomicInteger();
    private final AtomicInteger timeouts = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicLong slowestNanos = new AtomicLong();
    private final String baseUrl;
    private Semaphore slots;
    private int capacity;

    public LoadGenerator(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Starts sending {@code perSecond} stories a second to {@code /api/storypoints/{slug}/stories}, at most {@code maxInFlight} open at once. */
    public void start(String slug, int perSecond, int maxInFlight) {
        this.capacity = maxInFlight;
        this.slots = new Semaphore(maxInFlight);
        ticker.scheduleAtFixedRate(() -> send(slug), 0, 1_000_000L / perSecond, TimeUnit.MICROSECONDS);
    }

    /** Opens one request and returns at once; the answer is recorded when it comes. */
    private void send(String slug) {
        if (!slots.tryAcquire()) {
            skipped.incrementAndGet();
            return;
        }
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        UUID id = UUID.randomUUID();
        String body = "{\"submissionId\":\"" + id
                + "\",\"role\":\"ouder\",\"text\":\"Een verhaal onder belasting, dat hoe dan ook "
                + "bewaard moet blijven als het is bevestigd.\",\"answers\":{\"gehoord\":" + (id.hashCode() & 63)
                + "}}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/storypoints/" + slug + "/stories"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long started = System.nanoTime();
        try {
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                try {
                    if (response != null) {
                        slowestNanos.accumulateAndGet(System.nanoTime() - started, Math::max);
                        statuses.computeIfAbsent(response.statusCode(), k -> new AtomicInteger())
                                .incrementAndGet();
                        if (response.statusCode() == 201 || response.statusCode() == 200) {
                            acknowledged.add(id);
                        }
                    } else {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause()
                                : failure;
                        if (cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException)) {
                            timeouts.incrementAndGet();
                        } else {
                            unreachable.incrementAndGet();
                        }
                    }
                } finally {
                    inFlight.decrementAndGet();
                    slots.release();
                }
            });
        } catch (RuntimeException e) {
            unreachable.incrementAndGet();
            inFlight.decrementAndGet();
            slots.release();
        }
    }

    public Set<UUID> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    /** How often each status was answered. */
    public Map<Integer, Integer> statuses() {
        Map<Integer, Integer> copy = new TreeMap<>();
        statuses.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    /** Requests that found no service listening, or lost their connection (the service was killed). */
    public int unreachable() {
        return unreachable.get();
    }

    /** Requests without an answer within {@link #TIMEOUT}. */
    public int timeouts() {
        return timeouts.get();
    }

    /** Ticks that sent nothing because {@code maxInFlight} requests were open. */
    public int skipped() {
        return skipped.get();
    }

    /** The most requests open at the same time. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** The longest time to an answer. */
    public Duration slowest() {
        return Duration.ofNanos(slowestNanos.get());
    }

    /** A one-line account of the run, for assertion messages. */
    public String summary() {
        return "statuses " + statuses() + ", acknowledged " + acknowledged.size() + ", unreachable " + unreachable()
                + ", timeouts " + timeouts() + ", skipped " + skipped() + ", at most " + maxInFlight()
                + " in flight, slowest answer " + slowest();
    }

    /** Stops sending and waits until every open request has its answer (or its timeout). */
    @Override
    public void close() throws InterruptedException {
        ticker.shutdown();
        ticker.awaitTermination(30, TimeUnit.SECONDS);
        if (slots != null && !slots.tryAcquire(capacity, TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("requests still open after their timeout: " + inFlight.get());
        }
    }
}
