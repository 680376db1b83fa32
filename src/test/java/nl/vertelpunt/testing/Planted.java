package nl.vertelpunt.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import nl.vertelpunt.sample.PatternedStories;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.uniqueSlug;
import static org.hamcrest.Matchers.equalTo;

/**
 * A story point with generated stories that hold the planted patterns of {@link PatternedStories}, and a
 * finished evaluation of them.
 */
public record Planted(String slug, String runId) {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /** Publishes the story point, imports {@code count} stories and evaluates them. */
    public static Planted create(String prefix, int count, long seed) throws Exception {
        String slug = storyPoint(prefix, count, seed);
        return new Planted(slug, evaluate(slug));
    }

    /** Publishes the story point and imports {@code count} stories; returns its slug. */
    public static String storyPoint(String prefix, int count, long seed) throws Exception {
        String slug = uniqueSlug(prefix);
        asAdmin().contentType(ContentType.JSON).body(JSON.writeValueAsString(PatternedStories.definition(slug)))
                .put("/api/storypoints/" + slug).then().statusCode(201);
        StringWriter csv = new StringWriter();
        new PatternedStories(true, seed).write(csv, count);
        asAdmin().contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/storypoints/" + slug + "/stories/import").then().statusCode(200).body("created", equalTo(count));
        return slug;
    }

    /** Runs an evaluation of every complete story and waits for it; returns the run's id. */
    public static String evaluate(String slug) throws Exception {
        String run = asAdmin().contentType(ContentType.JSON).body(Map.of("storyPoint", slug)).post("/api/evaluations").then()
                .statusCode(202).extract().path("id");
        if (!Evaluations.finished(run).get("status").asText().equals("done")) {
            throw new AssertionError("the evaluation of " + slug + " failed");
        }
        return run;
    }
}
