package nl.vertelpunt.moderation;

import static io.restassured.RestAssured.given;
import static nl.vertelpunt.testing.Fixtures.aSubmission;
import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.publishedStoryPoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.vertelpunt.testing.Database;
import nl.vertelpunt.testing.Evaluations;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** Personal data in stories: flagged on intake, redacted for good, hidden from analysis; withdrawal by the storyteller. */
@QuarkusTest
class ModerationTest {

    private static final String EMAIL = "moeder.van.tim@voorbeeld.nl";
    private static final String TEXT =
            "De hulpverlener gaf me haar nummer 06-12345678 niet, dus mail ik nu: " + EMAIL + ". Het duurde lang.";

    @Inject
    AgroalDataSource dataSource;

    private static Response share(String slug, String text) {
        Map<String, Object> story = aSubmission();
        story.put("text", text);
        return given().contentType(ContentType.JSON).body(story).post("/api/storypoints/" + slug + "/stories");
    }

    @Test
    void shouldFlagPersonalDataOnIntakeAndRedactItForGood() {
        String slug = publishedStoryPoint("moderation");
        // an address no other test uses, so "gone from the database" means gone
        String email = "ouder" + System.nanoTime() + "@voorbeeld.nl";
        String text = TEXT.replace(EMAIL, email);
        String id = share(slug, text).then().statusCode(201).extract().path("id");

        asAdmin()
                .get("/api/storypoints/" + slug + "/stories/" + id)
                .then()
                .statusCode(200)
                .body("flagged", equalTo(true))
                .body("flags.kind", equalTo(List.of("phone", "email")))
                .body("flags[1].start", equalTo(text.indexOf(email)))
                .body("flags[1].end", equalTo(text.indexOf(email) + email.length()));

        int start = text.indexOf(email);
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("field", "text", "start", start, "end", start + email.length()))
                .post("/api/storypoints/" + slug + "/moderation/stories/" + id + "/redactions")
                .then()
                .statusCode(200)
                .body("text", containsString("mail ik nu: [verwijderd]."))
                .body("flagged", equalTo(true))
                .body("flags.kind", equalTo(List.of("phone")));
        // the original is gone from the database, the log holds no content
        assertThat(Database.everyRowAsText(dataSource))
                .noneSatisfy(row -> assertThat(row).contains(email));
        assertThat(Database.everyRowAsText(dataSource))
                .anySatisfy(row -> assertThat(row)
                        .startsWith("moderation_log")
                        .contains("\"action\":\"redact\"")
                        .contains("\"done_by\":\"admin\"")
                        .contains("text, "));

