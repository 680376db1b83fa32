package nl.vertelpunt.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.vertelpunt.evaluation.EvaluationJob;
import nl.vertelpunt.evaluation.EvaluationRequest;
import nl.vertelpunt.evaluation.EvaluationScope;
import nl.vertelpunt.sample.PatternedStories;
import nl.vertelpunt.story.AnswerValidator;
import nl.vertelpunt.story.StoryCsv;
import nl.vertelpunt.story.StoryFilter;
import nl.vertelpunt.storypoint.definition.Question;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import nl.vertelpunt.web.EmbeddedDatabase;
import nl.vertelpunt.web.FieldError;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;

/**
 * Measures the whole pattern evaluation job, database read included, on synthetic story points with 23
 * analysis variables (8 sliders, role, 5 choices, 8 multichoice options) and a triad, at 10,000, 100,000
 * and 1,000,000 stories. Not a test: run by {@code bench/evaluation.sh}, with the JVM's heap limited to
 * 1 GB. Starts its own embedded PostgreSQL (the same as the service's) in a temporary folder.
 *
 * <p>Arguments: story counts (default 10000,100000,1000000) and timed runs per size (default 3).
 */
public final class EvaluationBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "10000,100000,1000000").split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        withDatabase(c -> {
            for (int size : sizes) {
                measure(c, size, runs);
            }
        });
    }

    /** What a benchmark does with its database. */
    interface Work {
        void on(Connection c) throws Exception;
    }

    /**
     * Starts an embedded PostgreSQL (the same as the service's) in a temporary folder, migrates it, and runs
     * {@code work} on a connection; removes the folder afterwards.
     */
    static void withDatabase(Work work) throws Exception {
        Path folder = Files.createTempDirectory("vertelpunt-bench-db");
        try (EmbeddedPostgres pg = EmbeddedDatabase.start(folder.resolve("postgres"), 0)) {
            String url = EmbeddedDatabase.jdbcUrl(pg.getPort());
            String password = EmbeddedDatabase.readPassword(folder.resolve("postgres"));
            Flyway.configure()
                    .dataSource(url, "postgres", password)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            System.out.printf(
                    Locale.ROOT,
                    "Heap limit %d MB; PostgreSQL on loopback, same machine%n",
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));
            try (Connection c =
                    DriverManager.getConnection(url + "?reWriteBatchedInserts=true", "postgres", password)) {
                work.on(c);
            }
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void measure(Connection c, int size, int runs) throws Exception {
        String slug = "bench-" + size;
        StoryPointDefinition definition = PatternedStories.definition(slug);
        long[] ids = createStoryPoint(c, definition);
        long setup = System.nanoTime();
        load(c, definition, ids[0], ids[1], size);
        System.out.printf(
                Locale.ROOT,
                "%,d stories stored in %.1f s (setup, not measured)%n",
                size,
                (System.nanoTime() - setup) / 1e9);

        EvaluationRequest request = new EvaluationRequest(slug, null, null, StoryFilter.all(), null, null).normalized();
        List<double[]> timings = new ArrayList<>();
        long peakHeap = 0;
        int tests = 0;
        int strong = 0;
        for (int run = 0; run <= runs; run++) {
            System.gc();
            resetPeaks();
            long start = System.nanoTime();
            EvaluationJob.Outcome outcome =
                    EvaluationJob.run(c, EvaluationScope.storyPoint(ids[0], definition), request, "bench", share -> {});
            byte[] json = JSON.writeValueAsBytes(outcome.result());
            long total = System.nanoTime() - start;
            peakHeap = Math.max(peakHeap, peakHeap());
            tests = outcome.result().summary().tests();
            strong = outcome.result().summary().strong();
            if (run > 0) {
                timings.add(
                        new double[] {total / 1e6, outcome.readNanos() / 1e6, outcome.testNanos() / 1e6, json.length});
            }
        }
        timings.sort((a, b) -> Double.compare(a[0], b[0]));
        double[] median = timings.get(timings.size() / 2);
        System.out.printf(
                Locale.ROOT,
                "%,d stories: job %.0f ms (median of %d; fastest %.0f ms) = read %.0f ms + statistics %.0f ms "
                        + "+ JSON; %d tests, %d strong; result %.1f MB; peak heap %d MB%n",
                size,
                median[0],
                timings.size(),
                timings.get(0)[0],
                median[1],
                median[2],
                tests,
                strong,
                median[3] / 1e6,
                peakHeap / (1024 * 1024));
    }

    static long[] createStoryPoint(Connection c, StoryPointDefinition definition) throws Exception {
        try (Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT nextval('story_point_seq'), nextval('story_point_version_seq')");
            rs.next();
            long pointId = rs.getLong(1);
            long versionId = rs.getLong(2);
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO story_point (id, slug, created_at) VALUES (?, ?, now())")) {
                ps.setLong(1, pointId);
                ps.setString(2, definition.slug());
                ps.executeUpdate();
            }
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO story_point_version (id, story_point_id, version, revision, "
                            + "definition, published_at) VALUES (?, ?, 1, 1, ?::jsonb, now())")) {
                ps.setLong(1, versionId);
                ps.setLong(2, pointId);
                ps.setString(3, JSON.writeValueAsString(definition));
                ps.executeUpdate();
            }
            s.executeUpdate("UPDATE story_point SET current_version_id = " + versionId + " WHERE id = " + pointId);
            return new long[] {pointId, versionId};
        }
    }

    /** Generates the stories (planted patterns, fixed seed) and stores them with COPY. */
    static void load(Connection c, StoryPointDefinition definition, long pointId, long versionId, int size)
            throws Exception {
        PatternedStories stories = new PatternedStories(true, size);
        List<Question> questions = definition.questions();
        var copy = c.unwrap(PGConnection.class).getCopyAPI();
        String sql =
                "COPY story (story_point_id, id, version_id, role, channel, language, title, text, answers, submitted_at, "
                        + "word_count, answered_count, complete) FROM STDIN WITH (FORMAT csv)";
        StringBuilder chunk = new StringBuilder();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            List<String> row = stories.story(i, 1_700_000_000L + i * 7L);
            Map<String, JsonNode> answers = new HashMap<>();
            for (int q = 0; q < questions.size(); q++) {
                JsonNode answer = StoryCsv.answer(questions.get(q), row.get(StoryCsv.FIXED.size() + q));
                if (answer != null) {
                    answers.put(questions.get(q).id(), answer);
                }
            }
            AnswerValidator.Result valid =
                    AnswerValidator.validate(definition, row.get(2), answers, "", AnswerValidator.Mode.IMPORT, errors);
            if (!errors.isEmpty()) {
                throw new IllegalStateException("generated story " + i + " is invalid: " + errors);
            }
            chunk.append(pointId)
                    .append(',')
                    .append(row.get(0))
                    .append(',')
                    .append(versionId)
                    .append(',')
                    .append(row.get(2))
                    .append(",online,nl,,")
                    .append(row.get(6))
                    .append(",\"")
                    .append(valid.answers().toString().replace("\"", "\"\""))
                    .append("\",")
                    .append(row.get(1))
                    .append(",2,")
                    .append(valid.answered())
                    .append(",true\n");
            if (chunk.length() > 8_000_000 || i == size - 1) {
                copy.copyIn(sql, new StringReader(chunk.toString()));
                chunk.setLength(0);
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE story");
        }
    }

    static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
