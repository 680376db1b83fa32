package nl.vertelpunt.story;

import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.publishedStoryPoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import nl.vertelpunt.testing.Evaluations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The story's length and its words as filters (issue 18): {@code minWords}, {@code maxWords} and {@code contains}
 * narrow the story browser, the dashboard, the export and an evaluation alike, and bad values are refused with the
 * field named. The fixture has three kinds of stories, ten of each, so that every count is a multiple of the
 * suppression threshold and shown as it is: short ones about a waiting list (8 words), long ones about school (60
 * words), and middle ones about school and a waiting list (25 words).
 */
@QuarkusTest
class StoryFilterWordsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String slug;

    @BeforeEach
    void stories() {
        if (slug != null) {
            return;
        }
        String point = publishedStoryPoint("woorden");
        StringBuilder csv = new StringBuilder("id,submitted_at,role,channel,language,title,text,gevolg,gehoord\r\n");
        for (int i = 0; i < 30; i++) {
            String text = switch (i % 3) {
                case 0 -> "We stonden maanden op de wachtlijst helaas.";
                case 1 -> "Op school " + "ging het lang niet goed met mij ".repeat(8) + "tot vorig jaar.";
                default ->
                    "De wachtlijsten waren lang, en op school " + "hielp de mentor mij heel erg ".repeat(3) + "daarna.";
            };
            csv.append(String.format(
                    Locale.ROOT,
                    "W%03d,2024-03-%02dT10:00:00Z,%s,online,nl,,\"%s\",positief,%d\r\n",
                    i,
                    1 + i % 28,
                    i % 2 == 0 ? "jongere" : "ouder",
                    text,
                    i % 100));
        }
        asAdmin()
                .contentType("text/csv")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/storypoints/" + point + "/stories/import")
                .then()
                .statusCode(200);
        slug = point;
    }

    private long found(Map<String, Object> filter) {
        return asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("filter", filter, "size", 50))
                .post("/api/storypoints/" + slug + "/stories/search")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("total");
    }

    @Test
    void shouldNarrowTheStoriesByLengthAndWords() {
        assertThat(found(Map.of())).isEqualTo(30);
        assertThat(found(Map.of("maxWords", 10))).isEqualTo(10);
        assertThat(found(Map.of("minWords", 20, "maxWords", 40))).isEqualTo(10);
        assertThat(found(Map.of("minWords", 50))).isEqualTo(10);
        // Dutch stems: the plural finds the singular and back
        assertThat(found(Map.of("contains", "wachtlijst"))).isEqualTo(20);
        assertThat(found(Map.of("contains", "wachtlijsten"))).isEqualTo(20);
        assertThat(found(Map.of("contains", "school wachtlijst"))).isEqualTo(10);
        assertThat(found(Map.of("contains", "school -wachtlijst"))).isEqualTo(10);
        assertThat(found(Map.of("contains", "mentor or helaas"))).isEqualTo(20);
        assertThat(found(Map.of("contains", "school", "maxWords", 30))).isEqualTo(10);
        // a word no story holds, and only a stop word: nothing
        assertThat(found(Map.of("contains", "zwembad"))).isZero();
        assertThat(found(Map.of("contains", "de"))).isZero();
    }

    @Test
    void shouldCountTheDashboardAndExportOnlyWhatPasses() {
        JsonNode dashboard = JSON.valueToTree(asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("filter", Map.of("contains", "school", "minWords", 50)))
                .post("/api/storypoints/" + slug + "/dashboard")
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class));
        assertThat(dashboard.path("stories").asInt()).isEqualTo(10);

        String csv = asAdmin()
                .queryParam("filter", "{\"maxWords\": 10}")
                .get("/api/storypoints/" + slug + "/stories.csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(csv.lines().skip(1).filter(l -> !l.isBlank())).hasSize(10).allMatch(l -> l.contains("wachtlijst"));
    }

    @Test
    void shouldEvaluateOnlyTheStoriesThatPass() throws Exception {
        String id = asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("storyPoint", slug, "filter", Map.of("contains", "wachtlijst")))
                .post("/api/evaluations")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        JsonNode run = Evaluations.finished(id);
        assertThat(run.path("status").asText()).isEqualTo("done");
        assertThat(run.path("result").path("stories").asInt()).isEqualTo(20);
    }

    @Test
    void shouldRefuseBadLengthsAndWordsNamingTheField() {
        Map<String, Map<String, Object>> bad = Map.of(
                "filter.minWords", Map.of("minWords", -1),
                "filter.maxWords", Map.of("minWords", 20, "maxWords", 10),
                "filter.contains", Map.of("contains", "x".repeat(201)));
        bad.forEach((field, filter) -> asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("filter", filter))
                .post("/api/storypoints/" + slug + "/stories/search")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field)));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("storyPoint", slug, "filter", Map.of("contains", " ?! ")))
                .post("/api/evaluations")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("filter.contains"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("filter", Map.of("maxWords", "kort")))
                .post("/api/storypoints/" + slug + "/dashboard")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("filter.maxWords"));
    }
}
