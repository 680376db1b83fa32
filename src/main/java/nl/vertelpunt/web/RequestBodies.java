package nl.vertelpunt.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads every request body completely on the event loop, before any blocking work, so that a client sending its
 * body slowly (or not at all) never holds a worker thread: the REST layer gets the body from memory. While a body
 * comes in:
 *
 * <ul>
 *   <li>it must keep up a minimum average rate after a grace period ({@code vertelpunt.http.body-grace},
 *       {@code vertelpunt.http.body-min-rate}); a body that falls behind gets 408 and its connection is closed;
 *   <li>one client address may send at most {@code vertelpunt.http.bodies-per-address} bodies at once (429);
 *   <li>a body may be at most 1 MB, imports at most {@code quarkus.http.limits.max-body-size} (413), and all bodies
 *       being read together at most {@code vertelpunt.http.body-memory} (503).
 * </ul>
 *
 * Every refusal is {@code application/problem+json}. The client address only keys an in-memory count of bodies in
 * progress, removed when it drops to zero; it is never stored or logged.
 */
@ApplicationScoped
public class RequestBodies {

    private static final Logger LOG = Logger.getLogger(RequestBodies.class);

    /** Largest body of any request but an import. */
    static final long MAX_BODY = 1024 * 1024;

    /** Imports of stories (CSV, or a mapped file as multipart): up to {@code quarkus.http.limits.max-body-size}. */
    private static final Pattern IMPORTS = Pattern.compile("/api/storypoints/[^/]+/(imports|stories/import)");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ClientAddress clients;
    private final long graceMillis;
    private final long minBytesPerSecond;
    private final int perAddress;
    private final long importLimit;
    private final long memoryBudget;
    private final Map<String, Integer> inProgress = new ConcurrentHashMap<>();
    private final AtomicLong buffered = new AtomicLong();

    RequestBodies(
            ClientAddress clients,
            @ConfigProperty(name = "vertelpunt.http.body-grace", defaultValue = "10s") Duration grace,
            @ConfigProperty(name = "vertelpunt.http.body-min-rate", defaultValue = "8192") long minBytesPerSecond,
            @ConfigProperty(name = "vertelpunt.http.bodies-per-address", defaultValue = "8") int perAddress,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize importLimit,
            @ConfigProperty(name = "vertelpunt.http.body-memory", defaultValue = "512M") MemorySize memoryBudget) {
        this.clients = clients;
        this.graceMillis = grace.toMillis();
        this.minBytesPerSecond = minBytesPerSecond;
        this.perAddress = perAddress;
        this.importLimit = importLimit.asLongValue();
        this.memoryBudget = memoryBudget.asLongValue();
    }

    void routes(@Observes Router router, Vertx vertx) {
        router.route().order(Integer.MIN_VALUE + 100).handler(ctx -> read(ctx, vertx));
    }

    /** How many bodies are being read now, over all clients (for tests and metrics). */
    int inProgress() {
        return inProgress.values().stream().mapToInt(Integer::intValue).sum();
    }

    private void read(RoutingContext ctx, Vertx vertx) {
        HttpServerRequest request = ctx.request();
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean chunked = request.headers().contains(HttpHeaders.TRANSFER_ENCODING, HttpHeaders.CHUNKED, true);
        if (request.isEnded() || (!chunked && (length == null || "0".equals(length)))) {
            ctx.next();
            return;
        }
        long limit = IMPORTS.matcher(request.path()).matches() ? importLimit : MAX_BODY;
        long declared = declaredLength(length);
        if (declared > limit) {
            refuse(ctx, 413, "Payload too large", "The request body may be at most " + (limit / 1024) + " KB.", null);
            return;
        }
        String address = clients.of(request);
        if (inProgress.merge(address, 1, Integer::sum) > perAddress) {
            release(address, 0);
            refuse(ctx, 429, "Too many requests", "Too many requests at once from one place; try again soon.", 5L);
            return;
        }
        long reserved = Math.max(declared, 0);
        if (buffered.addAndGet(reserved) > memoryBudget) {
            release(address, reserved);
            refuse(ctx, 503, "Service unavailable", "The service is busy; please try again in a moment.", 5L);
            return;
        }
        new Body(ctx, vertx, address, limit, reserved).start();
    }

