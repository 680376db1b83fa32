package nl.vertelpunt.dashboard;

import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.publishedStoryPoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dashboard's numbers, with small groups that no filter combination can reveal. */
@QuarkusTest
class DashboardTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** 97 parents and professionals, and 3 young people: a group under the threshold of 5. */
    private static String storyPointWithThreeYoungPeople() {
        String slug = publishedStoryPoint("dashboard");
        StringBuilder csv = new StringBuilder("id,submitted_at,role,channel,language,title,text,gevolg,gehoord\r\n");
        for (int i = 0; i < 100; i++) {
            String role = i < 3 ? "jongere" : i % 4 == 0 ? "professional" : "ouder";
            String channel = i % 10 == 0 ? "verteltafel" : "online";
            csv.append("d")
                    .append(i)
                    .append(",2024-03-")
                    .append(String.format("%02d", 1 + i % 28))
                    .append("T10:00:00Z,")
                    .append(role)
                    .append(',')
                    .append(channel)
                    .append(",nl,,Een verhaal met genoeg woorden erin hier,")
                    .append(i % 2 == 0 ? "positief" : "negatief")
                    .append(',')
                    .append(i % 101)
                    .append("\r\n");
        }
        asAdmin()
                .contentType("text/csv")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/storypoints/" + slug + "/stories/import")
                .then()
                .statusCode(200)
                .body("created", equalTo(100));
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

    private static List<JsonNode> counts(JsonNode dashboard) {
        List<JsonNode> counts = new ArrayList<>();
        counts.add(dashboard.get("stories"));
        for (String group : List.of("weeks", "roles", "channels", "completeness")) {
            dashboard.get(group).forEach(b -> counts.add(b.get("count")));
        }
        dashboard.get("questions").forEach(q -> {
            q.get("bars").forEach(b -> counts.add(b.get("count")));
            counts.add(q.get("unanswered"));
        });
        return counts;
    }

    @Test
    void shouldShowSmallGroupsAsUnderTheThresholdAndNotChartThem() throws Exception {
        String slug = storyPointWithThreeYoungPeople();
        JsonNode all = dashboard(slug, Map.of());
        assertThat(all.get("threshold").asInt()).isEqualTo(5);
        assertThat(all.get("stories").asInt()).isEqualTo(100);
        JsonNode youth = all.get("roles").get(0);
        assertThat(youth.get("id").asText()).isEqualTo("jongere");
        assertThat(youth.get("count").asText()).isEqualTo("<5");
        assertThat(youth.has("share")).isFalse();
        JsonNode gevolg = all.get("questions").get(0);
        assertThat(gevolg.get("id").asText()).isEqualTo("gevolg");
        assertThat(gevolg.get("bars").get(1).get("count").asInt()).isEqualTo(50);
    }

    @Test
    void shouldRevealNoSmallGroupThroughAnyCombinationOfFilters() throws Exception {
        String slug = storyPointWithThreeYoungPeople();
        List<List<String>> roleSets = List.of(
                List.of(),
                List.of("jongere"),
                List.of("ouder"),
                List.of("professional"),
                List.of("ouder", "professional"),
                List.of("jongere", "ouder"),
                List.of("jongere", "professional"));
        List<List<String>> channelSets = List.of(List.of(), List.of("online"), List.of("verteltafel"));
        List<Map<String, List<String>>> answerSets =
                List.of(Map.of(), Map.of("gevolg", List.of("positief")), Map.of("gevolg", List.of("negatief")));
        List<Long> totals = new ArrayList<>();
        for (List<String> roles : roleSets) {
            for (List<String> channels : channelSets) {
                for (Map<String, List<String>> answers : answerSets) {
                    JsonNode d = dashboard(slug, Map.of("roles", roles, "channels", channels, "answers", answers));
                    for (JsonNode count : counts(d)) {
                        assertThat(count.isTextual() ? count.asText().equals("<5") : count.asLong() % 5 == 0)
                                .as("shown count " + count + " for " + roles + channels + answers)
                                .isTrue();
                    }
                    if (d.get("stories").isNumber()) {
                        totals.add(d.get("stories").asLong());
                    }
                }
            }
        }
        // every difference of any two shown totals is a multiple of 5: never the 3 young people (or any 1 to 4)
        for (long a : totals) {
            for (long b : totals) {
                assertThat(Math.abs(a - b) % 5).isZero();
            }
        }
        assertThat(dashboard(slug, Map.of("roles", List.of("jongere")))
                        .get("stories")
                        .asText())
                .isEqualTo("<5");
    }

    @Test
    void shouldRefuseAFilterThatDoesNotFitTheStoryPoint() {
        String slug = publishedStoryPoint("dashfilter");
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("filter", Map.of("ranges", Map.of("gevolg", List.of(0, 10)))))
                .post("/api/storypoints/" + slug + "/dashboard")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("filter.ranges.gevolg"));
    }
}
