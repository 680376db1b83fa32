package nl.vertelpunt.keyword;

import static nl.vertelpunt.testing.Fixtures.aStaffMember;
import static nl.vertelpunt.testing.Fixtures.as;
import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.nl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.vertelpunt.evaluation.stats.Keyness;
import nl.vertelpunt.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The words that set two groups of stories apart, through {@code POST /api/storypoints/{slug}/keywords}: a planted
 * word is found strong and nothing is found without one ({@link PlantedWords}, fixed seeds), the counts and G² follow
 * from the stories made here, small words and groups stay hidden, flagged, hidden and redacted stories count as the
 * moderation left them, and every wrong request is refused naming the field.
 */
@QuarkusTest
class KeywordTest {

    private static final Map<String, Object> TWENTE = Map.of("answers", Map.of("regio", List.of("twente")));
    private static final Map<String, Object> UTRECHT = Map.of("answers", Map.of("regio", List.of("utrecht")));

    private static JsonPath keywords(String slug, Object focus, Object reference) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("focus", focus);
        body.put("reference", reference);
        return asAdmin()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/storypoints/" + slug + "/keywords")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    @Test
    void shouldFindAPlantedWordStrongWithItsCountsAndTest() {
        PlantedWords stories = new PlantedWords().groups(18, 200, 300, "wachtlijst", 0.45, 0.08);
        String slug = PlantedWords.storyPoint(5, stories);
        for (Object reference : List.of("rest", UTRECHT)) {
            JsonPath r = keywords(slug, TWENTE, reference);
            assertThat(r.getDouble("focusSize")).isEqualTo(200);
            assertThat(r.getDouble("referenceSize")).isEqualTo(300);
            assertThat(r.getBoolean("tooFew")).isFalse();
            assertThat(r.getList("words.word")).containsExactly("wachtlijst");
            int[] uses = stories.uses.get("wachtlijst");
            Keyness.Result expected = Keyness.of(uses[0], 200, uses[1], 300);
            assertThat(r.getDouble("words[0].g2")).isCloseTo(expected.g2(), within(1e-9));
            assertThat(r.getDouble("words[0].p")).isCloseTo(expected.p(), within(1e-12));
            assertThat(r.getDouble("words[0].logRatio")).isCloseTo(expected.logRatio(), within(1e-9));
            assertThat(r.getDouble("words[0].logRatio")).isGreaterThan(1.0);
            assertThat(r.getDouble("words[0].q")).isLessThan(0.05);
            // counts as every count: the nearest multiple of the threshold
            assertThat(r.getDouble("words[0].focusStories")).isEqualTo(Math.round(uses[0] / 5.0) * 5.0);
            assertThat(r.getDouble("words[0].referenceStories")).isEqualTo(Math.round(uses[1] / 5.0) * 5.0);
            // every word in both groups was tested: the neutral ones, the planted one and the opening's "gebeurde"
            assertThat(r.getDouble("tested")).isEqualTo(PlantedWords.NEUTRAL.size() + 2);
        }
        // the other way round, the same word is rarer in the focus
        JsonPath r = keywords(slug, UTRECHT, TWENTE);
        assertThat(r.getList("words.word")).containsExactly("wachtlijst");
        assertThat(r.getDouble("words[0].logRatio")).isLessThan(-1.0);
    }

    @Test
    void shouldFindNoWordsWhereNoneWasPlanted() {
        String slug = PlantedWords.storyPoint(5, new PlantedWords().groups(7, 200, 300, "wachtlijst", 0.2, 0.2));
        JsonPath r = keywords(slug, TWENTE, "rest");
        assertThat(r.getList("words")).isEmpty();
        assertThat(r.getDouble("tested")).isEqualTo(PlantedWords.NEUTRAL.size() + 2);
    }

    @Test
    void shouldNeverShowAWordOfFewerStoriesThanTheThresholdNorCompareASmallGroup() {
        PlantedWords stories = new PlantedWords().groups(3, 60, 60, "wachtlijst", 0.1, 0.1);
        for (int i = 0; i < 6; i++) {
            stories.story("drenthe", i < 4 ? List.of("logeerhuis", "school") : List.of("school"));
        }
        String slug = PlantedWords.storyPoint(5, stories);
        Map<String, Object> drenthe = Map.of("answers", Map.of("regio", List.of("drenthe")));
        // four stories use "logeerhuis", all of them in Drenthe: a striking word, but under the threshold of 5
        JsonPath r = keywords(slug, drenthe, "rest");
        assertThat(r.getBoolean("tooFew")).isFalse();
        assertThat(r.getList("words.word")).doesNotContain("logeerhuis");
        // a group of 1 to 4 stories is not compared at all; its size is "<5"
        JsonPath few = keywords(
                slug,
                Map.of("answers", Map.of("regio", List.of("drenthe")), "ranges", Map.of("gehoord", List.of(0, 5))),
                "rest");
        assertThat(few.getBoolean("tooFew")).isTrue();
        assertThat(few.getList("words")).isEmpty();
    }

