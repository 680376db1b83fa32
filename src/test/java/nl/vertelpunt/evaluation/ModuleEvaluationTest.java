package nl.vertelpunt.evaluation;

import static nl.vertelpunt.testing.Fixtures.aStaffMember;
import static nl.vertelpunt.testing.Fixtures.as;
import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.publishedSample;
import static nl.vertelpunt.testing.Fixtures.publishedStoryPoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.vertelpunt.testing.Database;
import nl.vertelpunt.testing.Evaluations;
import nl.vertelpunt.testing.HeardStories;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Module-wide pattern evaluations (Vertelpunt 2.0): the core module {@code kern} across copies of the two sample story
 * points that include it (the national one and Twente), with generated stories at both and a planted difference
 * between them (Twente's storytellers felt heard more often). A regional analyst of Twente runs it and reads its
 * suppressed aggregates, but no story, export, quote or typical story of the national story point; a card their
 * facilitator makes holds Twente's stories only.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModuleEvaluationTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final String PASSWORD = "a-long-enough-password";
    private static final Matcher<Integer> REFUSED = anyOf(is(403), is(404));
    private static final String PLANTED = "slider_by_choice|gehoord|storyPoint";

    @Inject
    AgroalDataSource dataSource;

    private String national;
    private String twente;
    private String analyst;
    private String facilitator;

    /** Once per class, from the first test (RestAssured knows the test port only once a test runs). */
    private void twoStoryPointsWithStories() throws Exception {
        if (national != null) {
            return;
        }
        national = publishedSample("mod-nl", "voordejeugd.json", d -> {});
        // Twente counts small groups more strictly: the module-wide evaluation takes the strictest threshold
        twente = publishedSample("mod-tw", "twente.json", d -> d.put("suppressionThreshold", 10));
        HeardStories.importInto(national, "nl-", 500, 11, 0, 45);
        HeardStories.importInto(twente, "tw-", 400, 12, 55, 100);
        analyst = user("analist-" + twente, "analyst", twente);
        facilitator = user("begeleider-" + twente, "facilitator", twente);
    }

    @Test
    void shouldFindThePlantedDifferenceBetweenStoryPointsAndShowItSuppressedToARegionalAnalyst() throws Exception {
        twoStoryPointsWithStories();
        String run = as(analyst, PASSWORD)
                .contentType(ContentType.JSON)
                .body(Map.of("module", "kern", "storyPoints", List.of(national, twente)))
                .post("/api/evaluations")
                .then()
                .statusCode(202)
                .body("module", equalTo("kern"))
                .body("storyPoints", equalTo(List.of(national, twente)))
                .extract()
                .path("id");
        assertThat(Evaluations.finished(run).get("status").asText()).isEqualTo("done");

        JsonNode view = JSON.readTree(as(analyst, PASSWORD)
                .get("/api/evaluations/" + run)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        JsonNode result = view.get("result");
        assertThat(result.get("module").asText()).isEqualTo("kern");
        assertThat(result.get("settings").get("minGroupSize").asInt()).isEqualTo(10);
        JsonNode planted = pattern(result, PLANTED);
        assertThat(planted.get("strong").asBoolean()).isTrue();
        // the stories of Twente placed the slider higher: both groups are there, labelled with their titles
        assertThat(planted.get("groups").findValuesAsText("category")).containsExactly(national, twente);
        assertThat(planted.get("groups").get(1).get("mean").asDouble())
                .isGreaterThan(planted.get("groups").get(0).get("mean").asDouble() + 30);
        assertThat(planted.get("groups").get(1).get("label").asText()).contains("Twente");
        // every count staff see is a multiple of the strictest threshold, 10
        assertThat(view.get("stories").asInt() % 10).isZero();
        for (JsonNode g : planted.get("groups")) {
            assertThat(g.get("n").asInt() % 10).isZero();
        }
        JsonNode points = distribution(result, "storyPoint");
        for (JsonNode c : points.get("categories")) {
            assertThat(c.get("count").isNumber() ? c.get("count").asInt() % 10 : 0)
                    .isZero();
        }
        // the exact count stays stored, for provenance
        int stored = Database.queryInt(dataSource, "SELECT story_count FROM evaluation_run WHERE id = ?::uuid", run);
        assertThat(stored).isGreaterThan(view.get("stories").asInt() - 10);

        // the run is listed with Twente, for the analyst; the national story point's list stays closed to them
        as(analyst, PASSWORD)
                .get("/api/storypoints/" + twente + "/evaluations")
                .then()
                .statusCode(200)
                .body("id", hasItem(run));
        asAdmin()
                .get("/api/storypoints/" + national + "/evaluations")
                .then()
                .statusCode(200)
                .body("id", hasItem(run));

        // a facilitator of Twente makes a card of it: it belongs to Twente and holds Twente's stories only
        String card = as(facilitator, PASSWORD)
                .contentType(ContentType.JSON)
                .body(Map.of("runId", run, "pattern", PLANTED))
                .post("/api/cards")
                .then()
                .statusCode(201)
                .body("storyPoint", equalTo(twente))
                .extract()
                .path("id");
        List<String> onCard = as(facilitator, PASSWORD)
                .get("/api/cards/" + card)
                .then()
                .statusCode(200)
                .extract()
                .path("stories.id");
        assertThat(onCard).isNotEmpty().allMatch(id -> id.startsWith("tw-"));
        assertThat(Database.queryInt(
                        dataSource,
                        "SELECT count(*) FROM card_story cs JOIN story s ON s.pk = cs.story_pk "
                                + "JOIN story_point p ON p.id = s.story_point_id WHERE cs.card_id = ?::uuid AND p.slug <> ?",
                        card,
                        twente))
                .isZero();
        List<String> suggested = as(facilitator, PASSWORD)
                .get("/api/cards/" + card + "/suggestions?count=10")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        assertThat(suggested).allMatch(id -> id.startsWith("tw-"));
        String observation = as(facilitator, PASSWORD)
                .get("/api/cards/" + card)
                .then()
                .extract()
                .path("observation");
        assertThat(observation).contains("het vertelpunt").doesNotContain("vraag 0");

        // one card per pattern and story point: not twice at Twente, and Twente's facilitator makes none elsewhere
        as(facilitator, PASSWORD)
                .contentType(ContentType.JSON)
                .body(Map.of("runId", run, "pattern", PLANTED, "storyPoint", twente))
                .post("/api/cards")
                .then()
                .statusCode(409);
        refused(as(facilitator, PASSWORD)
                .contentType(ContentType.JSON)
                .body(Map.of("runId", run, "pattern", PLANTED, "storyPoint", national))
                .post("/api/cards"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("runId", run, "pattern", PLANTED, "storyPoint", "bestaat-niet"))
                .post("/api/cards")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("storyPoint"));

        // an admin's card of the same run belongs to the first story point covered, the national one
        String nationalCard = asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("runId", run, "pattern", "slider_by_choice|gehoord|role"))
                .post("/api/cards")
                .then()
                .statusCode(201)
                .body("storyPoint", equalTo(national))
                .extract()
                .path("id");

        // nothing of the national story point's stories reaches the regional analyst
        String nationalStory = Database.queryString(
                dataSource,
                "SELECT s.id FROM story s JOIN story_point p ON p.id = s.story_point_id WHERE p.slug = ? "
                        + "ORDER BY s.id LIMIT 1",
                national);
        String base = "/api/storypoints/" + national;
        refused(as(analyst, PASSWORD).get(base + "/stories/" + nationalStory));
        refused(as(analyst, PASSWORD)
                .contentType(ContentType.JSON)
                .body(Map.of("q", "hulp"))
                .post(base + "/stories/search"));
        refused(as(analyst, PASSWORD).get(base + "/stories.csv"));
        refused(as(analyst, PASSWORD).get(base + "/stories.xlsx"));
        refused(as(analyst, PASSWORD).get(base + "/evaluations"));
        refused(as(analyst, PASSWORD).get(base + "/cards"));
        refused(as(analyst, PASSWORD).get(base + "/cards/deck.html"));
        refused(as(analyst, PASSWORD).get("/api/cards/" + nationalCard));
        refused(as(analyst, PASSWORD).get("/api/cards/" + nationalCard + "/suggestions"));
        refused(as(analyst, PASSWORD).get("/api/cards/" + nationalCard + "/chart.svg"));
        refused(as(analyst, PASSWORD).get("/api/cards/" + nationalCard + "/revisions"));
        // and Twente's own endpoints do not take a national story
        refused(as(analyst, PASSWORD).get("/api/storypoints/" + twente + "/stories/" + nationalStory));
    }

    @Test
    void shouldNarrowTheStoryPointsByTheFilter() throws Exception {
        twoStoryPointsWithStories();
        String run = asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "module",
                        "kern",
                        "storyPoints",
                        List.of(national, twente),
                        "filter",
                        Map.of("answers", Map.of("storyPoint", List.of(twente)), "roles", List.of("ouder"))))
                .post("/api/evaluations")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        JsonNode result = Evaluations.finished(run).get("result");
        JsonNode points = distribution(result, "storyPoint");
        assertThat(points.get("categories").get(0).get("count").asInt()).isZero();
        assertThat(points.get("categories").get(1).get("count").asInt()).isPositive();
        int parentsAtTwente = Database.queryInt(
                dataSource,
                "SELECT count(*) FROM story s JOIN story_point p ON p.id = s.story_point_id "
                        + "WHERE p.slug = ? AND s.role = 'ouder' AND s.complete AND NOT s.hidden",
                twente);
        assertThat(result.get("stories").asInt())
                .isBetween(parentsAtTwente - 9, parentsAtTwente + 9); // rounded to tens for staff
    }

    @Test
    void shouldCompareARegionWithTheRestAcrossTheModuleForItsAnalystOnly() throws Exception {
        twoStoryPointsWithStories();
        String id = as(analyst, PASSWORD)
                .contentType(ContentType.JSON)
                .body(Map.of("module", "kern", "focus", Map.of("storyPoints", List.of(twente)), "reference", "rest"))
                .post("/api/comparisons")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        JsonNode run = Evaluations.finishedAt("/api/comparisons/" + id, Duration.ofSeconds(180));
        assertThat(run.get("status").asText()).isEqualTo("done");
        JsonNode view = JSON.readTree(as(analyst, PASSWORD)
                .get("/api/comparisons/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        JsonNode result = view.get("result");
        // the variable that chooses the sides is not compared; the sides hold each story point's stories
        assertThat(result.get("leftOutVariables").toString()).contains("storyPoint");
        int focusExact = Database.queryInt(dataSource, "SELECT focus_count FROM comparison_run WHERE id = ?::uuid", id);
        int twenteStories = Database.queryInt(
                dataSource,
                "SELECT count(*)::int FROM story s JOIN story_point p ON p.id = s.story_point_id "
                        + "WHERE p.slug = ? AND s.complete AND NOT s.hidden",
                twente);
        assertThat(focusExact).isEqualTo(twenteStories);
        // staff see the counts rounded to the strictest threshold of the story points with the module (10)
        assertThat(view.get("focusStories").asInt() % 10).isZero();
        assertThat(view.get("referenceStories").asInt() % 10).isZero();
        assertThat(result.get("summary").get("compared").asInt())
                .isEqualTo(result.get("patterns").size());
        // listed with Twente
        as(analyst, PASSWORD)
                .get("/api/storypoints/" + twente + "/comparisons")
                .then()
                .statusCode(200)
                .body("id", hasItem(id));
        // staff of a story point without the module read nothing of it
        String alone = publishedStoryPoint("mod-cmp-alone");
        String outsider = user("analist-" + alone, "analyst", alone);
        as(outsider, PASSWORD).get("/api/comparisons/" + id).then().statusCode(REFUSED);
        as(outsider, PASSWORD)
                .contentType(ContentType.JSON)
                .body(Map.of("module", "kern", "focus", Map.of("storyPoints", List.of(twente)), "reference", "rest"))
                .post("/api/comparisons")
                .then()
                .statusCode(REFUSED);
        // a side names a story point that does not include the module, or is missing
        as(analyst, PASSWORD)
                .contentType(ContentType.JSON)
                .body(Map.of("module", "kern", "focus", Map.of("storyPoints", List.of(alone)), "reference", "rest"))
                .post("/api/comparisons")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("focus.storyPoints[0]"));
        as(analyst, PASSWORD)
                .contentType(ContentType.JSON)
                .body(Map.of("module", "kern", "focus", Map.of(), "reference", "rest"))
                .post("/api/comparisons")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("focus.filter"));
    }

    @Test
    void shouldFollowAnIndicatorOfTheModuleForARegionAgainstTheRest() throws Exception {
        twoStoryPointsWithStories();
        Map<String, Object> request = Map.of(
                "indicators",
                List.of(Map.of("kind", "share-at-least", "question", "gehoord", "threshold", 50)),
                "interval",
                "quarter",
                "compare",
                Map.of("filter", Map.of("answers", Map.of("storyPoint", List.of(twente)))));
        JsonNode monitor = JSON.readTree(as(analyst, PASSWORD)
                .contentType(ContentType.JSON)
                .body(request)
                .post("/api/modules/kern/monitor")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(monitor.get("threshold").asInt()).isEqualTo(10);
        JsonNode series = monitor.get("indicators").get(0).get("series");
        assertThat(series.findValuesAsText("group")).containsExactly("focus", "rest");
        // Twente's stories put the slider at 55 or higher, the national ones at 45 or lower (the planted difference)
        int shown = 0;
        for (JsonNode p : series.get(0).get("points")) {
            if (p.hasNonNull("value")) {
                assertThat(p.get("value").asDouble()).isEqualTo(1.0);
                shown++;
            }
        }
        for (JsonNode p : series.get(1).get("points")) {
            if (p.hasNonNull("value")) {
                assertThat(p.get("value").asDouble()).isEqualTo(0.0);
                shown++;
            }
        }
        assertThat(shown).isPositive();
        // every count staff see is rounded to the strictest threshold, 10
        for (JsonNode s : series) {
            for (JsonNode p : s.get("points")) {
                assertThat(p.get("stories").isNumber() ? p.get("stories").asInt() % 10 : 0)
                        .isZero();
            }
        }
        // the story point is set apart by compare, it is no indicator; refused naming the field
        as(analyst, PASSWORD)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "indicators",
                        List.of(Map.of("kind", "share-option", "question", "storyPoint", "option", twente))))
                .post("/api/modules/kern/monitor")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("indicators[0].question"));
        // staff of a story point without the module see nothing of it
        String alone = publishedStoryPoint("mod-mon-alone");
        String outsider = user("begeleider-" + alone, "facilitator", alone);
        as(outsider, PASSWORD)
                .contentType(ContentType.JSON)
                .body(request)
                .post("/api/modules/kern/monitor")
                .then()
                .statusCode(REFUSED);
    }

    @Test
    void shouldRefuseWhatDoesNotFitTheModuleNamingTheField() throws Exception {
        twoStoryPointsWithStories();
        String alone = publishedStoryPoint("mod-alone");
        problem(Map.of("module", "kern", "storyPoint", national), 422, "module");
        problem(Map.of("filter", Map.of()), 422, "storyPoint");
        problem(Map.of("module", "bestaat-niet"), 404, "module");
        problem(Map.of("module", "kern", "storyPoints", List.of(national, alone)), 422, "storyPoints[1]");
        problem(Map.of("module", "kern", "storyPoints", List.of("bestaat-niet")), 422, "storyPoints[0]");
        problem(Map.of("module", "kern", "storyPoints", List.of(twente, twente)), 422, "storyPoints[1]");
        problem(Map.of("module", "kern", "storyPoints", List.of()), 422, "storyPoints");
        problem(Map.of("storyPoint", twente, "storyPoints", List.of(twente)), 422, "storyPoints");
        // a question of one story point only (the national 'regio', Twente's 'gemeente') is not the module's
        problem(
                Map.of(
                        "module",
                        "kern",
                        "storyPoints",
                        List.of(national, twente),
                        "filter",
                        Map.of("answers", Map.of("regio", List.of("twente")))),
                422,
                "filter.answers.regio");
        problem(
                Map.of(
                        "module",
                        "kern",
                        "storyPoints",
                        List.of(national, twente),
                        "subset",
                        Map.of("filter", Map.of("answers", Map.of("gemeente", List.of("enschede"))))),
                422,
                "subset.filter.answers.gemeente");
        problem(
                Map.of(
                        "module",
                        "kern",
                        "storyPoints",
                        List.of(national, twente),
                        "filter",
                        Map.of("answers", Map.of("storyPoint", List.of(alone)))),
                422,
                "filter.answers.storyPoint[0]");

        // an analyst of a story point without the module may not start it, nor read a run of it
        String outsider = user("buiten-" + alone, "analyst", alone);
        as(outsider, PASSWORD)
                .contentType(ContentType.JSON)
                .body(Map.of("module", "kern", "storyPoints", List.of(twente)))
                .post("/api/evaluations")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        String run = asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("module", "kern", "storyPoints", List.of(twente)))
                .post("/api/evaluations")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        refused(as(outsider, PASSWORD).get("/api/evaluations/" + run));
        as(outsider, PASSWORD)
                .get("/api/storypoints/" + alone + "/evaluations")
                .then()
                .statusCode(200)
                .body("id", not(hasItem(run)));
    }

    private static void problem(Map<String, Object> body, int status, String field) {
        asAdmin()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/evaluations")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    private static void refused(Response response) {
        response.then().log().ifValidationFails().statusCode(REFUSED).contentType("application/problem+json");
    }

    private static JsonNode pattern(JsonNode result, String key) {
        for (JsonNode p : result.get("patterns")) {
            if (EvaluationService.key(p).equals(key)) {
                return p;
            }
        }
        throw new AssertionError("no pattern " + key);
    }

    private static JsonNode distribution(JsonNode result, String variable) {
        for (JsonNode d : result.get("distributions")) {
            if (d.get("variable").asText().equals(variable)) {
                return d;
            }
        }
        throw new AssertionError("no distribution of " + variable);
    }

    /**
     * Imports synthetic stories (committed generator, fixed seed) whose answer to the core question 'gehoord' is drawn
     * from {@code low..high}: the planted difference between the story points.
     */
    private static String user(String name, String role, String storyPoint) {
        return aStaffMember(name, PASSWORD, role, storyPoint);
    }
}
