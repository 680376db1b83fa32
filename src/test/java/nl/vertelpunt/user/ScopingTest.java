package nl.vertelpunt.user;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static nl.vertelpunt.testing.Fixtures.aSubmission;
import static nl.vertelpunt.testing.Fixtures.as;
import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.publishedStoryPoint;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

/** An analyst of story point A gets nothing of story point B: not its stories, searches, dashboard, exports, evaluations or moderation. */
@QuarkusTest
class ScopingTest {

    @Test
    void shouldRefuseEverythingOfAnotherStoryPoint() {
        String mine = publishedStoryPoint("scope-mine");
        String theirs = publishedStoryPoint("scope-theirs");
        String story = given().contentType(ContentType.JSON).body(aSubmission()).post("/api/storypoints/" + theirs + "/stories")
                .then().statusCode(201).extract().path("id");
        String run = asAdmin().contentType(ContentType.JSON).body(Map.of("storyPoint", theirs)).post("/api/evaluations")
                .then().statusCode(202).extract().path("id");
        String user = "scoped-" + mine;
        asAdmin().contentType(ContentType.JSON).body(Map.of("username", user, "password", "a-long-enough-password",
                "roles", List.of("analyst", "facilitator"), "storyPoints", List.of(mine))).post("/api/users").then().statusCode(201);
        String base = "/api/storypoints/" + theirs;
        RequestSpecification json = as(user, "a-long-enough-password").contentType(ContentType.JSON);

        var forbidden = anyOf(is(403), is(404));
        as(user, "a-long-enough-password").get(base + "/stories/" + story).then().statusCode(forbidden);
        as(user, "a-long-enough-password").get(base + "/stories.csv").then().statusCode(forbidden);
        as(user, "a-long-enough-password").get(base + "/stories.xlsx").then().statusCode(forbidden);
        as(user, "a-long-enough-password").get(base + "/versions").then().statusCode(forbidden);
        as(user, "a-long-enough-password").get(base + "/evaluations").then().statusCode(forbidden);
        as(user, "a-long-enough-password").get("/api/evaluations/" + run).then().statusCode(forbidden);
        json.body(Map.of("q", "hulp")).post(base + "/stories/search").then().statusCode(forbidden);
        as(user, "a-long-enough-password").contentType(ContentType.JSON).body(Map.of()).post(base + "/dashboard").then().statusCode(forbidden);
        as(user, "a-long-enough-password").contentType(ContentType.JSON).body(Map.of("storyPoint", theirs)).post("/api/evaluations")
                .then().statusCode(forbidden);
        as(user, "a-long-enough-password").get(base + "/moderation/stories/" + story + "/flags").then().statusCode(forbidden);
        as(user, "a-long-enough-password").contentType(ContentType.JSON).body(Map.of("field", "text", "start", 0, "end", 3))
                .post(base + "/moderation/stories/" + story + "/redactions").then().statusCode(forbidden);
        as(user, "a-long-enough-password").contentType(ContentType.JSON).body(Map.of("hidden", true))
                .put(base + "/moderation/stories/" + story + "/visibility").then().statusCode(forbidden);
        as(user, "a-long-enough-password").contentType("text/csv").body("role,text\r\nouder,x\r\n")
                .post(base + "/stories/import").then().statusCode(forbidden);
        // and the same user works on their own story point
        as(user, "a-long-enough-password").contentType(ContentType.JSON).body(Map.of()).post("/api/storypoints/" + mine + "/dashboard")
                .then().statusCode(200);
    }
}
