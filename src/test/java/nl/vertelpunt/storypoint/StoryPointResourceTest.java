package nl.vertelpunt.storypoint;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static nl.vertelpunt.testing.Fixtures.aDefinition;
import static nl.vertelpunt.testing.Fixtures.aSubmission;
import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.nl;
import static nl.vertelpunt.testing.Fixtures.publishedStoryPoint;
import static nl.vertelpunt.testing.Fixtures.uniqueSlug;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class StoryPointResourceTest {

    @Test
    void shouldServeTheSampleStoryPointLoadedAtStartup() {
        given().get("/api/storypoints/voordejeugd").then()
                .statusCode(200)
                .body("slug", equalTo("voordejeugd"))
                .body("definition.roles.id", equalTo(List.of("jongere", "ouder", "professional")))
                .body("definition.roles[0].label.nl", equalTo("Ja! Ik ben kind of jongere"))
                .body("definition.crisisHelp.nl", containsString("0800-0432"))
                .body("definition.crisisHelp.nl", containsString("0800-0113"))
                .body("definition.crisisHelp.nl", containsString("0800-2000"))
                .body("definition.crisisHelp.nl", containsString("112"))
                .body("definition.questions.id", hasItems("gevolg", "gehoord", "juiste-hulp", "op-tijd", "duidelijk", "regio", "soort-hulp"))
                .body("definition.questions.find { it.id == 'gehoord' }.number", equalTo(12))
                .body("definition.questions.find { it.id == 'gevolg' }.number", equalTo(2));
    }

    @Test
    void shouldPublishANewStoryPointAsVersionOne() {
        String slug = uniqueSlug("publish");
        asAdmin().contentType(ContentType.JSON).body(aDefinition(slug)).put("/api/storypoints/" + slug).then()
                .statusCode(201)
                .body("version", equalTo(1)).body("created", equalTo(true));

        given().get("/api/storypoints/" + slug).then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("definition.questions", hasSize(7))
                .body("definition.questions[1].notApplicable", equalTo(true))
                .body("definition.questions[3].roles", equalTo(List.of("ouder", "professional")));
    }

    @Test
    void shouldChangeNothingWhenTheSameDefinitionIsPublishedAgain() {
        String slug = publishedStoryPoint("same");
        asAdmin().contentType(ContentType.JSON).body(aDefinition(slug)).put("/api/storypoints/" + slug).then()
                .statusCode(200)
                .body("changed", equalTo(false)).body("version", equalTo(1)).body("revision", equalTo(1));
    }

    @Test
    void shouldRewriteTheVersionInPlaceWhileItHasNoStories() {
        String slug = publishedStoryPoint("inplace");
        Map<String, Object> changed = aDefinition(slug);
        changed.put("title", nl("Een nieuwe titel"));
        // even a type change is fine while nobody answered
        List<Object> questions = new ArrayList<>((List<?>) changed.get("questions"));
        questions.set(2, Map.of("id", "op-tijd", "number", 13, "type", "text", "label", nl("Op tijd?")));
        changed.put("questions", questions);

        asAdmin().contentType(ContentType.JSON).body(changed).put("/api/storypoints/" + slug).then()
                .statusCode(200)
                .body("version", equalTo(1)).body("revision", equalTo(2)).body("changed", equalTo(true));
        given().get("/api/storypoints/" + slug).then().body("definition.title.nl", equalTo("Een nieuwe titel"));
    }

    @Test
    void shouldMakeANewVersionOnceStoriesExistAndKeepTheirVersion() {
        String slug = publishedStoryPoint("versions");
        String storyId = given().contentType(ContentType.JSON).body(aSubmission())
                .post("/api/storypoints/" + slug + "/stories").then().statusCode(201)
                .extract().path("id");

        Map<String, Object> changed = aDefinition(slug);
        changed.put("title", nl("Tweede versie"));
        asAdmin().contentType(ContentType.JSON).body(changed).put("/api/storypoints/" + slug).then()
                .statusCode(200).body("version", equalTo(2)).body("revision", equalTo(1));

        String second = given().contentType(ContentType.JSON).body(aSubmission())
                .post("/api/storypoints/" + slug + "/stories").then().statusCode(201)
                .body("version", equalTo(2)).extract().path("id");

        asAdmin().get("/api/storypoints/" + slug + "/stories/" + storyId).then().statusCode(200).body("version", equalTo(1));
        asAdmin().get("/api/storypoints/" + slug + "/stories/" + second).then().statusCode(200).body("version", equalTo(2));
        asAdmin().get("/api/storypoints/" + slug + "/versions").then().statusCode(200)
                .body("version", equalTo(List.of(1, 2)))
                .body("definition.title.nl", equalTo(List.of("Vertel over de jeugdhulp", "Tweede versie")));
    }

    @Test
    void shouldRefuseToChangeTheTypeOfAQuestionThatHasAnswers() {
        String slug = publishedStoryPoint("typechange");
        given().contentType(ContentType.JSON).body(aSubmission()).post("/api/storypoints/" + slug + "/stories")
                .then().statusCode(201);
        Map<String, Object> changed = aDefinition(slug);
        List<Object> questions = new ArrayList<>((List<?>) changed.get("questions"));
        questions.set(1, Map.of("id", "gehoord", "number", 12, "type", "choice", "label", nl("Gehoord?"),
                "options", List.of(Map.of("id", "ja", "label", nl("Ja")), Map.of("id", "nee", "label", nl("Nee")))));
        changed.put("questions", questions);

        asAdmin().contentType(ContentType.JSON).body(changed).put("/api/storypoints/" + slug).then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("questions[1].type"))
                .body("errors[0].message", containsString("slider"));
        given().get("/api/storypoints/" + slug).then().body("version", equalTo(1));
    }

    @Test
    void shouldNameEveryProblemOfAnInvalidDefinition() {
        String slug = uniqueSlug("invalid");
        Map<String, Object> bad = aDefinition(slug);
        bad.put("title", Map.of("en", "English only"));
        bad.put("colour", "blue");
        List<Object> questions = new ArrayList<>((List<?>) bad.get("questions"));
        questions.add(Map.of("id", "gehoord", "number", 40, "type", "slider", "label", nl("Dubbel"),
                "left", nl("a"), "right", nl("b")));
        questions.add(Map.of("id", "keuze", "number", 41, "type", "choice", "label", nl("Keuze"),
                "options", List.of(Map.of("id", "a", "label", nl("A")), Map.of("id", "a", "label", nl("A2")))));
        questions.add(Map.of("id", "drie", "number", 42, "type", "triad", "label", nl("Drie"),
                "corners", List.of(nl("a"), nl("b"))));
        questions.add(Map.of("id", "voor", "number", 43, "type", "slider", "label", nl("Voor"),
                "left", nl("a"), "right", nl("b"), "roles", List.of("opa")));
        questions.add(Map.of("id", "vorm", "number", 44, "type", "dial", "label", nl("?")));
        questions.add(Map.of("id", "role", "number", 45, "type", "text", "label", nl("Rol")));
        bad.put("questions", questions);
        bad.put("completeness", Map.of("minWords", -1, "minAnsweredQuestions", 2));

        asAdmin().contentType(ContentType.JSON).body(bad).put("/api/storypoints/" + slug).then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("errors.field", hasItems("title.nl", "colour", "questions[7].id", "questions[8].options[1].id",
                        "questions[9].corners", "questions[10].roles[0]", "questions[11].type", "questions[12].id",
                        "completeness.minWords"));
        given().get("/api/storypoints/" + slug).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldRefuseADefinitionWhoseSlugDiffersFromTheAddress() {
        String slug = uniqueSlug("mismatch");
        asAdmin().contentType(ContentType.JSON).body(aDefinition("other-" + slug)).put("/api/storypoints/" + slug).then()
                .statusCode(422).body("errors[0].field", equalTo("slug"));
    }

    @Test
    void shouldRefuseMalformedJsonAndWrongContentType() {
        String slug = uniqueSlug("malformed");
        asAdmin().contentType(ContentType.JSON).body("{\"slug\": ").put("/api/storypoints/" + slug).then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("body"));
        asAdmin().contentType(ContentType.JSON).body("{\"slug\": \"a\", \"slug\": \"b\"}").put("/api/storypoints/" + slug).then()
                .statusCode(400).body("errors[0].message", containsString("Duplicate field"));
        asAdmin().contentType(ContentType.TEXT).body("slug").put("/api/storypoints/" + slug).then()
                .statusCode(415).contentType("application/problem+json").body("errors[0].field", equalTo("Content-Type"));
    }

    @Test
    void shouldLetOnlyAdminsPublish() {
        String slug = uniqueSlug("auth");
        given().contentType(ContentType.JSON).body(aDefinition(slug)).put("/api/storypoints/" + slug).then()
                .statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Basic"));
        given().auth().preemptive().basic("admin", "wrong-password-123").contentType(ContentType.JSON)
                .body(aDefinition(slug)).put("/api/storypoints/" + slug).then()
                .statusCode(401).contentType("application/problem+json");
        Map<String, Object> analyst = new HashMap<>(Map.of("username", "analyst-" + slug, "password", "analyst-password-1",
                "roles", List.of("analyst")));
        asAdmin().contentType(ContentType.JSON).body(analyst).post("/api/users").then().statusCode(201);
        given().auth().preemptive().basic("analyst-" + slug, "analyst-password-1").contentType(ContentType.JSON)
                .body(aDefinition(slug)).put("/api/storypoints/" + slug).then()
                .statusCode(403).contentType("application/problem+json");
    }

    @Test
    void shouldAnswerUnknownStoryPointsWithProblemJson() {
        given().get("/api/storypoints/does-not-exist").then()
                .statusCode(404).contentType("application/problem+json")
                .body("title", equalTo("Not found")).body("detail", containsString("does-not-exist"));
    }

    @Test
    void shouldListStoryPointsForAdmins() {
        asAdmin().get("/api/storypoints").then().statusCode(200).body("slug", hasItem("voordejeugd"));
        given().get("/api/storypoints").then().statusCode(401);
    }
}
