package nl.vertelpunt.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Monitoring benchmark (run by {@code bench/monitor.sh}): imports a synthetic story set (100,000 stories) into a new
 * copy of the national sample, waits for autovacuum, then asks for indicators over time through the API, one request
 * at a time: a share per quarter, a median per month, a share per quarter with a region against the rest, and the
 * same across the core module with the story point against the rest. Reports the response time per kind.
 *
 * <p>Arguments: base address, admin password, story CSV, rounds, warm-up rounds, data folder of the service.
 */
public final class MonitorBenchmark {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MonitorBenchmark() {}

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8089";
        String password = args.length > 1 ? args[1] : "bench-admin-password";
        Path csv = Path.of(args.length > 2 ? args[2] : "target/search-100000.csv");
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        Path data = Path.of(args.length > 5 ? args[5] : "target/bench-data");
        String auth =
                "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        String slug = SearchBenchmark.importedSample(http, base, auth, "monitor-", csv);
        SearchBenchmark.waitForAutovacuum(data);

        URI point = URI.create(base + "/api/storypoints/" + slug + "/monitor");
        URI module = URI.create(base + "/api/modules/kern/monitor");
        Map<String, Map.Entry<URI, ObjectNode>> kinds = new LinkedHashMap<>();
        kinds.put("share ≥ 70 per quarter", Map.entry(point, request("share-at-least", "quarter", null)));
        kinds.put("median per month", Map.entry(point, request("median", "month", null)));
        kinds.put("share per quarter, region vs rest", Map.entry(point, request("share-at-least", "quarter", "regio")));
        kinds.put("module: story point vs rest", Map.entry(module, request("share-at-least", "quarter", slug)));
        for (int r = 0; r < warmUp; r++) {
            for (Map.Entry<URI, ObjectNode> k : kinds.values()) {
                SearchBenchmark.post(http, k.getKey(), auth, k.getValue());
            }
        }
        System.out.printf(
                Locale.ROOT,
                "Monitoring: %d warm-up and %d measured rounds, one request at a time; response time in ms%n",
                warmUp,
                rounds);
        for (Map.Entry<String, Map.Entry<URI, ObjectNode>> k : kinds.entrySet()) {
            List<Long> times = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                SearchBenchmark.post(
                        http, k.getValue().getKey(), auth, k.getValue().getValue());
                times.add(System.nanoTime() - t0);
            }
            Collections.sort(times);
            System.out.printf(
                    Locale.ROOT,
                    "  %-36s median %6.0f  max %6.0f%n",
                    k.getKey(),
                    times.get(times.size() / 2) / 1e6,
                    times.get(times.size() - 1) / 1e6);
        }
    }

    /** An indicator on 'gehoord'; {@code compare} the region Twente against the rest, or a story point. */
    private static ObjectNode request(String kind, String interval, String compare) {
        ObjectNode request = MAPPER.createObjectNode().put("interval", interval);
        ObjectNode indicator =
                request.putArray("indicators").addObject().put("kind", kind).put("question", "gehoord");
        if (kind.equals("share-at-least")) {
            indicator.put("threshold", 70);
        }
        if ("regio".equals(compare)) {
            request.putObject("compare")
                    .putObject("filter")
                    .putObject("answers")
                    .putArray("regio")
                    .add("twente");
        } else if (compare != null) {
            request.putObject("compare")
                    .putObject("filter")
                    .putObject("answers")
                    .putArray("storyPoint")
                    .add(compare);
        }
        return request;
    }
}
