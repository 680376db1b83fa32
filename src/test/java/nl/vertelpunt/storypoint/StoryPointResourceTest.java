package nl.vertelpunt.storypoint;

import static io.restassured.RestAssured.given;
import static nl.vertelpunt.testing.Fixtures.aDefinition;
import static nl.vertelpunt.testing.Fixtures.aSubmission;
import static nl.vertelpunt.testing.Fixtures.aSubmissionWith;
import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.nl;
import static nl.vertelpunt.testing.Fixtures.option;
import static nl.vertelpunt.testing.Fixtures.publishedStoryPoint;
import static nl.vertelpunt.testing.Fixtures.uniqueSlug;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
class StoryPointResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldServeTheSampleStoryPointLoadedAtStartup() {
        given().get("/api/storypoints/voordejeugd")
                .then()
                .statusCode(200)
                .body("slug", equalTo("voordejeugd"))
                .body("definition.roles.id", equalTo(List.of("jongere", "ouder", "professional")))
                .body("definition.roles[0].label.nl", equalTo("Ik ben een kind of jongere"))
                .body("definition.roles[0].shortLabel.nl", equalTo("Jongere"))
                .body("definition.crisisHelp.nl", containsString("0800-0432"))
                .body("definition.crisisHelp.nl", containsString("0800-0113"))
                .body("definition.crisisHelp.nl", containsString("0800-2000"))
                .body("definition.crisisHelp.nl", containsString("112"))
                .body(
                        "definition.questions.id",
                        hasItems("gevolg", "gehoord", "juiste-hulp", "op-tijd", "duidelijk", "regio", "soort-hulp"))
                .body("definition.questions.find { it.id == 'gehoord' }.number", equalTo(12))
                .body("definition.questions.find { it.id == 'gevolg' }.number", equalTo(2));
    }

    /**
     * The sample's wording per role (labelByRole and the like), short labels and help are wording, not meaning:
     * published over stories told with the neutral questions only, answering every option, "not applicable", the
     * sliders and the triad, it makes a new version and is not refused.
     */
    @Test
    void shouldPublishTheSampleWordedPerRoleOverStoriesToldWithTheNeutralQuestions() throws Exception {
        String slug = uniqueSlug("wording");
        // the sample with the core module's questions as its own, so that their wording can be taken away too
        ObjectNode sample = (ObjectNode) SampleStoryPoints.expanded("voordejeugd.json", JSON);
        sample.remove("modules");
        sample.put("slug", slug);
        ObjectNode neutral = sample.deepCopy();
        List<String> roles = new ArrayList<>();
        neutral.withArray("roles").forEach(role -> {
            roles.add(role.get("id").asText());
            ((ObjectNode) role).remove("shortLabel");
        });
        for (JsonNode q : neutral.withArray("questions")) {
            ((ObjectNode) q)
                    .remove(List.of("shortLabel", "labelByRole", "help", "helpByRole", "leftByRole", "rightByRole"));
            q.path("options").forEach(o -> ((ObjectNode) o).remove(List.of("shortLabel", "labelByRole")));
        }
        asAdmin()
                .contentType(ContentType.JSON)
                .body(neutral.toString())
                .put("/api/storypoints/" + slug)
                .then()
                .statusCode(201);
        // eleven stories: every option of every choice (the longest list has eleven), "not applicable" and values
        for (int i = 0; i < 11; i++) {
            String role = roles.get(i % roles.size());
            Map<String, Object> answers = new LinkedHashMap<>();
            for (JsonNode q : neutral.withArray("questions")) {
                if (q.has("roles") && !q.get("roles").toString().contains("\"" + role + "\"")) {
                    continue;
                }
                JsonNode options = q.path("options");
                String option = options.isEmpty()
                        ? null
                        : options.get(i % options.size()).get("id").asText();
                switch (q.get("type").asText()) {
                    case "choice" -> answers.put(q.get("id").asText(), option);
                    case "multichoice" -> answers.put(q.get("id").asText(), List.of(option));
                    case "slider" -> answers.put(q.get("id").asText(), i == 0 ? "NA" : i * 10);
                    case "triad" -> answers.put(q.get("id").asText(), List.of(50, 30, 20));
                    default -> answers.put(q.get("id").asText(), "Luister naar ons.");
                }
            }
            Map<String, Object> story = aSubmission();
            story.put("role", role);
            story.put("answers", answers);
            given().contentType(ContentType.JSON)
                    .body(story)
                    .post("/api/storypoints/" + slug + "/stories")
                    .then()
                    .statusCode(201);
        }

        asAdmin()
                .contentType(ContentType.JSON)
                .body(sample.toString())
                .put("/api/storypoints/" + slug)
                .then()
                .statusCode(200)
                .body("version", equalTo(2));
        given().get("/api/storypoints/" + slug)
                .then()
                .body(
                        "definition.questions.find { it.id == 'juiste-hulp' }.labelByRole.jongere.nl",
                        equalTo("Kreeg jij de hulp die je nodig had?"))
                .body(
                        "definition.questions.find { it.id == 'juiste-hulp' }.label.nl",
                        equalTo("De hulp paste bij wat nodig was"));
    }

    @Test
    void shouldPublishANewStoryPointAsVersionOne() {
        String slug = uniqueSlug("publish");
        asAdmin()
                .contentType(ContentType.JSON)
                .body(aDefinition(slug))
                .put("/api/storypoints/" + slug)
                .then()
                .statusCode(201)
                .body("version", equalTo(1))
                .body("created", equalTo(true));

        given().get("/api/storypoints/" + slug)
                .then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("definition.questions", hasSize(7))
                .body("definition.questions[1].notApplicable", equalTo(true))
                .body("definition.questions[3].roles", equalTo(List.of("ouder", "professional")));
    }

    @Test
    void shouldChangeNothingWhenTheSameDefinitionIsPublishedAgain() {
        String slug = publishedStoryPoint("same");
        asAdmin()
                .contentType(ContentType.JSON)
                .body(aDefinition(slug))
                .put("/api/storypoints/" + slug)
                .then()
                .statusCode(200)
                .body("changed", equalTo(false))
                .body("version", equalTo(1))
                .body("revision", equalTo(1));
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

        asAdmin()
                .contentType(ContentType.JSON)
                .body(changed)
                .put("/api/storypoints/" + slug)
                .then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("revision", equalTo(2))
                .body("changed", equalTo(true));
        given().get("/api/storypoints/" + slug).then().body("definition.title.nl", equalTo("Een nieuwe titel"));
    }

    @Test
    void shouldMakeANewVersionOnceStoriesExistAndKeepTheirVersion() {
        String slug = publishedStoryPoint("versions");
        String storyId = given().contentType(ContentType.JSON)
                .body(aSubmission())
                .post("/api/storypoints/" + slug + "/stories")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        Map<String, Object> changed = aDefinition(slug);
        changed.put("title", nl("Tweede versie"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(changed)
                .put("/api/storypoints/" + slug)
                .then()
                .statusCode(200)
                .body("version", equalTo(2))
                .body("revision", equalTo(1));

        String second = given().contentType(ContentType.JSON)
                .body(aSubmission())
                .post("/api/storypoints/" + slug + "/stories")
                .then()
                .statusCode(201)
                .body("version", equalTo(2))
                .extract()
                .path("id");

        asAdmin()
                .get("/api/storypoints/" + slug + "/stories/" + storyId)
                .then()
                .statusCode(200)
                .body("version", equalTo(1));
        asAdmin()
                .get("/api/storypoints/" + slug + "/stories/" + second)
                .then()
                .statusCode(200)
                .body("version", equalTo(2));
        asAdmin()
                .get("/api/storypoints/" + slug + "/versions")
                .then()
                .statusCode(200)
                .body("version", equalTo(List.of(1, 2)))
                .body("definition.title.nl", equalTo(List.of("Vertel over de jeugdhulp", "Tweede versie")));
    }

    @Test
    void shouldRefuseToChangeTheTypeOfAQuestionThatHasAnswers() {
        String slug = publishedStoryPoint("typechange");
        given().contentType(ContentType.JSON)
                .body(aSubmission())
                .post("/api/storypoints/" + slug + "/stories")
                .then()
                .statusCode(201);
        Map<String, Object> changed = aDefinition(slug);
        List<Object> questions = new ArrayList<>((List<?>) changed.get("questions"));
        questions.set(
                1,
                Map.of(
                        "id",
                        "gehoord",
                        "number",
                        12,
                        "type",
                        "choice",
                        "label",
                        nl("Gehoord?"),
                        "options",
                        List.of(Map.of("id", "ja", "label", nl("Ja")), Map.of("id", "nee", "label", nl("Nee")))));
        changed.put("questions", questions);

        asAdmin()
                .contentType(ContentType.JSON)
                .body(changed)
                .put("/api/storypoints/" + slug)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("questions[1].type"))
                .body("errors[0].message", containsString("slider"));
        given().get("/api/storypoints/" + slug).then().body("version", equalTo(1));
    }

    /** A copy of the test definition with question {@code index} changed by {@code change}. */
    private static Map<String, Object> withQuestion(String slug, int index, Consumer<Map<String, Object>> change) {
        Map<String, Object> definition = aDefinition(slug);
        List<Object> questions = new ArrayList<>((List<?>) definition.get("questions"));
        @SuppressWarnings("unchecked")
        Map<String, Object> question = new LinkedHashMap<>((Map<String, Object>) questions.get(index));
        change.accept(question);
        questions.set(index, question);
        definition.put("questions", questions);
        return definition;
    }

    private static ValidatableResponse publish(String slug, Map<String, Object> definition) {
        return asAdmin()
                .contentType(ContentType.JSON)
                .body(definition)
                .put("/api/storypoints/" + slug)
                .then();
    }

    private static void tell(String slug, Map<String, Object> story) {
        given().contentType(ContentType.JSON)
                .body(story)
                .post("/api/storypoints/" + slug + "/stories")
                .then()
                .statusCode(201);
    }

    @Test
    void shouldRefuseToRemoveAnOptionThatStoriesChoseButLetItBeRetired() {
        String slug = publishedStoryPoint("options");
        tell(slug, aSubmissionWith("gevolg", "positief"));

        // gevolg (questions[0]) without 'positief', which a story chose
        Map<String, Object> removed = withQuestion(
                slug,
                0,
                q -> q.put(
                        "options",
                        List.of(
                                option("zeer-negatief", "Zeer negatief"),
                                option("negatief", "Negatief"),
                                option("zeer-positief", "Zeer positief"))));
        publish(slug, removed)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("questions[0].options"))
                .body("errors[0].message", containsString("'positief'"))
                .body("errors[0].message", containsString("\"retired\": true"));
        given().get("/api/storypoints/" + slug)
                .then()
                .body("version", equalTo(1))
                .body("definition.questions[0].options.id", hasItem("positief"));

        Map<String, Object> retired = withQuestion(
                slug,
                0,
                q -> q.put(
                        "options",
                        List.of(
                                option("zeer-negatief", "Zeer negatief"),
                                option("negatief", "Negatief"),
                                Map.of("id", "positief", "label", nl("Positief"), "retired", true),
                                option("zeer-positief", "Zeer positief"))));
        publish(slug, retired).statusCode(200).body("version", equalTo(2));
        given().get("/api/storypoints/" + slug)
                .then()
                .body("definition.questions[0].options.find { it.id == 'positief' }.retired", equalTo(true));
        // no longer offered on the form
        given().contentType(ContentType.JSON)
                .body(aSubmissionWith("gevolg", "positief"))
                .post("/api/storypoints/" + slug + "/stories")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("answers.gevolg"));
        // an option nobody chose may go
        Map<String, Object> unused = withQuestion(
                slug,
                0,
                q -> q.put(
                        "options",
                        List.of(
                                option("zeer-negatief", "Zeer negatief"),
                                option("negatief", "Negatief"),
                                Map.of("id", "positief", "label", nl("Positief"), "retired", true))));
        publish(slug, unused).statusCode(200).body("changed", equalTo(true));
    }

    @Test
    void shouldRefuseToRemoveAMultichoiceOptionThatStoriesChose() {
        String slug = publishedStoryPoint("multi");
        tell(slug, aSubmissionWith("themas", List.of("school", "werk")));
        // themas (questions[3]) without 'werk'
        publish(slug, withQuestion(slug, 3, q -> {
                    q.put("options", List.of(option("school", "School"), option("thuis", "Thuis")));
                    q.put("max", 2);
                }))
                .statusCode(409)
                .body("errors[0].field", equalTo("questions[3].options"))
                .body("errors[0].message", containsString("'werk'"));
        given().get("/api/storypoints/" + slug).then().body("version", equalTo(1));
    }

    @Test
    void shouldKeepNotApplicableAllowedWhileStoriesAnsweredIt() {
        // gehoord (questions[1]) allows "NA"
        String answeredNa = publishedStoryPoint("na-used");
        tell(answeredNa, aSubmissionWith("gehoord", "NA"));
        publish(answeredNa, withQuestion(answeredNa, 1, q -> q.remove("notApplicable")))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("questions[1].notApplicable"))
                .body("errors[0].message", containsString("not applicable"));
        given().get("/api/storypoints/" + answeredNa)
                .then()
                .body("version", equalTo(1))
                .body("definition.questions[1].notApplicable", equalTo(true));

        String answeredNumbers = publishedStoryPoint("na-unused");
        tell(answeredNumbers, aSubmissionWith("gehoord", 40));
        publish(answeredNumbers, withQuestion(answeredNumbers, 1, q -> q.remove("notApplicable")))
                .statusCode(200)
                .body("version", equalTo(2));
    }

    @Test
    void shouldRefuseToSwapPolesOrReorderCornersUnderAnswers() {
        String slug = publishedStoryPoint("swap");
        Map<String, Object> story = aSubmissionWith("balans", List.of(10, 20, 70));
        tell(slug, story);
        // gehoord (questions[1]) was answered 80: "Zeker NIET" .. "Zeker WEL"
        publish(slug, withQuestion(slug, 1, q -> {
                    q.put("left", nl("Zeker WEL"));
                    q.put("right", nl("Zeker NIET"));
                }))
                .statusCode(409)
                .body("errors[0].field", equalTo("questions[1].left"));
        // balans (questions[4]): Hulp, Mensen, Regels
        publish(slug, withQuestion(slug, 4, q -> q.put("corners", List.of(nl("Regels"), nl("Hulp"), nl("Mensen")))))
                .statusCode(409)
                .body("errors[0].field", equalTo("questions[4].corners"));
        // relabelling is fine
        publish(slug, withQuestion(slug, 1, q -> q.put("right", nl("Zeker wel"))))
                .statusCode(200)
                .body("version", equalTo(2));
    }

    @Test
    void shouldNameEveryProblemOfAnInvalidDefinition() {
        String slug = uniqueSlug("invalid");
        Map<String, Object> bad = aDefinition(slug);
        bad.put("title", Map.of("en", "English only"));
        bad.put("colour", "blue");
        List<Object> questions = new ArrayList<>((List<?>) bad.get("questions"));
        questions.add(Map.of(
                "id",
                "gehoord",
                "number",
                40,
                "type",
                "slider",
                "label",
                nl("Dubbel"),
                "left",
                nl("a"),
                "right",
                nl("b")));
        questions.add(Map.of(
                "id",
                "keuze",
                "number",
                41,
                "type",
                "choice",
                "label",
                nl("Keuze"),
                "options",
                List.of(Map.of("id", "a", "label", nl("A")), Map.of("id", "a", "label", nl("A2")))));
        questions.add(Map.of(
                "id",
                "drie",
                "number",
                42,
                "type",
                "triad",
                "label",
                nl("Drie"),
                "corners",
                List.of(nl("a"), nl("b"))));
        questions.add(Map.of(
                "id",
                "voor",
                "number",
                43,
                "type",
                "slider",
                "label",
                nl("Voor"),
                "left",
                nl("a"),
                "right",
                nl("b"),
                "roles",
                List.of("opa")));
        questions.add(Map.of("id", "vorm", "number", 44, "type", "dial", "label", nl("?")));
        questions.add(Map.of("id", "role", "number", 45, "type", "text", "label", nl("Rol")));
        bad.put("questions", questions);
        bad.put("completeness", Map.of("minWords", -1, "minAnsweredQuestions", 2));

        asAdmin()
                .contentType(ContentType.JSON)
                .body(bad)
                .put("/api/storypoints/" + slug)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422))
                .body(
                        "errors.field",
                        hasItems(
                                "title.nl",
                                "colour",
                                "questions[7].id",
                                "questions[8].options[1].id",
                                "questions[9].corners",
                                "questions[10].roles[0]",
                                "questions[11].type",
                                "questions[12].id",
                                "completeness.minWords"));
        given().get("/api/storypoints/" + slug).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldKeepWordingPerRoleAndShortLabelsBesideTheNeutralQuestion() {
        String slug = uniqueSlug("byrole");
        Map<String, Object> d = aDefinition(slug);
        List<Object> roles = new ArrayList<>((List<?>) d.get("roles"));
        Map<String, Object> youth = new LinkedHashMap<>((Map<String, Object>) roles.get(0));
        youth.put("label", nl("Ik ben een kind of jongere"));
        youth.put("shortLabel", nl("Jongere"));
        roles.set(0, youth);
        d.put("roles", roles);
        List<Object> questions = new ArrayList<>((List<?>) d.get("questions"));
        Map<String, Object> effect = new LinkedHashMap<>((Map<String, Object>) questions.get(0));
        effect.put("shortLabel", nl("Gevolg"));
        effect.put(
                "labelByRole",
                Map.of("jongere", nl("Wat betekende dit voor jou?"), "ouder", nl("Wat betekende dit voor uw kind?")));
        List<Object> options = new ArrayList<>((List<?>) effect.get("options"));
        Map<String, Object> bad = new LinkedHashMap<>((Map<String, Object>) options.get(0));
        bad.put("labelByRole", Map.of("jongere", nl("Heel slecht voor mij")));
        bad.put("shortLabel", nl("Zeer negatief"));
        options.set(0, bad);
        effect.put("options", options);
        questions.set(0, effect);
        Map<String, Object> heard = new LinkedHashMap<>((Map<String, Object>) questions.get(1));
        heard.put("labelByRole", Map.of("jongere", nl("Voelde jij je gehoord?")));
        heard.put("leftByRole", Map.of("jongere", nl("Helemaal niet")));
        heard.put("rightByRole", Map.of("jongere", nl("Helemaal wel")));
        heard.put("helpByRole", Map.of("ouder", nl("Denk aan de hulpverleners van uw kind.")));
        questions.set(1, heard);
        d.put("questions", questions);
        asAdmin()
                .contentType(ContentType.JSON)
                .body(d)
                .put("/api/storypoints/" + slug)
                .then()
                .statusCode(201);
        given().get("/api/storypoints/" + slug)
                .then()
                .statusCode(200)
                .body("definition.roles[0].shortLabel.nl", equalTo("Jongere"))
                .body("definition.questions[0].label.nl", equalTo("Dit was voor het kind/gezin ..."))
                .body("definition.questions[0].labelByRole.jongere.nl", equalTo("Wat betekende dit voor jou?"))
                .body("definition.questions[0].options[0].labelByRole.jongere.nl", equalTo("Heel slecht voor mij"))
                .body("definition.questions[1].leftByRole.jongere.nl", equalTo("Helemaal niet"));

        // wording for a role the question is not asked to, or that does not exist, is refused with its place
        Map<String, Object> workload = new LinkedHashMap<>((Map<String, Object>) questions.get(questions.size() - 1));
        workload.put("labelByRole", Map.of("jongere", nl("Hoe druk had jij het?")));
        questions.set(questions.size() - 1, workload);
        effect.put("labelByRole", Map.of("opa", nl("?")));
        heard.put("leftByRole", "Helemaal niet");
        asAdmin()
                .contentType(ContentType.JSON)
                .body(d)
                .put("/api/storypoints/" + uniqueSlug("byrole-bad"))
                .then()
                .statusCode(422)
                .body(
                        "errors.field",
                        hasItems(
                                "questions[0].labelByRole.opa",
                                "questions[1].leftByRole",
                                "questions[" + (questions.size() - 1) + "].labelByRole.jongere"));
    }

    @Test
    void shouldRefuseADefinitionWhoseSlugDiffersFromTheAddress() {
        String slug = uniqueSlug("mismatch");
        asAdmin()
                .contentType(ContentType.JSON)
                .body(aDefinition("other-" + slug))
                .put("/api/storypoints/" + slug)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("slug"));
    }

    @Test
    void shouldRefuseMalformedJsonAndWrongContentType() {
        String slug = uniqueSlug("malformed");
        asAdmin()
                .contentType(ContentType.JSON)
                .body("{\"slug\": ")
                .put("/api/storypoints/" + slug)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body("{\"slug\": \"a\", \"slug\": \"b\"}")
                .put("/api/storypoints/" + slug)
                .then()
                .statusCode(400)
                .body("errors[0].message", containsString("Duplicate field"));
        asAdmin()
                .contentType(ContentType.TEXT)
                .body("slug")
                .put("/api/storypoints/" + slug)
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("Content-Type"));
    }

    @Test
    void shouldLetOnlyAdminsPublish() {
        String slug = uniqueSlug("auth");
        given().contentType(ContentType.JSON)
                .body(aDefinition(slug))
                .put("/api/storypoints/" + slug)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Basic"));
        given().auth()
                .preemptive()
                .basic("admin", "wrong-password-123")
                .contentType(ContentType.JSON)
                .body(aDefinition(slug))
                .put("/api/storypoints/" + slug)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        Map<String, Object> analyst = new HashMap<>(
                Map.of("username", "analyst-" + slug, "password", "analyst-password-1", "roles", List.of("analyst")));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(analyst)
                .post("/api/users")
                .then()
                .statusCode(201);
        given().auth()
                .preemptive()
                .basic("analyst-" + slug, "analyst-password-1")
                .contentType(ContentType.JSON)
                .body(aDefinition(slug))
                .put("/api/storypoints/" + slug)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void shouldAnswerUnknownStoryPointsWithProblemJson() {
        given().get("/api/storypoints/does-not-exist")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("Not found"))
                .body("detail", containsString("does-not-exist"))
                .body("errors[0].field", equalTo("slug"));
    }

    /** Every endpoint with a story point's slug in its address, as "METHOD path" after the slug. */
    static List<String> endpointsWithASlug() {
        return List.of(
                "GET ",
                "GET /paper.pdf",
                "GET /versions",
                "POST /stories",
                "POST /withdrawals",
                "GET /stories/ABC",
                "POST /stories/search",
                "GET /stories.csv",
                "GET /stories.xlsx",
                "POST /stories/import",
                "POST /imports",
                "POST /dashboard",
                "GET /moderation/stories/ABC/flags",
                "POST /moderation/stories/ABC/redactions",
                "POST /moderation/stories/ABC/flags/1/dismissal",
                "PUT /moderation/stories/ABC/visibility",
                "GET /evaluations",
                "GET /cards",
                "GET /cards/deck.pdf",
                "GET /cards/deck.html",
                "GET /sessions",
                "GET /outcomes");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpointsWithASlug")
    void shouldNameTheSlugOfAnUnknownStoryPointOnEveryEndpoint(String endpoint) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = "/api/storypoints/bestaat-niet" + endpoint.substring(endpoint.indexOf(' ') + 1);
        RequestSpecification request = asAdmin();
        if (path.endsWith("/stories/import")) {
            request.contentType("text/csv").body("role,text\r\nouder,Een verhaal\r\n");
        } else if (path.endsWith("/imports")) {
            request.multiPart("mapping", "{}", "application/json")
                    .multiPart("file", "a.csv", "Story\r\nx\r\n".getBytes(), "text/csv");
        } else if (path.endsWith("/stories")) {
            request.contentType(ContentType.JSON).body(aSubmission());
        } else if (path.endsWith("/withdrawals")) {
            request.contentType(ContentType.JSON).body(Map.of("receiptCode", "ABCD-EFGH-JKLM"));
        } else if (path.endsWith("/redactions")) {
            request.contentType(ContentType.JSON).body(Map.of("field", "text", "start", 0, "end", 2));
        } else if (path.endsWith("/visibility")) {
            request.contentType(ContentType.JSON).body(Map.of("hidden", true));
        } else if (!method.equals("GET")) {
            request.contentType(ContentType.JSON).body(Map.of());
        }
        request.request(method, path)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("slug"))
                .body("errors[0].message", containsString("bestaat-niet"));
    }

    @Test
    void shouldListStoryPointsForAdmins() {
        asAdmin().get("/api/storypoints").then().statusCode(200).body("slug", hasItem("voordejeugd"));
        given().get("/api/storypoints").then().statusCode(401);
    }
}