    @Test
    void shouldCountStoriesAsModerationLeftThem() {
        PlantedWords stories = new PlantedWords();
        for (int i = 0; i < 12; i++) {
            stories.story("twente", List.of("pleeggezin", "school"));
            stories.story("utrecht", List.of("school"));
        }
        String slug = PlantedWords.storyPoint(1, stories);
        JsonPath before = keywords(slug, TWENTE, UTRECHT);
        assertThat(before.getList("words.word")).containsExactly("pleeggezin");
        assertThat(before.getDouble("words[0].focusStories")).isEqualTo(12);
        assertThat(before.getDouble("words[0].referenceStories")).isEqualTo(0);

        // a story with an unresolved personal-data flag is left out, and counts once its span is redacted
        Map<String, Object> flagged = Fixtures.aSubmission();
        flagged.put("text", "Ons pleeggezin belde 06-12345678 elke dag, dat was fijn voor school.");
        flagged.put("answers", Map.of("gevolg", "positief", "gehoord", 50, "regio", "utrecht"));
        String flaggedId = RestAssured.given()
                .contentType(ContentType.JSON)
                .body(flagged)
                .post("/api/storypoints/" + slug + "/stories")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        JsonPath withFlag = keywords(slug, TWENTE, UTRECHT);
        assertThat(withFlag.getDouble("referenceSize")).isEqualTo(12);
        assertThat(withFlag.getDouble("words[0].referenceStories")).isEqualTo(0);
        String text = (String) flagged.get("text");
        int start = text.indexOf("06-");
        redact(slug, flaggedId, start, start + "06-12345678".length());
        JsonPath redacted = keywords(slug, TWENTE, UTRECHT);
        assertThat(redacted.getDouble("referenceSize")).isEqualTo(13);
        assertThat(redacted.getDouble("words[0].referenceStories")).isEqualTo(1);

        // a redacted word is no longer counted (its stored words are cleared and analysed again)
        String first = firstStoryOf(slug, "twente");
        String firstText = asAdmin()
                .get("/api/storypoints/" + slug + "/stories/" + first)
                .then()
                .statusCode(200)
                .extract()
                .path("text");
        int at = firstText.indexOf("pleeggezin");
        redact(slug, first, at, at + "pleeggezin".length());
        assertThat(keywords(slug, TWENTE, UTRECHT).getDouble("words[0].focusStories"))
                .isEqualTo(11);

        // a hidden story counts nowhere
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("hidden", true))
                .put("/api/storypoints/" + slug + "/moderation/stories/" + first + "/visibility")
                .then()
                .statusCode(200);
        JsonPath hidden = keywords(slug, TWENTE, UTRECHT);
        assertThat(hidden.getDouble("focusSize")).isEqualTo(11);
        assertThat(hidden.getDouble("words[0].focusStories")).isEqualTo(11);
    }

    private static void redact(String slug, String id, int start, int end) {
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("field", "text", "start", start, "end", end))
                .post("/api/storypoints/" + slug + "/moderation/stories/" + id + "/redactions")
                .then()
                .statusCode(200);
    }

    private static String firstStoryOf(String slug, String region) {
        return asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("filter", Map.of("answers", Map.of("regio", List.of(region))), "size", 1))
                .post("/api/storypoints/" + slug + "/stories/search")
                .then()
                .statusCode(200)
                .extract()
                .path("stories[0].id");
    }

    @Test
    void shouldLetFacilitatorsInAndKeepOthersOut() {
        String slug = PlantedWords.storyPoint(5, new PlantedWords().groups(5, 10, 10, "wachtlijst", 0.5, 0.1));
        String other = Fixtures.publishedStoryPoint("anders");
        String facilitator =
                aStaffMember(Fixtures.uniqueSlug("begeleider"), "een-lang-wachtwoord", "facilitator", slug);
        String stranger = aStaffMember(Fixtures.uniqueSlug("vreemde"), "een-lang-wachtwoord", "analyst", other);
        Map<String, Object> body = Map.of("focus", TWENTE, "reference", "rest");
        as(facilitator, "een-lang-wachtwoord")
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/storypoints/" + slug + "/keywords")
                .then()
                .statusCode(200);
        as(stranger, "een-lang-wachtwoord")
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/storypoints/" + slug + "/keywords")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        RestAssured.given()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/storypoints/" + slug + "/keywords")
                .then()
                .statusCode(401);
        asAdmin()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/storypoints/bestaat-niet/keywords")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRefuseWrongRequestsNamingTheField() {
        String slug = PlantedWords.storyPoint(5, new PlantedWords().groups(5, 10, 10, "wachtlijst", 0.5, 0.1));
        String address = "/api/storypoints/" + slug + "/keywords";
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "focus",
                        Map.of("roles", List.of("kat"), "answers", Map.of("regio", List.of("friesland"))),
                        "reference",
                        Map.of("ranges", Map.of("gehoord", List.of(80, 20))),
                        "limit",
                        0))
                .post(address)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        containsInAnyOrder(
                                "focus.roles[0]", "focus.answers.regio[0]", "reference.ranges.gehoord", "limit"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("reference", "rest"))
                .post(address)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("focus"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("focus", TWENTE, "reference", "de rest"))
                .post(address)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("reference"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("focus", TWENTE, "reference", Map.of("roles", "ouder")))
                .post(address)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reference.roles"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body("{\"focus\": {}, \"reference\": 7}")
                .post(address)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reference"));
    }
}
