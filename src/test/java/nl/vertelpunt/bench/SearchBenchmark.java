package nl.vertelpunt.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures the story browser's full-text search against a running service (not a test; run by
 * {@code bench/search.sh}): imports a synthetic story set (100,000 stories) into a new story point, then sends
 * a mix of searches through {@code POST /api/storypoints/{slug}/stories/search} one after the other, as one
 * analyst clicking through the workspace would, and reports the response time per kind of query (median, p90,
 * p99, max) after a warm-up. The client runs on the same machine as the service and takes its share of the CPU.
 *
 * <p>The synthetic texts are built from a few dozen Dutch sentences, so "common" words occur in a third to a half
 * of all stories, more than in real stories: the common-word searches are a worst case for ranking and counting.
 *
 * <p>A bulk import leaves PostgreSQL without statistics and visibility map for the new rows until autovacuum has
 * been through the table (within a minute or two); the first answer to each query is timed right after the import,
 * the measured rounds start once autovacuum has caught up, which the benchmark reads from the embedded database's
 * statistics (it only reads them).
 *
 * <p>Arguments: base URL, admin password, CSV file with the stories (exchange format), measured rounds, warm-up
 * rounds, data folder of the service (for the embedded database's port and password). One round sends every
 * query of the mix once.
 */
public final class SearchBenchmark {

    /** A kind of query and its variants; a round sends each variant once. */
    private record Kind(String name, List<ObjectNode> queries) {}

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8089";
        String password = args.length > 1 ? args[1] : "bench-admin-password";
        Path csv = Path.of(args.length > 2 ? args[2] : "target/search-100000.csv");
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        Path data = Path.of(args.length > 5 ? args[5] : "target/bench-data");
        String auth =
                "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        String slug = importedSample(http, base, auth, "zoek-", csv);

        List<Kind> kinds = mix();
        URI search = URI.create(base + "/api/storypoints/" + slug + "/stories/search");
        // the first answers: how many stories each query finds, so the figures can be read
        System.out.println("Queries: stories found; the first answer right after the import, cold, in ms");
        for (Kind kind : kinds) {
            List<String> found = new ArrayList<>();
            for (ObjectNode q : kind.queries()) {
                long t0 = System.nanoTime();
                JsonNode page = MAPPER.readTree(post(http, search, auth, q));
                found.add(String.format(
                        Locale.ROOT,
                        "%s → %d%s (%.0f ms)",
                        describe(q),
                        page.path("total").asLong(),
                        page.path("stories").isEmpty() ? ", empty page" : "",
                        (System.nanoTime() - t0) / 1e6));
            }
            System.out.printf(Locale.ROOT, "  %-34s %s%n", kind.name(), String.join("; ", found));
        }
        long waited = System.nanoTime();
        waitForAutovacuum(data);
        System.out.printf(
                Locale.ROOT,
                "Autovacuum had been through the stories %.0f s later%n",
                (System.nanoTime() - waited) / 1e9);

        for (int r = 0; r < warmUp; r++) {
            for (Kind kind : kinds) {
                for (ObjectNode q : kind.queries()) {
                    post(http, search, auth, q);
                }
            }
        }
        Map<String, List<Long>> times = new LinkedHashMap<>();
        kinds.forEach(k -> times.put(k.name(), new ArrayList<>()));
        for (int r = 0; r < rounds; r++) {
            for (Kind kind : kinds) {
                for (ObjectNode q : kind.queries()) {
                    long t0 = System.nanoTime();
                    post(http, search, auth, q);
                    times.get(kind.name()).add(System.nanoTime() - t0);
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "Search: %d warm-up and %d measured rounds, one request at a time; response time in ms (target < 200)%n",
                warmUp,
                rounds);
        System.out.printf(Locale.ROOT, "  %-34s %6s %8s %8s %8s %8s%n", "kind", "n", "median", "p90", "p99", "max");
        List<Long> all = new ArrayList<>();
        times.forEach((kind, list) -> {
            all.addAll(list);
            print(kind, list);
        });
        print("all searches", all);
    }

    /** Waits (at most 5 minutes) until autovacuum has vacuumed and analysed the story table after the import. */
    static void waitForAutovacuum(Path data) throws Exception {
        String port = Files.readString(data.resolve(".vertelpunt-db-port")).strip();
        String password =
                Files.readString(data.resolve(".vertelpunt-db-password")).strip();
        try (Connection c = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", password);
                Statement st = c.createStatement()) {
            for (int i = 0; i < 300; i++) {
                try (ResultSet rs = st.executeQuery("SELECT n_ins_since_vacuum < 1000 AND n_mod_since_analyze < 1000 "
                        + "FROM pg_stat_user_tables WHERE relname = 'story'")) {
                    if (rs.next() && rs.getBoolean(1)) {
                        return;
                    }
                }
                Thread.sleep(1000);
            }
        }
        System.out.println("  (autovacuum had not caught up after 5 minutes; measuring anyway)");
    }

    /** The queries: words as analysts type them, with and without filters, on the first and on a deep page. */
    private static List<Kind> mix() {
        List<Kind> kinds = new ArrayList<>();
        kinds.add(new Kind("no words, newest first", List.of(q(null, 0), q(null, 1))));
        kinds.add(new Kind("no words, filtered", List.of(filtered(q(null, 0)), filtered(q(null, 3)))));
        kinds.add(new Kind("no words, deep page (200)", List.of(q(null, 200))));
        kinds.add(new Kind("common word", List.of(q("hulp", 0), q("hulpverlener", 0), q("luisterde", 0))));
        kinds.add(new Kind("common word, next page", List.of(q("hulp", 1), q("hulpverlener", 2))));
        kinds.add(new Kind("common word, deep page (200)", List.of(q("hulp", 200), q("hulpverlener", 200))));
        kinds.add(new Kind("common word, filtered", List.of(filtered(q("hulp", 0)), filtered(q("wachtlijst", 0)))));
        // words that are also found as parts of compounds ("wachten": "wachtlijst"; "zorg": "zorgaanbieder",
        // "jeugdzorg"; "hulp": "hulpverlener"), the same index as the words themselves
        kinds.add(new Kind("word and its compounds", List.of(q("wachten", 0), q("zorg", 0), q("lijst", 0))));
        kinds.add(new Kind("word and its compounds, deep page (200)", List.of(q("wachten", 200), q("zorg", 200))));
        kinds.add(new Kind(
                "rare word", List.of(q("somberheid", 0), q("pleegzorgbegeleider", 0), q("zorgcoördinator", 0))));
        kinds.add(new Kind("rare word, filtered", List.of(filtered(q("scheiding", 0)), filtered(q("autisme", 0)))));
        kinds.add(new Kind("phrase", List.of(q("\"vast aanspreekpunt\"", 0), q("\"van het kastje naar de muur\"", 0))));
        kinds.add(new Kind("negation", List.of(q("wachtlijst -gemeente", 0), q("hulpverlener -luisterde", 0))));
        kinds.add(new Kind("either word (or)", List.of(q("pleegouders or pleegzorgbegeleider", 0))));
        kinds.add(new Kind("no match", List.of(q("zwembad", 0))));
        return kinds;
    }

    private static ObjectNode q(String words, int page) {
        ObjectNode q = MAPPER.createObjectNode();
        if (words != null) {
            q.put("q", words);
        }
        q.put("page", page);
        q.put("size", 20);
        return q;
    }

    /** Parents, in July 2019, one region, complete stories only: the kind of filter the dashboard passes on. */
    private static ObjectNode filtered(ObjectNode q) {
        ObjectNode filter = q.putObject("filter");
        filter.put("from", "2019-07-01").put("to", "2019-07-31");
        filter.putArray("roles").add("ouder");
        filter.putObject("answers").putArray("regio").add("twente").add("utrecht");
        filter.put("includeIncomplete", false);
        return q;
    }

    private static String describe(ObjectNode q) {
        String words = q.has("q") ? q.get("q").asText() : "(none)";
        return words + (q.has("filter") ? " +filter" : "") + " p"
                + q.get("page").asInt();
    }

    private static void print(String kind, List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(
                Locale.ROOT,
                "  %-34s %6d %8.1f %8.1f %8.1f %8.1f%n",
                kind,
                sorted.length,
                pct(sorted, 0.50),
                pct(sorted, 0.90),
                pct(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6);
    }

    /**
     * Publishes a copy of the national sample under {@code prefix} and the current time, imports the CSV into it and
     * prints how long the import took; returns the slug.
     */
    static String importedSample(HttpClient http, String base, String auth, String prefix, Path csv) throws Exception {
        ObjectNode definition = (ObjectNode)
                MAPPER.readTree(Path.of("samples/storypoints/voordejeugd.json").toFile());
        String slug = prefix + System.currentTimeMillis();
        definition.put("slug", slug);
        send(
                http,
                HttpRequest.newBuilder(URI.create(base + "/api/storypoints/" + slug))
                        .header("Authorization", auth)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(definition))),
                201);
        long start = System.nanoTime();
        String imported = send(
                http,
                HttpRequest.newBuilder(URI.create(base + "/api/storypoints/" + slug + "/stories/import"))
                        .header("Authorization", auth)
                        .header("Content-Type", "text/csv")
                        .timeout(Duration.ofMinutes(10))
                        .POST(HttpRequest.BodyPublishers.ofFile(csv)),
                200);
        System.out.printf(
                Locale.ROOT, "Imported %s in %.1f s into %s%n", imported, (System.nanoTime() - start) / 1e9, slug);
        return slug;
    }

    static String post(HttpClient http, URI uri, String auth, ObjectNode body) throws Exception {
        return send(
                http,
                HttpRequest.newBuilder(uri)
                        .header("Authorization", auth)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body))),
                200);
    }

    static String send(HttpClient http, HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(r.request().uri() + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
