package nl.vertelpunt.dashboard;

import static io.restassured.RestAssured.given;
import static nl.vertelpunt.testing.Fixtures.aSubmission;
import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.publishedStoryPoint;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.vertelpunt.testing.Evaluations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nothing is ever computed from, or shown of, 1 to k−1 stories (k = 5): a filter that leaves that few gets only
 * "too few stories" from the dashboard and from an evaluation, and a question answered in that few stories shows
 * no answers, so that the zeros and "&lt;5" of a person's answers cannot tell what they answered.
 */
@QuarkusTest
class SmallGroupsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A story point with 12 parents' stories and {@code youth} young people's, who all answered alike. */
    private static String storyPointWithYouth(int youth) {
        String slug = publishedStoryPoint("small" + youth);
        for (int i = 0; i < 12 + youth; i++) {
            Map<String, Object> story = aSubmission();
            @SuppressWarnings("unchecked")
            Map<String, Object> answers = (Map<String, Object>) story.get("answers");
            if (i < youth) {
                story.put("role", "jongere");
                answers.put("gevolg", "zeer-negatief");
                answers.put("gehoord", 3);
                answers.put("balans", List.of(10, 20, 70));
            } else {
                answers.put("gevolg", i % 2 == 0 ? "positief" : "negatief");
                answers.put("gehoord", 40 + i * 4);
                answers.put("balans", List.of(30 + i, 40 - i, 30));
            }
            given().contentType(ContentType.JSON)
                    .body(story)
                    .post("/api/storypoints/" + slug + "/stories")
                    .then()
                    .statusCode(201);
        }
        return slug;
    }

    private static JsonNode dashboard(String slug, Map<String, Object> filter) throws Exception {
        return JSON.readTree(asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("filter", filter))
                .post("/api/storypoints/" + slug + "/dashboard")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    private static JsonNode evaluation(String slug, Map<String, Object> filter) throws Exception {
        String id = asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("storyPoint", slug, "filter", filter))
                .post("/api/evaluations")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        JsonNode run = Evaluations.finished(id);
        assertThat(run.get("status").asText()).isEqualTo("done");
        return run.get("result");
    }

    /** Every number in a JSON tree, with where it is. */
    private static List<String> numbers(JsonNode node, String path) {
        List<String> found = new ArrayList<>();
        if (node.isNumber()) {
            found.add(path + "=" + node.asText());
        } else if (node.isContainerNode()) {
            node.fields().forEachRemaining(e -> found.addAll(numbers(e.getValue(), path + "." + e.getKey())));
            for (int i = 0; node.isArray() && i < node.size(); i++) {
                found.addAll(numbers(node.get(i), path + "[" + i + "]"));
            }
        }
        return found;
    }

    @ParameterizedTest(name = "{0} stories")
    @ValueSource(ints = {1, 2, 3, 4})
    void shouldShowOnlyThatThereAreTooFewStoriesOnTheDashboard(int youth) throws Exception {
        String slug = storyPointWithYouth(youth);
        JsonNode d = dashboard(slug, Map.of("roles", List.of("jongere")));
        assertThat(d.get("tooFew").asBoolean()).isTrue();
        assertThat(d.get("stories").asText()).isEqualTo("<5");
        for (String list : List.of("weeks", "roles", "channels", "completeness", "questions")) {
            assertThat(d.get(list)).as(list).isEmpty();
        }
        // the same filter narrowed by their answer: still nothing
        JsonNode narrowed = dashboard(slug, Map.of("answers", Map.of("gevolg", List.of("zeer-negatief"))));
        assertThat(narrowed.get("tooFew").asBoolean()).isTrue();
        assertThat(narrowed.get("questions")).isEmpty();
    }

    @ParameterizedTest(name = "{0} stories")
    @ValueSource(ints = {1, 2, 3, 4})
    void shouldShowOnlyThatThereAreTooFewStoriesInAnEvaluation(int youth) throws Exception {
        String slug = storyPointWithYouth(youth);
        JsonNode result = evaluation(slug, Map.of("roles", List.of("jongere")));
        assertThat(result.get("tooFew").asBoolean()).isTrue();
        assertThat(result.get("stories").asText()).isEqualTo("<5");
        assertThat(result.get("distributions")).isEmpty();
        assertThat(result.get("patterns")).isEmpty();
        // no statistic of theirs anywhere: the only numbers left are settings and counts of tests
        assertThat(numbers(result, "result"))
                .allMatch(
                        n -> n.startsWith("result.settings.")
                                || n.startsWith("result.request.settings.")
                                || n.startsWith("result.summary.")
                                || n.startsWith("result.suppressionThreshold="),
                        "settings and counts of tests only");
    }

    @Test
    void shouldShowNoAnswersOfAQuestionAnsweredInTooFewStories() throws Exception {
        // 12 parents and 2 young people: 14 stories, but the slider "werkdruk" is asked of professionals only and
        // "op-tijd" answered by nobody; one parent answers "werkdruk"-like "op-tijd"
        String slug = storyPointWithYouth(2);
        Map<String, Object> story = aSubmission();
        @SuppressWarnings("unchecked")
        Map<String, Object> answers = (Map<String, Object>) story.get("answers");
        answers.put("op-tijd", 97);
        given().contentType(ContentType.JSON)
                .body(story)
                .post("/api/storypoints/" + slug + "/stories")
                .then()
                .statusCode(201);
        JsonNode d = dashboard(slug, Map.of());
        assertThat(d.get("tooFew").asBoolean()).isFalse();
        JsonNode onTime = null;
        for (JsonNode q : d.get("questions")) {
            if (q.get("id").asText().equals("op-tijd")) {
                onTime = q;
            }
        }
        assertThat(onTime).isNotNull();
        assertThat(onTime.get("tooFew").asBoolean()).isTrue();
        assertThat(onTime.get("bars")).isEmpty();

        JsonNode result = evaluation(slug, Map.of());
        JsonNode distribution = null;
        for (JsonNode dist : result.get("distributions")) {
            if (dist.get("variable").asText().equals("op-tijd")) {
                distribution = dist;
            }
        }
        assertThat(distribution).isNotNull();
        assertThat(distribution.get("tooFew").asBoolean()).isTrue();
        assertThat(distribution.has("stats")).isFalse();
        // the triad of the whole set (15 stories) is still described
        for (JsonNode dist : result.get("distributions")) {
            if (dist.get("variable").asText().equals("balans")) {
                assertThat(dist.get("meanShares")).hasSize(3);
            }
        }
    }
}