        long flag = asAdmin()
                .get("/api/storypoints/" + slug + "/moderation/stories/" + id + "/flags")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("[0].id");
        asAdmin()
                .post("/api/storypoints/" + slug + "/moderation/stories/" + id + "/flags/" + flag + "/dismissal")
                .then()
                .statusCode(200)
                .body("flagged", equalTo(false))
                .body("flags[0].dismissed", equalTo(true));
    }

    @Test
    void shouldRefuseRedactionsOutsideTheText() {
        String slug = publishedStoryPoint("badredact");
        String id = share(slug, TEXT).then().statusCode(201).extract().path("id");
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("field", "text", "start", 5, "end", 5000))
                .post("/api/storypoints/" + slug + "/moderation/stories/" + id + "/redactions")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("start"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("field", "answers", "start", 0, "end", 2))
                .post("/api/storypoints/" + slug + "/moderation/stories/" + id + "/redactions")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("field"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("field", "text", "start", 0, "end", 2))
                .post("/api/storypoints/" + slug + "/moderation/stories/bestaat-niet/redactions")
                .then()
                .statusCode(404);
    }

    @Test
    void shouldKeepHiddenStoriesOutOfExportsDashboardsAndEvaluations() throws Exception {
        String slug = publishedStoryPoint("hide");
        String hidden = share(slug, "Een verhaal dat verborgen wordt, want het is te herkenbaar voor iedereen.")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String kept = share(slug, "Een gewoon verhaal over wachten op hulp, dat blijft zoals het is.")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("hidden", true))
                .put("/api/storypoints/" + slug + "/moderation/stories/" + hidden + "/visibility")
                .then()
                .statusCode(200)
                .body("hidden", equalTo(true));

        String csv = asAdmin()
                .get("/api/storypoints/" + slug + "/stories.csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(csv).contains(kept).doesNotContain(hidden);
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("hidden", true))
                .post("/api/storypoints/" + slug + "/stories/search")
                .then()
                .statusCode(200)
                .body("stories.id", equalTo(List.of(hidden)))
                .body("stories[0].hidden", equalTo(true));
        String run = asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("storyPoint", slug, "filter", Map.of("includeIncomplete", true)))
                .post("/api/evaluations")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        assertThat(Evaluations.finished(run).get("stories").asText()).isEqualTo("<5");
        // staff see the count suppressed; the run itself read exactly the one story that is not hidden
        assertThat(Database.queryInt(dataSource, "SELECT story_count FROM evaluation_run WHERE id = ?::uuid", run))
                .isEqualTo(1);
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("hidden", false))
                .put("/api/storypoints/" + slug + "/moderation/stories/" + hidden + "/visibility")
                .then()
                .statusCode(200);
        assertThat(asAdmin()
                        .get("/api/storypoints/" + slug + "/stories.csv")
                        .then()
                        .extract()
                        .asString())
                .contains(hidden);
    }

    @Test
    void shouldLetTheStorytellerWithdrawTheirStoryWithTheReceiptCodeOnly() {
        String slug = publishedStoryPoint("withdraw");
        Response shared = share(slug, "Mijn verhaal, dat ik later toch liever terugtrek uit het vertelpunt.");
        shared.then()
                .statusCode(201)
                .body("receiptCode", matchesPattern("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"));
        String id = shared.path("id");
        String code = shared.path("receiptCode");
        assertThat(Database.everyRowAsText(dataSource))
                .noneSatisfy(row -> assertThat(row).contains(code));

        given().contentType(ContentType.JSON)
                .body(Map.of("receiptCode", "AAAA-BBBB-CCCC-DDDD"))
                .post("/api/storypoints/" + slug + "/withdrawals")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("receiptCode"));
        given().contentType(ContentType.JSON)
                .body(Map.of("receiptCode", code.toLowerCase().replace("-", " ")))
                .post("/api/storypoints/" + slug + "/withdrawals")
                .then()
                .statusCode(204);
        asAdmin().get("/api/storypoints/" + slug + "/stories/" + id).then().statusCode(404);
        assertThat(Database.everyRowAsText(dataSource))
                .anySatisfy(row -> assertThat(row)
                        .startsWith("moderation_log")
                        .contains("\"action\":\"withdraw\"")
                        .contains(id)
                        .contains("\"detail\":null"));
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON)
                    .body(Map.of(
                            "receiptCode",
                            "WRNG-" + UUID.randomUUID().toString().substring(0, 4)))
                    .post("/api/storypoints/" + slug + "/withdrawals")
                    .then()
                    .statusCode(422);
        }
        given().contentType(ContentType.JSON)
                .body(Map.of("receiptCode", code))
                .post("/api/storypoints/" + slug + "/withdrawals")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("detail", not(containsString(code)));
    }

    @Test
    void shouldIgnoreForwardedForWhenNotBehindAProxy() {
        // without vertelpunt.rate-limit.forwarded the header is the client's own claim: the connection counts
        String slug = publishedStoryPoint("withdraw-direct");
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", "203.0.113." + i)
                    .contentType(ContentType.JSON)
                    .body(Map.of("receiptCode", "WRNG-WRNG-WRNG-000" + i))
                    .post("/api/storypoints/" + slug + "/withdrawals")
                    .then()
                    .statusCode(422);
        }
        given().header("X-Forwarded-For", "203.0.113.99")
                .contentType(ContentType.JSON)
                .body(Map.of("receiptCode", "WRNG-WRNG-WRNG-0009"))
                .post("/api/storypoints/" + slug + "/withdrawals")
                .then()
                .statusCode(429);
    }

    @Test
    void shouldGiveTheReceiptCodeOnlyOnce() {
        String slug = publishedStoryPoint("receipt");
        Map<String, Object> story = aSubmission();
        given().contentType(ContentType.JSON)
                .body(story)
                .post("/api/storypoints/" + slug + "/stories")
                .then()
                .statusCode(201)
                .body("receiptCode", Matchers.notNullValue());
        given().contentType(ContentType.JSON)
                .body(story)
                .post("/api/storypoints/" + slug + "/stories")
                .then()
                .statusCode(200)
                .body("receiptCode", Matchers.nullValue());
    }
}
