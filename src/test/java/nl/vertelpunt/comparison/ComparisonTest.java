package nl.vertelpunt.comparison;

import static io.restassured.RestAssured.given;
import static nl.vertelpunt.testing.Fixtures.as;
import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.vertelpunt.testing.ComparedStories;
import nl.vertelpunt.testing.Evaluations;
import nl.vertelpunt.testing.Fixtures;
import nl.vertelpunt.testing.Planted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Comparisons through the API and the real queue, on generated stories of 2019 and 2020 in the real PostgreSQL. */
@QuarkusTest
class ComparisonTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final Map<String, Object> YEAR_2020 = Map.of("from", "2020-01-01", "to", "2020-12-31");
    private static final Map<String, Object> YEAR_2019 = Map.of("from", "2019-01-01", "to", "2019-12-31");
    private static String slug;

    @Inject
    AgroalDataSource dataSource;

    /** A story point with 700 stories of 2020 and 700 of 2019 that differ in three planted patterns (made once). */
    @BeforeEach
    void storyPoint() throws Exception {
        if (slug != null) {
            return;
        }
        StringWriter csv = new StringWriter();
        new ComparedStories(true, 1).write(csv, 700, 700);
        slug = Planted.storyPoint("vergelijk", csv.toString(), 1400);
    }

    @Test
    void shouldCompareTwoPeriodsThroughTheQueue() throws Exception {
        JsonNode run = finished(start(periods()));
        assertThat(run.get("status").asText()).isEqualTo("done");
        assertThat(run.get("attempts").asInt()).isEqualTo(1);
        assertThat(run.get("focusStories").asInt()).isEqualTo(700);
        assertThat(run.get("referenceStories").asInt()).isEqualTo(700);
        assertThat(run.get("focusFingerprint").asText()).matches("[0-9a-f]{64}");
        assertThat(run.get("referenceFingerprint").asText())
                .matches("[0-9a-f]{64}")
                .isNotEqualTo(run.get("focusFingerprint").asText());
        JsonNode result = run.get("result");
        assertThat(result.get("focus").get("fingerprint").asText())
                .isEqualTo(run.get("focusFingerprint").asText());
        assertThat(result.get("suppressionThreshold").asInt()).isEqualTo(5);
        assertThat(result.get("settings").get("minGroupSize").asInt()).isEqualTo(5);
        assertThat(result.get("resampling").get("seed").asLong())
                .isEqualTo(ComparisonRequest.ResamplingSettings.DEFAULTS.seed());
        assertThat(result.get("confidence").asDouble()).isEqualTo(0.95);
        assertThat(result.get("request")
                        .get("reference")
                        .get("filter")
                        .get("from")
                        .asText())
                .isEqualTo("2019-01-01");

        Map<String, JsonNode> patterns = new HashMap<>();
        result.get("patterns").forEach(p -> patterns.put(p.get("key").asText(), p));
        assertThat(patterns.get(ComparedStories.ONLY_HERE).get("verdict").asText())
                .isEqualTo("only-here");
        assertThat(patterns.get(ComparedStories.OPPOSITE).get("verdict").asText())
                .isEqualTo("opposite");
        assertThat(patterns.get(ComparedStories.ONLY_ELSEWHERE).get("verdict").asText())
                .isEqualTo("only-elsewhere");
        assertThat(patterns.get(ComparedStories.SHARED_SLIDERS).get("verdict").asText())
                .isEqualTo("shared");
        int summed = 0;
        for (String verdict :
                List.of("shared", "strongerHere", "weakerHere", "onlyHere", "onlyElsewhere", "opposite", "unclear")) {
            summed += result.get("summary").get(verdict).asInt();
        }
        assertThat(summed).isEqualTo(result.get("patterns").size());

        // counts as staff see them: multiples of 5 (or "<5"); statistics exact
        for (JsonNode p : result.get("patterns")) {
            for (String side : List.of("focus", "reference")) {
                JsonNode s = p.get(side);
                if (s.has("n")) {
                    assertThat(s.get("n").asInt() % 5).isZero();
                }
                for (JsonNode g : s.path("pattern").path("groups")) {
                    assertThat(g.get("n").isTextual() || g.get("n").asInt() % 5 == 0)
                            .isTrue();
                }
            }
        }
        JsonNode choice = patterns.get(ComparedStories.ONLY_ELSEWHERE);
        for (JsonNode row : choice.get("reference").get("pattern").get("table").get("counts")) {
            row.forEach(cell ->
                    assertThat(cell.isTextual() || cell.asInt() % 5 == 0).isTrue());
        }
        assertThat(choice.get("difference").get("p").asDouble()).isBetween(0.0, 1.0);
        assertThat(choice.get("difference").get("q").asDouble())
                .isGreaterThanOrEqualTo(choice.get("difference").get("p").asDouble());

        // the same request and data give the same result, byte for byte
        JsonNode again = finished(start(periods()));
        assertThat(JSON.writeValueAsString(again.get("result"))).isEqualTo(JSON.writeValueAsString(result));

        asAdmin()
                .get("/api/storypoints/" + slug + "/comparisons")
                .then()
                .statusCode(200)
                .body("id", hasItem(run.get("id").asText()));
    }

    @Test
    void shouldCompareAPartWithTheRestAndLeaveOutWhatChoosesIt() throws Exception {
        Map<String, Object> request = Map.of(
                "storyPoint",
                slug,
                "focus",
                Map.of("filter", Map.of("roles", List.of("professional"))),
                "reference",
                "rest",
                "resampling",
                Map.of("bootstrap", 200, "permutations", 200));
        JsonNode run = finished(start(request));
        assertThat(run.get("status").asText()).isEqualTo("done");
        JsonNode result = run.get("result");
        assertThat(result.get("request").get("reference").asText()).isEqualTo("rest");
        assertThat(result.get("focus").get("stories").asInt()
                        + result.get("reference").get("stories").asInt())
                .isBetween(1395, 1405);
        assertThat(result.get("leftOutVariables").toString()).contains("role");
        for (JsonNode p : result.get("patterns")) {
            assertThat(p.get("questions").toString()).doesNotContain("\"role\"");
        }
    }

    @Test
    void shouldRefuseBadRequestsNamingTheField() {
        refused(Map.of("focus", Map.of("filter", YEAR_2020), "reference", "rest"), 422, "storyPoint");
        refused(with("module", "kern"), 422, "module");
        refused(
                Map.of("module", "kern", "focus", Map.of("storyPoints", List.of("bestaat-niet")), "reference", "rest"),
                422,
                "focus.storyPoints[0]");
        refused(
                Map.of("module", "bestaat-niet", "focus", Map.of("storyPoints", List.of("x")), "reference", "rest"),
                404,
                "module");
        refused(with("storyPoint", "bestaat-niet"), 404, "storyPoint");
        refused(with("focus", null), 422, "focus");
        refused(with("focus", Map.of("storyPoints", List.of("twente"))), 422, "focus.storyPoints");
        refused(with("reference", null), 422, "reference");
        refused(with("reference", "elders"), 422, "reference");
        refused(with("reference", 5), 400, "reference");
        refused(with("reference", Map.of("filter", YEAR_2020)), 422, "reference.filter");
        refused(
                with("reference", Map.of("filter", Map.of("from", "2020-01-01", "to", "2019-01-01"))),
                422,
                "reference.filter.to");
        refused(
                with("focus", Map.of("filter", Map.of("answers", Map.of("onbekend", List.of("x"))))),
                422,
                "focus.filter.answers.onbekend");
        refused(with("settings", Map.of("maxQ", 2)), 422, "settings.maxQ");
        refused(with("resampling", Map.of("bootstrap", 5)), 422, "resampling.bootstrap");
        refused(with("resampling", Map.of("permutations", 1_000_000)), 422, "resampling.permutations");
        refused(with("resampling", Map.of("seed", "vijf")), 400, "resampling.seed");
        refused(with("colour", "blue"), 400, "colour");
    }

    @Test
    void shouldLetOnlyAnalystsOfTheStoryPointCompare() throws Exception {
        String outsider = "analyst-" + uniqueSlug("elders");
        String other = Fixtures.publishedStoryPoint("ander");
        Fixtures.adminPost(
                "/api/users",
                Map.of(
                        "username",
                        outsider,
                        "password",
                        "a-long-enough-password",
                        "roles",
                        List.of("analyst"),
                        "storyPoints",
                        List.of(other)),
                201,
                "username");
        as(outsider, "a-long-enough-password")
                .contentType(ContentType.JSON)
                .body(periods())
                .post("/api/comparisons")
                .then()
                .statusCode(403);
        String id = start(periods());
        as(outsider, "a-long-enough-password")
                .get("/api/comparisons/" + id)
                .then()
                .statusCode(403);
        as(outsider, "a-long-enough-password")
                .get("/api/storypoints/" + slug + "/comparisons")
                .then()
                .statusCode(403);
        given().contentType(ContentType.JSON)
                .body(periods())
                .post("/api/comparisons")
                .then()
                .statusCode(401);
        asAdmin()
                .get("/api/comparisons/00000000-0000-0000-0000-000000000000")
                .then()
                .statusCode(404)
                .contentType(containsString("application/problem+json"));
        finished(id);
    }

    @Test
    void shouldTakeOverARunWhoseWorkerDiedAndGiveTheSameResult() throws Exception {
        Map<String, Object> request = new HashMap<>(periods());
        request.put("resampling", Map.of("bootstrap", 200, "permutations", 200));
        String id = start(request);
        String first = JSON.writeValueAsString(finished(id).get("result"));
        // the same run as if a replica had claimed it and then died: running, with an old heartbeat
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE comparison_run SET status = 'running', "
                        + "claimed_by = 'vp-dead', heartbeat_at = now() - interval '1 minute', progress = 0.3, "
                        + "result = NULL, attempts = 1 WHERE id = ?")) {
            ps.setObject(1, UUID.fromString(id));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        JsonNode run = finished(id);
        assertThat(run.get("status").asText()).isEqualTo("done");
        assertThat(run.get("attempts").asInt()).isEqualTo(2);
        assertThat(JSON.writeValueAsString(run.get("result"))).isEqualTo(first);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT claimed_by FROM comparison_run WHERE id = ?")) {
            ps.setObject(1, UUID.fromString(id));
            var rs = ps.executeQuery();
            rs.next();
            assertThat(rs.getString(1)).isNotEqualTo("vp-dead");
        }
    }

    private static Map<String, Object> periods() {
        return Map.of(
                "storyPoint", slug,
                "focus", Map.of("filter", YEAR_2020),
                "reference", Map.of("filter", YEAR_2019));
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> request = new HashMap<>(periods());
        request.put(field, value);
        return request;
    }

    private static void refused(Map<String, Object> request, int status, String field) {
        asAdmin()
                .contentType(ContentType.JSON)
                .body(request)
                .post("/api/comparisons")
                .then()
                .statusCode(status)
                .contentType(containsString("application/problem+json"))
                .body("errors.field", hasItem(field));
    }

    private static String start(Map<String, Object> request) {
        return asAdmin()
                .contentType(ContentType.JSON)
                .body(request)
                .post("/api/comparisons")
                .then()
                .statusCode(202)
                .header("Location", containsString("/api/comparisons/"))
                .body("status", equalTo("queued"))
                .extract()
                .path("id");
    }

    private static JsonNode finished(String id) throws Exception {
        return Evaluations.finishedAt("/api/comparisons/" + id, Duration.ofSeconds(120));
    }
}
