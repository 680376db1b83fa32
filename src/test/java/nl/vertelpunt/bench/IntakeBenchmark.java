package nl.vertelpunt.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import nl.vertelpunt.sample.SyntheticStories;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;

/**
 * Measures story intake against a running service (not a test; run by {@code bench/intake.sh}):
 * submissions per second and latency percentiles with a number of concurrent clients that each send
 * the next story as soon as the previous one is acknowledged, and the time to import 100,000 stories
 * as CSV. The client runs on the same machine as the service and takes its share of the CPU.
 *
 * <p>Arguments: base URL, admin password, seconds of load, concurrent clients, stories to import.
 */
public final class IntakeBenchmark {

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8089";
        String password = args.length > 1 ? args[1] : "bench-admin-password";
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        int importStories = args.length > 4 ? Integer.parseInt(args[4]) : 100_000;
        String auth =
                "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        ObjectMapper mapper = new ObjectMapper();

        ObjectNode definition = (ObjectNode)
                mapper.readTree(Path.of("samples/storypoints/voordejeugd.json").toFile());
        String slug = "bench-" + System.currentTimeMillis();
        publish(http, mapper, base, auth, definition, slug);

        System.out.printf(
                Locale.ROOT, "Intake: %d clients, warm-up 5 s, then %d s of load on %s%n", clients, seconds, base);
        run(http, base, slug, clients, 5, null);
        long[][] latencies = new long[clients][];
        long[] counts = run(http, base, slug, clients, seconds, latencies);
        long total = Arrays.stream(counts).sum();
        long[] all =
                Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf(
                Locale.ROOT,
                "  stories acknowledged: %d in %d s = %.0f stories/s%n",
                total,
                seconds,
                total / (double) seconds);
        System.out.printf(
                Locale.ROOT,
                "  latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n",
                pct(all, 0.50),
                pct(all, 0.90),
                pct(all, 0.99),
                all[all.length - 1] / 1e6);

        String importSlug = slug + "-import";
        publish(http, mapper, base, auth, definition, importSlug);
        StoryPointDefinition parsed = mapper.copy()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .treeToValue(definition, StoryPointDefinition.class);
        StringWriter csv = new StringWriter();
        new SyntheticStories(parsed, 7).write(csv, importStories);
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        Path copy = Files.createTempFile("vertelpunt-bench", ".csv");
        Files.write(copy, file);
        long start = System.nanoTime();
        HttpResponse<String> imported = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/storypoints/" + importSlug + "/stories/import"))
                        .header("Authorization", auth)
                        .header("Content-Type", "text/csv")
                        .timeout(Duration.ofMinutes(10))
                        .POST(HttpRequest.BodyPublishers.ofFile(copy))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        double importSeconds = (System.nanoTime() - start) / 1e9;
        Files.delete(copy);
        if (imported.statusCode() != 200) {
            throw new IllegalStateException("import failed: " + imported.statusCode() + " " + imported.body());
        }
        System.out.printf(
                Locale.ROOT,
                "Import: %d stories (%.1f MB CSV) in %.1f s = %.0f stories/s; %s%n",
                importStories,
                file.length / 1e6,
                importSeconds,
                importStories / importSeconds,
                imported.body());
    }

    private static void publish(
            HttpClient http, ObjectMapper mapper, String base, String auth, ObjectNode definition, String slug)
            throws Exception {
        ObjectNode copy = definition.deepCopy();
        copy.put("slug", slug);
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/storypoints/" + slug))
                        .header("Authorization", auth)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(copy)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("publishing " + slug + " failed: " + r.statusCode() + " " + r.body());
        }
    }

    /** Each client sends stories back to back for the given time; returns acknowledged stories per client. */
    private static long[] run(HttpClient http, String base, String slug, int clients, int seconds, long[][] latencies)
            throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long[] counts = new long[clients];
        AtomicLong failures = new AtomicLong();
        CountDownLatch done = new CountDownLatch(clients);
        URI uri = URI.create(base + "/api/storypoints/" + slug + "/stories");
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                List<Long> mine = new ArrayList<>();
                int i = 0;
                while (System.nanoTime() < end) {
                    String body =
                            "{\"submissionId\":\"" + UUID.randomUUID() + "\",\"role\":\"ouder\",\"language\":\"nl\","
                                    + "\"title\":\"Test " + i
                                    + "\",\"text\":\"Na lang wachten kregen we een vaste hulpverlener die echt luisterde, "
                                    + "en dat maakte voor ons gezin het verschil.\",\"answers\":{\"gevolg\":\"positief\",\"gehoord\":"
                                    + (i % 101)
                                    + ",\"op-tijd\":\"NA\",\"themas\":[\"wachten\",\"communicatie\"],\"balans\":[20,30,50],\"regio\":\"twente\"}}";
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<Void> r = http.send(
                                HttpRequest.newBuilder(uri)
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(body))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() == 201) {
                            counts[client]++;
                            mine.add(System.nanoTime() - t0);
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    i++;
                }
                if (latencies != null) {
                    latencies[client] = mine.stream().mapToLong(Long::longValue).toArray();
                }
                done.countDown();
            });
            t.start();
        }
        done.await();
        if (failures.get() > 0) {
            System.out.println("  failed requests: " + failures.get());
        }
        return counts;
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
