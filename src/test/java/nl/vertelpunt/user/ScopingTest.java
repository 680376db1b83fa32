package nl.vertelpunt.user;

import static io.restassured.RestAssured.given;
import static nl.vertelpunt.testing.Fixtures.aSubmission;
import static nl.vertelpunt.testing.Fixtures.as;
import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.publishedStoryPoint;
import static nl.vertelpunt.testing.Fixtures.tablePlan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.vertelpunt.testing.Database;
import nl.vertelpunt.testing.Planted;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

/**
 * An analyst and facilitator of story point A gets nothing of story point B: not its stories, searches,
 * dashboard, exports, imports, evaluations and their selections, comparisons, cards and decks, moderation, sessions,
 * tables, links or proposals (README's API table, every staff endpoint that takes B's slug or B's objects);
 * and A's endpoints do not take B's objects either.
 */
@QuarkusTest
class ScopingTest {

    private static final String PASSWORD = "a-long-enough-password";
    private static final Matcher<Integer> REFUSED = anyOf(is(403), is(404));

    @Inject
    AgroalDataSource dataSource;

    private String user;

    @Test
    void shouldRefuseEverythingOfAnotherStoryPoint() throws Exception {
        String mine = publishedStoryPoint("scope-mine");
        // B: stories, a finished evaluation with a selected pattern, a card, a session with a table, link and proposal
        Planted planted = Planted.create("scope-theirs", 500, 43);
        String theirs = planted.slug();
        String run = planted.runId();
        String pattern = Planted.EIGHT_CARD_PATTERNS.get(0);
        String card = planted.draftCards(List.of(pattern)).get(0);
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("pattern", Planted.EIGHT_CARD_PATTERNS.get(1)))
                .post("/api/evaluations/" + run + "/selections")
                .then()
                .statusCode(200);
        Map<String, Object> comparison = Map.of(
                "storyPoint",
                theirs,
                "focus",
                Map.of("filter", Map.of("roles", List.of("ouder"))),
                "reference",
                "rest",
                "resampling",
                Map.of("bootstrap", 100, "permutations", 100));
        String compared = asAdmin()
                .contentType(ContentType.JSON)
                .body(comparison)
                .post("/api/comparisons")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        Map<String, Object> flagged = aSubmission();
        flagged.put("answers", Map.of());
        flagged.put("text", "Mail me gerust op scoped.ouder@voorbeeld.nl als je vragen hebt over ons verhaal.");
        String story = given().contentType(ContentType.JSON)
                .body(flagged)
                .post("/api/storypoints/" + theirs + "/stories")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        long flag = asAdmin()
                .get("/api/storypoints/" + theirs + "/moderation/stories/" + story + "/flags")
                .then()
                .statusCode(200)
                .body("[0].kind", equalTo("email"))
                .extract()
                .jsonPath()
                .getLong("[0].id");
        String session = asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "storyPoint",
                        theirs,
                        "title",
                        "Bijeenkomst B",
                        "heldOn",
                        LocalDate.now().toString(),
                        "online",
                        true))
                .post("/api/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String told = Database.queryString(
                dataSource,
                "SELECT s.id FROM story s JOIN story_point p ON p.id = s.story_point_id "
                        + "WHERE p.slug = ? AND NOT s.flagged ORDER BY s.id LIMIT 1",
                theirs);
        String table = asAdmin()
                .contentType(ContentType.JSON)
                .body(tablePlan("Tafel B", List.of(card), List.of(told)))
                .post("/api/sessions/" + session + "/tables")
                .then()
                .statusCode(200)
                .extract()
                .path("tables[0].id");
        String token = asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("days", 1))
                .post("/api/sessions/" + session + "/tables/" + table + "/link")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        String proposal = asAdmin()
                .contentType(ContentType.JSON)
                .body(proposalInput("Voorstel B"))
                .post("/api/sessions/" + session + "/proposals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        int storiesOfB = Database.storyCount(dataSource, theirs);

        user = "scoped-" + mine;
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "username",
                        user,
                        "password",
                        PASSWORD,
                        "roles",
                        List.of("analyst", "facilitator"),
                        "storyPoints",
                        List.of(mine)))
                .post("/api/users")
                .then()
                .statusCode(201);
        String base = "/api/storypoints/" + theirs;
        String moderation = base + "/moderation/stories/" + story;

        // B's slug
        refused(me().get(base + "/versions"));
        refused(me().get(base + "/stories/" + story));
        refused(json().body(Map.of("q", "verhaal")).post(base + "/stories/search"));
        refused(me().get(base + "/stories.csv"));
        refused(me().get(base + "/stories.xlsx"));
        refused(me().contentType("text/csv")
                .body("role,text\r\nouder,Een verhaal van iemand anders\r\n")
                .post(base + "/stories/import"));
        refused(me().multiPart("mapping", "{}", "application/json")
                .multiPart("file", "b.csv", "Story\r\nx\r\n".getBytes(), "text/csv")
                .post(base + "/imports"));
        Map<String, Object> atATable = aSubmission();
        atATable.put("answers", Map.of());
        atATable.put("channel", "verteltafel");
        refused(json().body(atATable).post(base + "/stories"));
        refused(json().body(Map.of()).post(base + "/dashboard"));
        refused(me().get(moderation + "/flags"));
        refused(json().body(Map.of("field", "text", "start", 0, "end", 4)).post(moderation + "/redactions"));
        refused(me().post(moderation + "/flags/" + flag + "/dismissal"));
        refused(json().body(Map.of("hidden", true)).put(moderation + "/visibility"));
        refused(me().get(base + "/evaluations"));
        refused(me().get(base + "/comparisons"));
        refused(me().get(base + "/cards"));
        refused(me().get(base + "/cards/deck.pdf"));
        refused(me().get(base + "/cards/deck.html"));
        refused(me().get(base + "/cards/deck.html?card=" + card));
        refused(me().get(base + "/sessions"));
        refused(json().body(Map.of("slug", theirs)).put(base));

        // B's evaluations
        refused(json().body(Map.of("storyPoint", theirs)).post("/api/evaluations"));
        refused(me().get("/api/evaluations/" + run));
        refused(json().body(Map.of("pattern", pattern)).post("/api/evaluations/" + run + "/selections"));
        refused(me().delete("/api/evaluations/" + run + "/selections?pattern=" + Planted.EIGHT_CARD_PATTERNS.get(1)));

        // B's comparisons
        refused(json().body(comparison).post("/api/comparisons"));
        refused(me().get("/api/comparisons/" + compared));

        // B's cards
        refused(json().body(Map.of("runId", run, "pattern", Planted.EIGHT_CARD_PATTERNS.get(2)))
                .post("/api/cards"));
        refused(me().get("/api/cards/" + card));
        refused(json().body(Map.of(
                        "version", 1, "title", "Overgenomen", "interpretations", List.of("x"), "stories", List.of()))
                .put("/api/cards/" + card));
        refused(me().get("/api/cards/" + card + "/suggestions"));
        refused(me().get("/api/cards/" + card + "/revisions"));
        refused(me().get("/api/cards/" + card + "/chart.svg"));
        refused(me().delete("/api/cards/" + card));

        // B's sessions, tables, links and proposals
        String sessions = "/api/sessions/" + session;
        refused(json().body(Map.of(
                        "storyPoint",
                        theirs,
                        "title",
                        "Stiekem",
                        "heldOn",
                        LocalDate.now().toString(),
                        "online",
                        true))
                .post("/api/sessions"));
        refused(me().get(sessions));
        refused(json().body(
                        Map.of("title", "Overgenomen", "heldOn", LocalDate.now().toString(), "online", true))
                .put(sessions));
        refused(json().body(tablePlan("Tafel 2", List.of(card), List.of())).post(sessions + "/tables"));
        refused(json().body(tablePlan("Hernoemd", List.of(card), List.of(told))).put(sessions + "/tables/" + table));
        refused(json().body(Map.of("days", 1)).post(sessions + "/tables/" + table + "/link"));
        refused(me().delete(sessions + "/tables/" + table + "/link"));
        refused(me().get(sessions + "/tables/" + table + "/deck.pdf"));
        refused(json().body(proposalInput("Nog een voorstel")).post(sessions + "/proposals"));
        Map<String, Object> edit = new HashMap<>(proposalInput("Overgenomen"));
        edit.put("published", true);
        refused(json().body(edit).put("/api/proposals/" + proposal));
        refused(json().body(Map.of("status", "dropped", "note", "Niet van ons."))
                .post("/api/proposals/" + proposal + "/updates"));
        refused(me().delete("/api/proposals/" + proposal));
        refused(me().delete(sessions + "/tables/" + table));
        refused(me().delete(sessions));

        // A's endpoints do not take B's objects
        refused(me().get("/api/storypoints/" + mine + "/stories/" + story));
        refused(me().get("/api/storypoints/" + mine + "/stories/" + told));
        refused(me().get("/api/storypoints/" + mine + "/moderation/stories/" + story + "/flags"));
        refused(me().post(
                        "/api/storypoints/" + mine + "/moderation/stories/" + story + "/flags/" + flag + "/dismissal"));
        me().get("/api/storypoints/" + mine + "/cards/deck.html?card=" + card)
                .then()
                .statusCode(anyOf(is(403), is(404), is(409), is(422)))
                .contentType("application/problem+json");
        String mySession = json().body(Map.of(
                        "storyPoint",
                        mine,
                        "title",
                        "Bijeenkomst A",
                        "heldOn",
                        LocalDate.now().toString(),
                        "online",
                        true))
                .post("/api/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        json().body(tablePlan("Tafel A", List.of(card), List.of()))
                .post("/api/sessions/" + mySession + "/tables")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("cards[0]"));
        json().body(tablePlan("Tafel A", List.of(), List.of(told)))
                .post("/api/sessions/" + mySession + "/tables")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("stories[0]"));

        // what the user sees of the list of story points, and that they work on their own
        me().get("/api/storypoints").then().statusCode(200).body("slug", equalTo(List.of(mine)));
        json().body(Map.of())
                .post("/api/storypoints/" + mine + "/dashboard")
                .then()
                .statusCode(200);

        // and nothing of B changed
        assertThat(Database.storyCount(dataSource, theirs)).isEqualTo(storiesOfB);
        asAdmin()
                .get("/api/evaluations/" + run)
                .then()
                .statusCode(200)
                .body("selected", equalTo(List.of(Planted.EIGHT_CARD_PATTERNS.get(1))));
        asAdmin().get(base + "/cards").then().statusCode(200).body("", hasSize(1));
        asAdmin().get("/api/cards/" + card).then().statusCode(200).body("version", equalTo(1));
        asAdmin().get(moderation + "/flags").then().statusCode(200).body("[0].dismissed", equalTo(false));
        asAdmin()
                .get(base + "/stories/" + story)
                .then()
                .statusCode(200)
                .body("hidden", equalTo(false))
                .body("text", equalTo(flagged.get("text")));
        asAdmin()
                .get(sessions)
                .then()
                .statusCode(200)
                .body("title", equalTo("Bijeenkomst B"))
                .body("tables", hasSize(1))
                .body("tables[0].name", equalTo("Tafel B"))
                .body("tables[0].linkActive", equalTo(true))
                .body("proposals", hasSize(1))
                .body("proposals[0].title", equalTo("Voorstel B"))
                .body("proposals[0].published", equalTo(false))
                .body("proposals[0].updates", hasSize(0));
        given().get("/api/tables/" + token).then().statusCode(200);
        asAdmin().get(base + "/sessions").then().statusCode(200).body("title", not(hasItem("Stiekem")));
    }

    /** A request as the analyst and facilitator of story point A. */
    private RequestSpecification me() {
        return as(user, PASSWORD);
    }

    private RequestSpecification json() {
        return me().contentType(ContentType.JSON);
    }

    private static void refused(Response response) {
        response.then().log().ifValidationFails().statusCode(REFUSED).contentType("application/problem+json");
    }

    private static Map<String, Object> proposalInput(String title) {
        return Map.of(
                "title",
                title,
                "action",
                "Elk gezin krijgt één vaste contactpersoon.",
                "goal",
                "Zodat ouders zich gehoord voelen.",
                "owner",
                "Teamleider");
    }
}