    /** One body being read: its bytes, the rate check and the clean-up, all on the request's event loop. */
    private final class Body {
        private final RoutingContext ctx;
        private final Vertx vertx;
        private final String address;
        private final long limit;
        private final long started = System.nanoTime();
        private Buffer bytes;
        private long reserved;
        private long timer = -1;
        private boolean finished;

        Body(RoutingContext ctx, Vertx vertx, String address, long limit, long reserved) {
            this.ctx = ctx;
            this.vertx = vertx;
            this.address = address;
            this.limit = limit;
            this.reserved = reserved;
            this.bytes = Buffer.buffer((int) Math.min(Math.max(reserved, 256), 64 * 1024));
        }

        void start() {
            HttpServerRequest request = ctx.request();
            request.handler(chunk -> {
                if (finished) {
                    return;
                }
                if (bytes.length() + (long) chunk.length() > limit) {
                    fail(413, "Payload too large", "The request body may be at most " + (limit / 1024) + " KB.");
                    return;
                }
                long growth = bytes.length() + (long) chunk.length() - reserved;
                if (growth > 0) {
                    reserved += growth;
                    if (buffered.addAndGet(growth) > memoryBudget) {
                        fail(503, "Service unavailable", "The service is busy; please try again in a moment.");
                        return;
                    }
                }
                bytes.appendBuffer(chunk);
            });
            request.endHandler(v -> {
                if (finish()) {
                    ctx.setBody(bytes);
                    ctx.next();
                }
            });
            request.exceptionHandler(e -> finish());
            ctx.addEndHandler(v -> finish());
            timer = vertx.setTimer(graceMillis, id -> checkRate());
            request.resume();
        }

        /** After the grace period, the body must have come in at the minimum rate on average since then. */
        private void checkRate() {
            timer = -1;
            if (finished) {
                return;
            }
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
            long due = (elapsedMillis - graceMillis) * minBytesPerSecond / 1000;
            if (bytes.length() < due) {
                LOG.debugf(
                        "A request body came in too slowly (%d bytes in %d ms); its connection is closed",
                        bytes.length(), elapsedMillis);
                fail(
                        408,
                        "Request timeout",
                        "The request body came in too slowly. Nothing was stored; please try again.");
                return;
            }
            timer = vertx.setTimer(1000, id -> checkRate());
        }

        private void fail(int status, String title, String detail) {
            if (finish()) {
                refuse(ctx, status, title, detail, status == 503 ? 5L : null);
            }
        }

        /** Ends the reading once; true the first time. */
        private boolean finish() {
            if (finished) {
                return false;
            }
            finished = true;
            if (timer >= 0) {
                vertx.cancelTimer(timer);
            }
            release(address, reserved);
            return true;
        }
    }

    private void release(String address, long reserved) {
        inProgress.computeIfPresent(address, (k, n) -> n <= 1 ? null : n - 1);
        buffered.addAndGet(-reserved);
    }

    private static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // refused as too large; Vert.x refuses a malformed length itself
        }
    }

    /** Answers with a problem and closes the connection: the rest of the body is not read. */
    static void refuse(RoutingContext ctx, int status, String title, String detail, Long retryAfterSeconds) {
        refuse(ctx, status, title, detail, retryAfterSeconds, List.of());
    }

    /** The same, naming the fields at fault. */
    static void refuse(
            RoutingContext ctx,
            int status,
            String title,
            String detail,
            Long retryAfterSeconds,
            List<FieldError> errors) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.headWritten()) {
            ctx.request().connection().close();
            return;
        }
        ServiceMetrics.refused(status, title.toLowerCase(Locale.ROOT));
        String body;
        try {
            body = JSON.writeValueAsString(Problem.of(status, title, detail, errors));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close");
        if (retryAfterSeconds != null) {
            response.putHeader("Retry-After", Long.toString(retryAfterSeconds));
        }
        // the rest of the body is not read: the connection closes once the answer is out
        (ctx.request().method() == HttpMethod.HEAD ? response.end() : response.end(body))
                .onComplete(done -> ctx.request().connection().close());
    }
}
