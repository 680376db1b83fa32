package nl.vertelpunt.story;

import static io.restassured.RestAssured.given;
import static nl.vertelpunt.testing.Fixtures.aSubmission;
import static nl.vertelpunt.testing.Fixtures.aSubmissionWith;
import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.publishedStoryPoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import nl.vertelpunt.testing.Database;
import nl.vertelpunt.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
class StoryIntakeTest {

    @Inject
    AgroalDataSource dataSource;

    private static Response submit(String slug, Object body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/storypoints/" + slug + "/stories");
    }

    @Test
    void shouldAcceptAnAnswerToEveryQuestionType() {
        String slug = publishedStoryPoint("alltypes");
        Map<String, Object> story = aSubmission();
        story.put("role", "professional");
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("tip", "Luister naar ouders, ook als het druk is.");
        answers.put("gevolg", "zeer-negatief");
        answers.put("gehoord", "NA");
        answers.put("op-tijd", 0);
        answers.put("themas", List.of("thuis", "school"));
        answers.put("balans", List.of(20, 30, 50));
        answers.put("werkdruk", 100);
        story.put("answers", answers);

        String id = submit(slug, story)
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/storypoints/" + slug + "/stories/" + submitIdOf(story, slug)))
                .body("id", matchesPattern("[0-9A-Z]{12}"))
                .body("complete", equalTo(true))
                .body("version", equalTo(1))
                .extract()
                .path("id");

        asAdmin()
                .get("/api/storypoints/" + slug + "/stories/" + id)
                .then()
                .statusCode(200)
                .body("role", equalTo("professional"))
                .body("channel", equalTo("online"))
                .body("title", equalTo("Eindelijk gehoord"))
                .body("submittedAt", notNullValue())
                // stored in questionnaire order, multichoice in option order
                .body(
                        "answers",
                        equalTo(Map.of(
                                "gevolg",
                                "zeer-negatief",
                                "gehoord",
                                "NA",
                                "op-tijd",
                                0,
                                "themas",
                                List.of("school", "thuis"),
                                "balans",
                                List.of(20, 30, 50),
                                "tip",
                                "Luister naar ouders, ook als het druk is.",
                                "werkdruk",
                                100)))
                .body("answeredCount", equalTo(7));
    }

    /** Repeating a submission is idempotent, so the Location of the first answer can be looked up again. */
    private static String submitIdOf(Map<String, Object> story, String slug) {
        return submit(slug, story).then().statusCode(200).extract().path("id");
    }

    @Test
    void shouldKeepUnansweredQuestionsOutOfTheStory() {
        String slug = publishedStoryPoint("unanswered");
        Map<String, Object> story = aSubmission();
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("gevolg", "negatief");
        answers.put("gehoord", null);
        answers.put("themas", List.of());
        answers.put("tip", "   ");
        story.put("answers", answers);
        String id = submit(slug, story).then().statusCode(201).extract().path("id");
        asAdmin()
                .get("/api/storypoints/" + slug + "/stories/" + id)
                .then()
                .body("answers", equalTo(Map.of("gevolg", "negatief")))
                .body("answeredCount", equalTo(1));
    }

    @Test
    void shouldStoreASubmissionOnlyOnceWhenItIsSentAgain() {
        String slug = publishedStoryPoint("idempotent");
        Map<String, Object> story = aSubmission();
        String first = submit(slug, story).then().statusCode(201).extract().path("id");
        String second = submit(slug, story).then().statusCode(200).extract().path("id");
        assertThat(second).isEqualTo(first);
        assertThat(Database.storyCount(dataSource, slug)).isEqualTo(1);
    }

    @Test
    void shouldStoreASubmissionOnlyOnceWhenCopiesArriveAtTheSameMoment() throws Exception {
        String slug = publishedStoryPoint("doubleclick");
        Map<String, Object> story = aSubmission();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> copies = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                copies.add(() -> submit(slug, story).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(copies)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(200, 201);
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(Database.storyCount(dataSource, slug)).isEqualTo(1);
    }

    @Test
    void shouldRefuseASubmissionIdUsedAtAnotherStoryPoint() {
        String first = publishedStoryPoint("reuse-a");
        String other = publishedStoryPoint("reuse-b");
        Map<String, Object> story = aSubmission();
        submit(first, story).then().statusCode(201);
        submit(other, story)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("submissionId"));
        assertThat(Database.storyCount(dataSource, other)).isZero();
    }

    @Test
    void shouldMarkStoriesCompleteByTheStoryPointsRule() {
        // the rule of the test story point: at least 5 words and 2 answered questions
        String slug = publishedStoryPoint("complete");
        Map<String, Object> shortStory = aSubmission();
        shortStory.put("text", "Het ging goed, echt!");
        submit(slug, shortStory).then().statusCode(201).body("complete", equalTo(false));

        Map<String, Object> fewAnswers = aSubmission();
        fewAnswers.put("answers", Map.of("gehoord", 10));
        submit(slug, fewAnswers).then().statusCode(201).body("complete", equalTo(false));

        Map<String, Object> enough = aSubmission();
        enough.put("text", "Het ging goed, echt waar!");
        enough.put("answers", Map.of("gehoord", "NA", "gevolg", "positief"));
        submit(slug, enough).then().statusCode(201).body("complete", equalTo(true));
    }

