package nl.vertelpunt.story;

import static io.restassured.RestAssured.given;
import static nl.vertelpunt.testing.Fixtures.aSubmission;
import static nl.vertelpunt.testing.Fixtures.as;
import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.publishedStoryPoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.vertelpunt.testing.Database;
import nl.vertelpunt.testing.Fixtures;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * Stories taken in person: at a verteltafel or typed in from a paper form, sent by a signed-in facilitator
 * of the story point or an admin, with the gathering's label and the day; anonymous storytellers share online.
 */
@QuarkusTest
class InPersonIntakeTest {

    private static final String PASSWORD = "a-long-enough-password";

    @Inject
    AgroalDataSource dataSource;

    private static String user(String role, String... storyPoints) {
        return Fixtures.aStaffMember(role + "-" + System.nanoTime(), PASSWORD, role, storyPoints);
    }

    private static Map<String, Object> inPerson(String channel, String gathering, String toldOn) {
        Map<String, Object> s = aSubmission();
        s.put("channel", channel);
        if (gathering != null) {
            s.put("gathering", gathering);
        }
        if (toldOn != null) {
            s.put("toldOn", toldOn);
        }
        return s;
    }

    private static Response post(RequestSpecification request, String slug, Object body) {
        return request.contentType(ContentType.JSON).body(body).post("/api/storypoints/" + slug + "/stories");
    }

    @Test
    void shouldStoreAVerteltafelStoryOfAFacilitatorWithItsGatheringAndDayOnce() {
        String slug = publishedStoryPoint("verteltafel");
        String facilitator = user("facilitator", slug);
        String today = LocalDate.now(ZoneId.of("Europe/Amsterdam")).toString();
        Map<String, Object> story = inPerson("verteltafel", "  Jongerencentrum, 12 maart ", today);

        String id = post(as(facilitator, PASSWORD), slug, story)
                .then()
                .statusCode(201)
                .body("created", equalTo(true))
                // the storyteller at the table keeps no receipt code, so none is made
                .body("receiptCode", nullValue())
                .extract()
                .path("id");
        post(as(facilitator, PASSWORD), slug, story)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("created", equalTo(false));
        assertThat(Database.storyCount(dataSource, slug)).isEqualTo(1);
        assertThat(Database.queryInt(
                        dataSource, "SELECT count(*) FROM story WHERE id = ? AND receipt_hash IS NULL", id))
                .isEqualTo(1);

        as(facilitator, PASSWORD)
                .get("/api/storypoints/" + slug + "/stories/" + id)
                .then()
                .statusCode(200)
                .body("channel", equalTo("verteltafel"))
                .body("gathering", equalTo("Jongerencentrum, 12 maart"))
                // only the day: the minute would tell who at the table told which story
                .body("submittedAt", equalTo(today + "T12:00:00Z"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("filter", Map.of("channels", List.of("verteltafel")), "page", 0, "size", 20))
                .post("/api/storypoints/" + slug + "/stories/search")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("stories[0].gathering", equalTo("Jongerencentrum, 12 maart"));
    }

    @Test
    void shouldStoreAPaperFormOfAnAdminOnTheDayWrittenOnIt() {
        String slug = publishedStoryPoint("papier");
        String yesterday =
                LocalDate.now(ZoneId.of("Europe/Amsterdam")).minusDays(1).toString();
        // the story point was made just now; a form written yesterday cannot be of it
        post(asAdmin(), slug, inPerson("papier", null, yesterday))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("toldOn")));
        String today = LocalDate.now(ZoneId.of("Europe/Amsterdam")).toString();
        String id = post(asAdmin(), slug, inPerson("papier", null, null))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        asAdmin()
                .get("/api/storypoints/" + slug + "/stories/" + id)
                .then()
                .statusCode(200)
                .body("channel", equalTo("papier"))
                .body("gathering", nullValue())
                .body("submittedAt", equalTo(today + "T12:00:00Z"));
    }

    @Test
    void shouldLetOnlyAFacilitatorOfTheStoryPointOrAnAdminSendStoriesTakenInPerson() {
        String slug = publishedStoryPoint("inperson-access");
        String other = publishedStoryPoint("inperson-other");
        for (String channel : List.of("verteltafel", "papier")) {
            post(given(), slug, inPerson(channel, "Buurthuis", null))
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("channel"));
            post(as(user("analyst", slug), PASSWORD), slug, inPerson(channel, null, null))
                    .then()
                    .statusCode(403)
                    .body("errors[0].field", equalTo("channel"));
            post(as(user("facilitator", other), PASSWORD), slug, inPerson(channel, null, null))
                    .then()
                    .statusCode(403)
                    .body("errors[0].field", equalTo("channel"));
        }
        assertThat(Database.storyCount(dataSource, slug)).isZero();
        // anonymous stories stay online, and signed-in staff sharing on the public form too
        String id = post(as(user("facilitator", slug), PASSWORD), slug, aSubmission())
                .then()
                .statusCode(201)
                .body("receiptCode", Matchers.notNullValue())
                .extract()
                .path("id");
        asAdmin().get("/api/storypoints/" + slug + "/stories/" + id).then().body("channel", equalTo("online"));
    }

    @Test
    void shouldNameTheFieldOfEveryBadInput() {
        String slug = publishedStoryPoint("inperson-bad");
        String tomorrowPlusOne =
                LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusDays(2).toString();
        Map<Object, String> cases = new LinkedHashMap<>();
        cases.put(inPerson("verteltafel", "x".repeat(101), null), "gathering");
        cases.put(inPerson("verteltafel", "Twee\nregels", null), "gathering");
        cases.put(inPerson("papier", null, tomorrowPlusOne), "toldOn");
        cases.put(inPerson("papier", null, "12-03-2026"), "toldOn");
        cases.put(inPerson("import", null, null), "channel");
        cases.put(inPerson("fax", null, null), "channel");
        Map<String, Object> notText = aSubmission();
        notText.put("channel", 3);
        cases.put(notText, "channel");
        cases.forEach((body, field) -> post(asAdmin(), slug, body)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field)));
        // the label of a gathering is for stories taken in person only
        Map<String, Object> online = aSubmission();
        online.put("gathering", "Buurthuis");
        online.put("toldOn", "2026-03-12");
        post(given(), slug, online)
                .then()
                .statusCode(422)
                .body("errors.field", equalTo(List.of("gathering", "toldOn")));
        assertThat(Database.storyCount(dataSource, slug)).isZero();
    }

    @Test
    void shouldAskTheSessionsCsrfTokenForStoriesSentWithTheSessionCookie() {
        String slug = publishedStoryPoint("inperson-csrf");
        String facilitator = user("facilitator", slug);
        Response login = given().contentType(ContentType.JSON)
                .body(Map.of("username", facilitator, "password", PASSWORD))
                .post("/api/session");
        String cookie = login.getCookie("vp_session");
        String csrf = login.path("csrfToken");
        post(given().cookie("vp_session", cookie), slug, inPerson("verteltafel", null, null))
                .then()
                .statusCode(403)
                .body("errors[0].field", equalTo("X-CSRF-Token"));
        post(
                        given().cookie("vp_session", cookie).header("X-CSRF-Token", "wrong"),
                        slug,
                        inPerson("verteltafel", null, null))
                .then()
                .statusCode(403);
        assertThat(Database.storyCount(dataSource, slug)).isZero();
        post(
                        given().cookie("vp_session", cookie).header("X-CSRF-Token", csrf),
                        slug,
                        inPerson("verteltafel", null, null))
                .then()
                .statusCode(201);
        assertThat(Database.storyCount(dataSource, slug)).isEqualTo(1);
    }
}
