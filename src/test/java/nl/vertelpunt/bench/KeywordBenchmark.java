package nl.vertelpunt.bench;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Keyness benchmark (run by {@code bench/keywords.sh}): imports a synthetic story set (100,000 stories) into a new copy
 * of the national sample, then asks for the words that set two groups apart through the API, one request at a time.
 * The first request analyses the words of every imported story (the background indexer of the service may have
 * started on them already); it is timed on its own. The measured rounds then time each kind of comparison: parents
 * against the rest, positive against negative outcomes, a region against the rest, and a small group (young people with
 * a positive outcome) against the rest. Reports median and maximum response time per kind.
 *
 * <p>Arguments: base address, admin password, story CSV, rounds, warm-up rounds, data folder of the service.
 */
public final class KeywordBenchmark {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private KeywordBenchmark() {}

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

        String slug = SearchBenchmark.importedSample(http, base, auth, "woorden-", csv);

        URI uri = URI.create(base + "/api/storypoints/" + slug + "/keywords");
        Map<String, ObjectNode> kinds = new LinkedHashMap<>();
        kinds.put("parents vs rest", request(Map.of("roles", List.of("ouder")), null));
        kinds.put("positive vs negative outcome", request(answer("gevolg", "positief"), answer("gevolg", "negatief")));
        kinds.put("region vs rest", request(answer("regio", "groningen"), null));
        ObjectNode small = request(answer("gevolg", "positief"), null);
        ((ObjectNode) small.get("focus")).putArray("roles").add("jongere");
        kinds.put("young, positive vs rest", small);

        long first = System.nanoTime();
        JsonNode answer = MAPPER.readTree(SearchBenchmark.post(http, uri, auth, kinds.get("parents vs rest")));
        System.out.printf(
                Locale.ROOT,
                "First request, analysing the words of the stories not analysed yet: %.1f s (%d words tested)%n",
                (System.nanoTime() - first) / 1e9,
                answer.get("tested").asInt());
        SearchBenchmark.waitForAutovacuum(data);
        for (int r = 0; r < warmUp; r++) {
            for (ObjectNode k : kinds.values()) {
                SearchBenchmark.post(http, uri, auth, k);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "Keywords: %d warm-up and %d measured rounds, one request at a time; response time in ms%n",
                warmUp,
                rounds);
        for (Map.Entry<String, ObjectNode> k : kinds.entrySet()) {
            List<Long> times = new ArrayList<>();
            JsonNode last = null;
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                last = MAPPER.readTree(SearchBenchmark.post(http, uri, auth, k.getValue()));
                times.add(System.nanoTime() - t0);
            }
            Collections.sort(times);
            System.out.printf(
                    Locale.ROOT,
                    "  %-30s median %6.0f  max %6.0f   (focus %s, reference %s, %d words tested, %d shown)%n",
                    k.getKey(),
                    times.get(times.size() / 2) / 1e6,
                    times.get(times.size() - 1) / 1e6,
                    last.get("focusSize").asText(),
                    last.get("referenceSize").asText(),
                    last.get("tested").asInt(),
                    last.get("words").size());
        }
    }

    private static Map<String, Object> answer(String question, String option) {
        return Map.of("answers", Map.of(question, List.of(option)));
    }

    private static ObjectNode request(Map<String, Object> focus, Map<String, Object> reference) {
        ObjectNode request = MAPPER.createObjectNode();
        request.set("focus", MAPPER.valueToTree(focus));
        if (reference == null) {
            request.put("reference", "rest");
        } else {
            request.set("reference", MAPPER.valueToTree(reference));
        }
        return request;
    }
}
