package nl.vertelpunt.storypoint;

import static io.restassured.RestAssured.given;
import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.nl;
import static nl.vertelpunt.testing.Fixtures.option;
import static nl.vertelpunt.testing.Fixtures.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.vertelpunt.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Question modules (Vertelpunt 2.0): a shared set of questions that story points include. Their questions are
 * written out in the story point's definition, keep their ids everywhere, and keep their meaning across versions.
 */
@QuarkusTest
class ModuleTest {

    private static Map<String, Object> module(String id, List<Object> questions) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("title", nl("Kern"));
        m.put("questions", questions);
        return m;
    }

    private static Map<String, Object> heard(String id, int number) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("id", id);
        q.put("number", number);
        q.put("type", "slider");
        q.put("label", nl("Gehoord voelen"));
        q.put("left", nl("Zeker niet"));
        q.put("right", nl("Zeker wel"));
        q.put("labelByRole", Map.of("jongere", nl("Voelde jij je gehoord?")));
        return q;
    }

    private static Map<String, Object> help(String id, int number, List<Object> options) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("id", id);
        q.put("number", number);
        q.put("type", "choice");
        q.put("label", nl("Soort hulp"));
        q.put("options", options);
        return q;
    }

    private static Map<String, Object> own(String id, int number) {
        return Map.of("id", id, "number", number, "type", "text", "label", nl("Eigen vraag " + id));
    }

    /** A story point of three roles with its own questions and the modules it includes. */
    private static Map<String, Object> storyPoint(String slug, List<Object> questions, List<Object> modules) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("slug", slug);
        d.put("title", nl("Regio"));
        d.put(
                "roles",
                List.of(
                        Map.of("id", "jongere", "label", nl("Ik ben een jongere")),
                        Map.of("id", "ouder", "label", nl("Ik ben ouder"))));
        d.put("storyPrompt", nl("Vertel"));
        d.put("completeness", Map.of("minWords", 0, "minAnsweredQuestions", 0));
        d.put("questions", questions);
        d.put("modules", modules);
        return d;
    }

    private static io.restassured.response.ValidatableResponse putModule(String id, Object body) {
        return asAdmin()
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/modules/" + id)
                .then();
    }

    private static io.restassured.response.ValidatableResponse putStoryPoint(String slug, Object body) {
        return asAdmin()
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/storypoints/" + slug)
                .then();
    }

    private static List<Object> twoKernQuestions(String prefix) {
        return List.of(
                heard(prefix + "-gehoord", 1),
                help(prefix + "-hulp", 2, List.of(option("thuis", "Thuis"), option("school", "School"))));
    }

    @Test
    void shouldShipTheNationalCoreAndARegionThatSharesIt() {
        // the samples: the national story point is the core module and its own extras; Twente adds a theme of its own
        JsonPath national = given().get("/api/storypoints/voordejeugd")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        JsonPath twente = given().get("/api/storypoints/twente")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        JsonPath kern = asAdmin()
                .get("/api/modules/kern")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> core = kern.getList("definition.questions.id");
        assertThat(core).contains("gehoord", "op-tijd", "balans").doesNotContain("regio", "tip");
        assertThat(national.getList("definition.questions.id", String.class))
                .containsSubsequence(core)
                .contains("regio", "tip");
        assertThat(twente.getList("definition.questions.id", String.class))
                .containsSubsequence(core)
                .containsSubsequence("gemeente", "gewoon-leven", "meehelpers", "dichtbij", "tip")
                .doesNotContain("regio");
        assertThat(kern.getList("includedBy", String.class)).contains("voordejeugd", "twente");
        assertThat(twente.getList("definition.modules.id", String.class))
                .containsExactly("kern", "twente-gewoon-leven");
        // each role is spoken to in the region's own questions too
        assertThat(twente.getString("definition.questions.find { it.id == 'gewoon-leven' }.labelByRole.jongere.nl"))
                .startsWith("Kon jij");
    }

    @Test
    void shouldWriteTheModulesQuestionsOutWhereTheStoryPointSaysAndPinTheVersion() {
        String kern = uniqueSlug("kern");
        putModule(kern, module(kern, twoKernQuestions(kern)))
                .statusCode(201)
                .body("version", equalTo(1))
                .body("created", equalTo(true));
        String regio = uniqueSlug("regio");
        // one block before the story point's own questions, and the same module can't come twice: only after
        putStoryPoint(
                        regio,
                        storyPoint(
                                regio,
                                List.of(own("eerste", 10), own("tweede", 11)),
                                List.of(Map.of("id", kern, "after", "eerste"))))
                .statusCode(201);
        JsonPath point = given().get("/api/storypoints/" + regio)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(point.getList("definition.questions.id"))
                .containsExactly("eerste", kern + "-gehoord", kern + "-hulp", "tweede");
        assertThat(point.getInt("definition.modules[0].version")).isEqualTo(1);
        assertThat(point.getString("definition.modules[0].after")).isEqualTo("eerste");
        // per-role wording comes along
        assertThat(point.getString("definition.questions[1].labelByRole.jongere.nl"))
                .isEqualTo("Voelde jij je gehoord?");

        // the definition as read back publishes as unchanged
        Map<String, Object> readBack = point.getMap("definition");
        putStoryPoint(regio, readBack).statusCode(200).body("changed", equalTo(false));

        // the module knows who includes it
        given().auth()
                .preemptive()
                .basic(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD)
                .get("/api/modules/" + kern)
                .then()
                .statusCode(200)
                .body("includedBy", hasItem(regio))
                .body("definition.questions[0].id", equalTo(kern + "-gehoord"));
    }

    @Test
    void shouldHoldTwoModulesAndAStoryTellsTheirQuestions() {
        String kern = uniqueSlug("kern");
        String thema = uniqueSlug("thema");
        putModule(kern, module(kern, twoKernQuestions(kern))).statusCode(201);
        putModule(thema, module(thema, List.of(heard(thema + "-sterk", 30)))).statusCode(201);
        String regio = uniqueSlug("regio");
        putStoryPoint(
                        regio,
                        storyPoint(
                                regio,
                                List.of(own("eigen", 20)),
                                List.of(Map.of("id", kern), Map.of("id", thema, "after", "eigen"))))
                .statusCode(201);
        JsonPath point =
                given().get("/api/storypoints/" + regio).then().extract().jsonPath();
        assertThat(point.getList("definition.questions.id"))
                .containsExactly(kern + "-gehoord", kern + "-hulp", "eigen", thema + "-sterk");

        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put(kern + "-gehoord", 70);
        answers.put(kern + "-hulp", "school");
        answers.put(thema + "-sterk", 40);
        Map<String, Object> story = new LinkedHashMap<>();
        story.put("submissionId", UUID.randomUUID().toString());
        story.put("role", "jongere");
        story.put("language", "nl");
        story.put("text", "Op school kreeg ik eindelijk hulp van iemand die luisterde.");
        story.put("answers", answers);
        given().contentType(ContentType.JSON)
                .body(story)
                .post("/api/storypoints/" + regio + "/stories")
                .then()
                .statusCode(201);
        String csv = asAdmin()
                .get("/api/storypoints/" + regio + "/stories.csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(csv.lines().findFirst().orElseThrow()).contains(kern + "-gehoord", kern + "-hulp", thema + "-sterk");
        assertThat(csv).contains("school");

        // the export imports into another story point with the same modules, and exports as the same file
        String tweede = uniqueSlug("regio");
        putStoryPoint(
                        tweede,
                        storyPoint(
                                tweede,
                                List.of(own("eigen", 20)),
                                List.of(Map.of("id", kern), Map.of("id", thema, "after", "eigen"))))
                .statusCode(201);
        asAdmin()
                .contentType("text/csv; charset=UTF-8")
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/storypoints/" + tweede + "/stories/import")
                .then()
                .statusCode(200)
                .body("created", equalTo(1));
        assertThat(asAdmin()
                        .get("/api/storypoints/" + tweede + "/stories.csv")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .isEqualTo(csv);
    }

    @Test
    void shouldRefuseUnknownModulesVersionsPlacesAndCollidingIds() {
        String kern = uniqueSlug("kern");
        putModule(kern, module(kern, twoKernQuestions(kern))).statusCode(201);
        String regio = uniqueSlug("regio");

        putStoryPoint(regio, storyPoint(regio, List.of(own("a", 10)), List.of(Map.of("id", "bestaat-niet"))))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("modules[0].id"));
        putStoryPoint(regio, storyPoint(regio, List.of(own("a", 10)), List.of(Map.of("id", kern, "version", 9))))
                .statusCode(422)
                .body("errors[0].field", equalTo("modules[0].version"));
        putStoryPoint(regio, storyPoint(regio, List.of(own("a", 10)), List.of(Map.of("id", kern, "after", "b"))))
                .statusCode(422)
                .body("errors[0].field", equalTo("modules[0].after"));
        putStoryPoint(regio, storyPoint(regio, List.of(own("a", 10)), List.of(Map.of("id", kern), Map.of("id", kern))))
                .statusCode(422)
                .body("errors[0].field", equalTo("modules[1].id"));
        // a question of its own with a module question's id
        putStoryPoint(
                        regio,
                        storyPoint(regio, List.of(own("a", 10), own(kern + "-hulp", 11)), List.of(Map.of("id", kern))))
                .statusCode(422)
                .body("errors[0].field", equalTo("questions[1].id"))
                .body("errors[0].message", containsString("module '" + kern + "'"));
        // a number a module question has
        putStoryPoint(regio, storyPoint(regio, List.of(own("a", 2)), List.of(Map.of("id", kern))))
                .statusCode(422)
                .body("errors[0].field", equalTo("questions[0].number"));
        // two modules with one question id
        String ander = uniqueSlug("ander");
        putModule(ander, module(ander, List.of(heard(kern + "-gehoord", 40)))).statusCode(201);
        putStoryPoint(regio, storyPoint(regio, List.of(own("a", 10)), List.of(Map.of("id", kern), Map.of("id", ander))))
                .statusCode(422)
                .body("errors[0].field", equalTo("modules[1].id"))
                .body("errors[0].message", containsString("also a question of module '" + kern + "'"));
        // a module question for a role this story point does not have
        String prof = uniqueSlug("prof");
        Map<String, Object> forProfessionals = new LinkedHashMap<>(heard(prof + "-druk", 50));
        forProfessionals.put("roles", List.of("professional"));
        forProfessionals.remove("labelByRole");
        putModule(prof, module(prof, List.of(forProfessionals))).statusCode(201);
        putStoryPoint(regio, storyPoint(regio, List.of(own("a", 10)), List.of(Map.of("id", prof))))
                .statusCode(422)
                .body("errors[0].field", equalTo("modules[0]"))
                .body("errors[0].message", containsString("'professional'"));
        // nothing was published
        given().get("/api/storypoints/" + regio).then().statusCode(404);
    }

    @Test
    void shouldRefuseABadModuleNamingTheField() {
        String kern = uniqueSlug("kern");
        putModule(kern, module("ander-id", twoKernQuestions(kern)))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("id"));
        putModule(kern, module(kern, List.of())).statusCode(422).body("errors[0].field", equalTo("questions"));
        Map<String, Object> bad = module(kern, twoKernQuestions(kern));
        bad.put("slug", "x");
        putModule(kern, bad).statusCode(422).body("errors[0].field", equalTo("slug"));
        List<Object> twice = List.of(heard("x", 1), heard("x", 2));
        putModule(kern, module(kern, twice)).statusCode(422).body("errors[0].field", equalTo("questions[1].id"));
        given().contentType(ContentType.JSON)
                .body(module(kern, twoKernQuestions(kern)))
                .put("/api/modules/" + kern)
                .then()
                .statusCode(401);
        asAdmin().get("/api/modules/" + kern).then().statusCode(404).body("errors[0].field", equalTo("id"));
    }

    @Test
    void shouldMakeANewVersionOnceIncludedAndKeepTheMeaningOfAnswersGiven() {
        String kern = uniqueSlug("kern");
        putModule(kern, module(kern, twoKernQuestions(kern))).statusCode(201);
        // while no story point includes it, a change rewrites version 1
        List<Object> renamed = new ArrayList<>(twoKernQuestions(kern));
        Map<String, Object> relabelled = new LinkedHashMap<>(heard(kern + "-gehoord", 1));
        relabelled.put("label", nl("Voelde je je gehoord"));
        renamed.set(0, relabelled);
        putModule(kern, module(kern, renamed))
                .statusCode(200)
                .body("version", equalTo(1))
                .body("revision", equalTo(2));

        String regio = uniqueSlug("regio");
        putStoryPoint(regio, storyPoint(regio, List.of(), List.of(Map.of("id", kern))))
                .statusCode(201);
        Map<String, Object> story = new LinkedHashMap<>();
        story.put("submissionId", UUID.randomUUID().toString());
        story.put("role", "ouder");
        story.put("language", "nl");
        story.put("text", "Thuis kwam er hulp.");
        story.put("answers", Map.of(kern + "-hulp", "thuis"));
        given().contentType(ContentType.JSON)
                .body(story)
                .post("/api/storypoints/" + regio + "/stories")
                .then()
                .statusCode(201);

        // the option chosen cannot go: retire it instead
        List<Object> withoutThuis = List.of(
                relabelled, help(kern + "-hulp", 2, List.of(option("school", "School"), option("werk", "Werk"))));
        putModule(kern, module(kern, withoutThuis))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("questions[1].options"));
        Map<String, Object> retired = new LinkedHashMap<>(option("thuis", "Thuis"));
        retired.put("retired", true);
        List<Object> version2 = List.of(
                relabelled,
                help(kern + "-hulp", 2, List.of(retired, option("school", "School"), option("werk", "Werk"))));
        putModule(kern, module(kern, version2)).statusCode(200).body("version", equalTo(2));

        // the story point keeps version 1 until it is published again, then moves to the current version
        JsonPath before =
                given().get("/api/storypoints/" + regio).then().extract().jsonPath();
        assertThat(before.getInt("definition.modules[0].version")).isEqualTo(1);
        putStoryPoint(regio, storyPoint(regio, List.of(), List.of(Map.of("id", kern))))
                .statusCode(200)
                .body("version", equalTo(2));
        JsonPath after =
                given().get("/api/storypoints/" + regio).then().extract().jsonPath();
        assertThat(after.getInt("definition.modules[0].version")).isEqualTo(2);
        assertThat(after.getList("definition.questions[1].options.id")).containsExactly("thuis", "school", "werk");
        // an explicit version stays pinned
        putStoryPoint(regio, storyPoint(regio, List.of(), List.of(Map.of("id", kern, "version", 1))))
                .statusCode(200)
                .body("version", equalTo(2))
                .body("revision", equalTo(2));
        asAdmin()
                .get("/api/modules/" + kern + "/versions")
                .then()
                .statusCode(200)
                .body("size()", equalTo(2));
    }
}
