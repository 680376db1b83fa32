package nl.vertelpunt.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Queue benchmark (run by {@code bench/queue.sh}): how long a started evaluation waits in the job queue of an idle
 * service, from the moment the run is stored ({@code createdAt}) to the moment a worker claims it ({@code startedAt}).
 * Imports a small synthetic story set into a copy of the national sample, then starts one evaluation at a time and
 * waits until it is done before the next, so a worker is always free. A wait is set apart from the time of the request
 * and of the evaluation itself.
 *
 * <p>Arguments: base address, admin password, story CSV, rounds, warm-up rounds.
 */
public final class QueueBenchmark {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private QueueBenchmark() {}

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8089";
        String password = args.length > 1 ? args[1] : "bench-admin-password";
        Path csv = Path.of(args.length > 2 ? args[2] : "target/search-2000.csv");
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        String auth =
                "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        ObjectNode definition = (ObjectNode)
                MAPPER.readTree(Path.of("samples/storypoints/voordejeugd.json").toFile());
        String slug = "queue-" + System.currentTimeMillis();
        definition.put("slug", slug);
        SearchBenchmark.send(
                http,
                HttpRequest.newBuilder(URI.create(base + "/api/storypoints/" + slug))
                        .header("Authorization", auth)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(definition))),
                201);
        SearchBenchmark.send(
                http,
                HttpRequest.newBuilder(URI.create(base + "/api/storypoints/" + slug + "/stories/import"))
                        .header("Authorization", auth)
                        .header("Content-Type", "text/csv")
                        .timeout(Duration.ofMinutes(5))
                        .POST(HttpRequest.BodyPublishers.ofFile(csv)),
                200);
        ObjectNode request = MAPPER.createObjectNode().put("storyPoint", slug);
        List<Double> waits = new ArrayList<>();
        for (int r = 0; r < warmUp + rounds; r++) {
            // an idle queue: the previous run has ended and the worker is free again
            Thread.sleep(200);
            JsonNode started = MAPPER.readTree(SearchBenchmark.send(
                    http,
                    HttpRequest.newBuilder(URI.create(base + "/api/evaluations"))
                            .header("Authorization", auth)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(request))),
                    202));
            URI run = URI.create(base + "/api/evaluations/" + started.get("id").asText());
            JsonNode view;
            do {
                Thread.sleep(20);
                view = MAPPER.readTree(SearchBenchmark.send(
                        http,
                        HttpRequest.newBuilder(run)
                                .header("Authorization", auth)
                                .GET(),
                        200));
            } while (!view.get("status").asText().equals("done")
                    && !view.get("status").asText().equals("failed"));
            if (!view.get("status").asText().equals("done")) {
                throw new IllegalStateException("evaluation failed: " + view.get("error"));
            }
            Duration wait = Duration.between(
                    Instant.parse(view.get("createdAt").asText()),
                    Instant.parse(view.get("startedAt").asText()));
            if (r >= warmUp) {
                waits.add(wait.toNanos() / 1e6);
            }
        }
        Collections.sort(waits);
        System.out.printf(
                Locale.ROOT,
                "Queue wait of an evaluation on an idle service, %d runs: min %.1f ms, median %.1f ms, p95 %.1f ms, "
                        + "max %.1f ms%n",
                waits.size(),
                waits.get(0),
                waits.get(waits.size() / 2),
                waits.get((int) Math.ceil(0.95 * waits.size()) - 1),
                waits.get(waits.size() - 1));
    }
}