    static Stream<Arguments> badSubmissions() {
        Map<String, Object> noText = aSubmission();
        noText.remove("text");
        Map<String, Object> blankText = aSubmission();
        blankText.put("text", "   \n ");
        Map<String, Object> longText = aSubmission();
        longText.put("text", "woord ".repeat(3334) + "x");
        Map<String, Object> unknownRole = aSubmission();
        unknownRole.put("role", "opa");
        Map<String, Object> noRole = aSubmission();
        noRole.remove("role");
        Map<String, Object> noSubmissionId = aSubmission();
        noSubmissionId.remove("submissionId");
        Map<String, Object> badSubmissionId = aSubmission();
        badSubmissionId.put("submissionId", "12345");
        Map<String, Object> unknownField = aSubmission();
        unknownField.put("email", "iemand@example.nl");
        Map<String, Object> badLanguage = aSubmission();
        badLanguage.put("language", "de");
        Map<String, Object> longTitle = aSubmission();
        longTitle.put("title", "t".repeat(201));
        Map<String, Object> answersNotObject = aSubmission();
        answersNotObject.put("answers", List.of(1, 2));
        Map<String, Object> notForRole = aSubmissionWith("werkdruk", 50);

        return Stream.of(
                Arguments.of("unknown role", unknownRole, 422, "role"),
                Arguments.of("missing role", noRole, 422, "role"),
                Arguments.of("unknown question", aSubmissionWith("bestaat-niet", 5), 422, "answers.bestaat-niet"),
                Arguments.of("question not for the role", notForRole, 422, "answers.werkdruk"),
                Arguments.of("slider above 100", aSubmissionWith("gehoord", 101), 422, "answers.gehoord"),
                Arguments.of("slider below 0", aSubmissionWith("gehoord", -1), 422, "answers.gehoord"),
                Arguments.of("fractional slider", aSubmissionWith("gehoord", 50.5), 422, "answers.gehoord"),
                Arguments.of("slider as text", aSubmissionWith("gehoord", "50"), 422, "answers.gehoord"),
                Arguments.of("NA where not allowed", aSubmissionWith("op-tijd", "NA"), 422, "answers.op-tijd"),
                Arguments.of("unknown option", aSubmissionWith("gevolg", "heel-goed"), 422, "answers.gevolg"),
                Arguments.of("choice as list", aSubmissionWith("gevolg", List.of("positief")), 422, "answers.gevolg"),
                Arguments.of(
                        "unknown multichoice option",
                        aSubmissionWith("themas", List.of("school", "hobby")),
                        422,
                        "answers.themas[1]"),
                Arguments.of(
                        "duplicate options",
                        aSubmissionWith("themas", List.of("school", "school")),
                        422,
                        "answers.themas[1]"),
                Arguments.of(
                        "too many options",
                        aSubmissionWith("themas", List.of("school", "thuis", "werk")),
                        422,
                        "answers.themas"),
                Arguments.of(
                        "triad not summing to 100",
                        aSubmissionWith("balans", List.of(30, 30, 30)),
                        422,
                        "answers.balans"),
                Arguments.of(
                        "triad with two values", aSubmissionWith("balans", List.of(50, 50)), 422, "answers.balans"),
                Arguments.of(
                        "triad with a negative share",
                        aSubmissionWith("balans", List.of(-10, 60, 50)),
                        422,
                        "answers.balans"),
                Arguments.of("text answer not a text", aSubmissionWith("tip", 12), 422, "answers.tip"),
                Arguments.of("missing story text", noText, 422, "text"),
                Arguments.of("blank story text", blankText, 422, "text"),
                Arguments.of("story text over 20,000 characters", longText, 422, "text"),
                Arguments.of("title over 200 characters", longTitle, 422, "title"),
                Arguments.of("language not offered", badLanguage, 422, "language"),
                Arguments.of("missing submission id", noSubmissionId, 422, "submissionId"),
                Arguments.of("malformed submission id", badSubmissionId, 422, "submissionId"),
                Arguments.of("unknown field", unknownField, 422, "email"),
                Arguments.of("answers not an object", answersNotObject, 422, "answers"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSubmissions")
    void shouldRefuseBadInputNamingTheFieldAndStoreNothing(
            String name, Map<String, Object> body, int status, String field) {
        String slug = publishedStoryPoint("bad");
        submit(slug, body)
                .then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("errors[0].field", equalTo(field));
        assertThat(Database.storyCount(dataSource, slug)).isZero();
    }

    @Test
    void shouldRefuseABodyOver64KilobytesMalformedJsonAndOtherContentTypes() {
        String slug = publishedStoryPoint("raw");
        String huge = "{\"text\": \"" + "a".repeat(70 * 1024) + "\"}";
        given().contentType(ContentType.JSON)
                .body(huge)
                .post("/api/storypoints/" + slug + "/stories")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        given().contentType(ContentType.JSON)
                .body("{\"role\": \"ouder\", ")
                .post("/api/storypoints/" + slug + "/stories")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        given().contentType(ContentType.JSON)
                .body("[1, 2]")
                .post("/api/storypoints/" + slug + "/stories")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", containsString("JSON object"));
        given().contentType(ContentType.JSON)
                .body("")
                .post("/api/storypoints/" + slug + "/stories")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", containsString("empty"));
        given().contentType(ContentType.JSON)
                .body("\"een verhaal\"")
                .post("/api/storypoints/" + slug + "/stories")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        given().contentType(ContentType.JSON)
                .body("{\"role\": \"ouder\"} {}")
                .post("/api/storypoints/" + slug + "/stories")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        given().contentType("text/plain")
                .body("Mijn verhaal")
                .post("/api/storypoints/" + slug + "/stories")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("Content-Type"));
        given().contentType("application/x-www-form-urlencoded")
                .formParam("text", "x")
                .post("/api/storypoints/" + slug + "/stories")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("Content-Type"))
                .body("errors[0].message", containsString("content type"));
        given().body("{}".getBytes())
                .post("/api/storypoints/" + slug + "/stories")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("Content-Type"));
        assertThat(Database.storyCount(dataSource, slug)).isZero();
    }

