package nl.vertelpunt.testing;

import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.uniqueSlug;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.vertelpunt.sample.PatternedStones;
import nl.vertelpunt.sample.PatternedStories;
import nl.vertelpunt.story.StoryCsv;

/**
 * A story point with generated stories that hold the planted patterns of {@link PatternedStories}, and a
 * finished evaluation of them.
 */
public record Planted(String slug, String runId) {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /** Publishes the story point, imports {@code count} stories and evaluates them. */
    /** Eight strong patterns of the planted story point, of every kind: enough cards for a session (and its warning). */
    public static final List<String> EIGHT_CARD_PATTERNS = List.of(
            "slider_by_choice|gehoord|gevolg",
            "slider_by_slider|gehoord|op-tijd",
            "choice_by_choice|regio|soort-hulp",
            "slider_by_choice|duidelijk|role",
            "slider_by_choice|wachttijd|themas:wachten",
            "slider_by_choice|op-tijd|gevolg",
            "slider_by_choice|samen|gevolg",
            "slider_by_choice|veilig|gevolg");

    /** Drafts an observation card (as admin) from each pattern of this run; their ids, in order. */
    public List<String> draftCards(List<String> patterns) {
        List<String> ids = new ArrayList<>();
        for (String pattern : patterns) {
            ids.add(asAdmin()
                    .contentType(ContentType.JSON)
                    .body(Map.of("runId", runId, "pattern", pattern))
                    .post("/api/cards")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
        }
        return ids;
    }

    /** The deck of one card of this story point, as admin: {@code deck.html} or {@code deck.pdf}. */
    public byte[] deck(String card, String file) {
        return asAdmin()
                .queryParam("card", card)
                .get("/api/storypoints/" + slug + "/cards/" + file)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
    }

    public static Planted create(String prefix, int count, long seed) throws Exception {
        String slug = storyPoint(prefix, count, seed);
        return new Planted(slug, evaluate(slug));
    }

    /**
     * Publishes the story point with {@code count} stories told one after another, evenly from {@code from} to {@code
     * to} (so that they fall in several quarters), and evaluates them.
     */
    public static Planted overTime(String prefix, int count, long seed, String from, String to) throws Exception {
        StringWriter csv = new StringWriter();
        long start = Instant.parse(from).getEpochSecond();
        writeOverTime(csv, 0, count, start, (Instant.parse(to).getEpochSecond() - start) / count, seed);
        String slug = storyPoint(prefix, csv.toString(), count);
        return new Planted(slug, evaluate(slug));
    }

    /** {@code count} stories as CSV, header first, ids from {@code first}: from {@code start}, every {@code step} s. */
    public static void writeOverTime(Appendable out, int first, int count, long start, long step, long seed)
            throws IOException {
        PatternedStories generator = new PatternedStories(true, seed);
        StoryCsv.Printer printer = new StoryCsv.Printer(
                out,
                PatternedStories.definition("x").questions().stream()
                        .map(q -> q.id())
                        .toList());
        for (int i = 0; i < count; i++) {
            printer.row(generator.story(first + i, start + i * step));
        }
        printer.flush();
    }

    /** Publishes the story point and imports {@code count} stories; returns its slug. */
    public static String storyPoint(String prefix, int count, long seed) throws Exception {
        StringWriter csv = new StringWriter();
        new PatternedStories(true, seed).write(csv, count);
        return storyPoint(prefix, csv.toString(), count);
    }

    /** Publishes the story point of {@link PatternedStories} and imports {@code count} stories of this CSV. */
    public static String storyPoint(String prefix, String csv, int count) throws Exception {
        String slug = uniqueSlug(prefix);
        asAdmin()
                .contentType(ContentType.JSON)
                .body(JSON.writeValueAsString(PatternedStories.definition(slug)))
                .put("/api/storypoints/" + slug)
                .then()
                .statusCode(201);
        asAdmin()
                .contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/storypoints/" + slug + "/stories/import")
                .then()
                .statusCode(200)
                .body("created", equalTo(count));
        return slug;
    }

    /** Publishes the story point of {@link PatternedStones} and imports {@code count} of its stories; its slug. */
    public static String stonesStoryPoint(String prefix, boolean planted, long seed, int count) throws Exception {
        String slug = uniqueSlug(prefix);
        asAdmin()
                .contentType(ContentType.JSON)
                .body(JSON.writeValueAsString(PatternedStones.definition(slug)))
                .put("/api/storypoints/" + slug)
                .then()
                .statusCode(201);
        StringWriter csv = new StringWriter();
        new PatternedStones(planted, seed).write(csv, count);
        asAdmin()
                .contentType("text/csv")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/storypoints/" + slug + "/stories/import")
                .then()
                .statusCode(200)
                .body("created", equalTo(count));
        return slug;
    }

    /** Runs an evaluation of every complete story and waits for it; returns the run's id. */
    public static String evaluate(String slug) throws Exception {
        String run = asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("storyPoint", slug))
                .post("/api/evaluations")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        if (!Evaluations.finished(run).get("status").asText().equals("done")) {
            throw new AssertionError("the evaluation of " + slug + " failed");
        }
        return run;
    }
}