    @Test
    void shouldAnswer404ForAnUnknownStoryPointNamingTheSlugAndStoreNothing() {
        Map<String, Object> story = aSubmission();
        submit("bestaat-niet", story)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("slug"))
                .body("errors[0].message", containsString("bestaat-niet"));
        assertThat(Database.queryInt(
                        dataSource,
                        "SELECT count(*) FROM story WHERE submission_id = ?::uuid",
                        story.get("submissionId")))
                .isZero();
        assertThat(Database.queryInt(dataSource, "SELECT count(*) FROM story_point WHERE slug = 'bestaat-niet'"))
                .isZero();
    }

    private static Response submitUtf8(String slug, Map<String, Object> story) throws Exception {
        // emoji as four UTF-8 bytes each, not as two \\u escapes of six bytes (Jackson's default)
        byte[] body = JsonMapper.builder()
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .build()
                .writeValueAsBytes(story);
        return given().contentType("application/json; charset=UTF-8")
                .body(body)
                .post("/api/storypoints/" + slug + "/stories");
    }

    /** Limits count characters as PostgreSQL does (code points): an emoji is one character, not two UTF-16 units. */
    @Test
    void shouldCountTitleTextAndTextAnswersInCodePoints() throws Exception {
        String slug = publishedStoryPoint("emoji");
        String smile = "\uD83D\uDE42";
        Map<String, Object> longest = aSubmissionWith("tip", smile.repeat(1000));
        longest.put("title", smile.repeat(200));
        // 14,000 emoji: 28,000 UTF-16 units, 56,000 bytes, within the 64 KB of a submission
        longest.put("text", smile.repeat(14_000));
        String id = submitUtf8(slug, longest).then().statusCode(201).extract().path("id");
        asAdmin()
                .get("/api/storypoints/" + slug + "/stories/" + id)
                .then()
                .statusCode(200)
                .body("title", equalTo(smile.repeat(200)))
                .body("answers.tip", equalTo(smile.repeat(1000)));

        Map<String, Object> longTitle = aSubmission();
        longTitle.put("title", smile.repeat(201));
        submitUtf8(slug, longTitle).then().statusCode(422).body("errors[0].field", equalTo("title"));
        submitUtf8(slug, aSubmissionWith("tip", smile.repeat(1001)))
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("answers.tip"));
        assertThat(Database.storyCount(dataSource, slug)).isEqualTo(1);
    }

    @Test
    void shouldRequireRequiredQuestionsOnTheForm() {
        String slug = Fixtures.uniqueSlug("required");
        Map<String, Object> definition = Fixtures.aDefinition(slug);
        List<Object> questions = new ArrayList<>((List<?>) definition.get("questions"));
        Map<String, Object> gevolg = new LinkedHashMap<>((Map<String, Object>) questions.get(0));
        gevolg.put("required", true);
        questions.set(0, gevolg);
        definition.put("questions", questions);
        asAdmin()
                .contentType(ContentType.JSON)
                .body(definition)
                .put("/api/storypoints/" + slug)
                .then()
                .statusCode(201);

        Map<String, Object> story = aSubmission();
        story.put("answers", Map.of("gehoord", 40));
        submit(slug, story).then().statusCode(422).body("errors[0].field", equalTo("answers.gevolg"));
        story.put("submissionId", UUID.randomUUID().toString());
        story.put("answers", Map.of("gehoord", 40, "gevolg", "negatief"));
        submit(slug, story).then().statusCode(201);
    }
}
