package nl.vertelpunt.session;

import static io.restassured.RestAssured.given;
import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.tablePlan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.vertelpunt.testing.Database;
import nl.vertelpunt.testing.LoopbackHttp;
import nl.vertelpunt.testing.Planted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A sense-making session end to end over the API: prepare, work at a table through its link, follow up, show the storytellers. */
@QuarkusTest
class SessionFlowTest {

    private static Planted planted;
    private static List<String> cards;
    private static List<String> storyIds;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void prepare() throws Exception {
        if (planted == null) {
            planted = Planted.create("sessions", 500, 41);
            cards = planted.draftCards(Planted.EIGHT_CARD_PATTERNS);
            storyIds = new ArrayList<>();
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement(
                            "SELECT id FROM story WHERE story_point_id = (SELECT id FROM story_point WHERE slug = ?) ORDER BY id LIMIT 25")) {
                ps.setString(1, planted.slug());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        storyIds.add(rs.getString(1));
                    }
                }
            }
        }
    }

    private static JsonPath newSession() {
        return asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "storyPoint",
                        planted.slug(),
                        "title",
                        "Duidingsbijeenkomst Oost",
                        "heldOn",
                        LocalDate.now().toString(),
                        "place",
                        "Wijkcentrum De Brug, Deventer",
                        "online",
                        false))
                .post("/api/sessions")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/sessions/"))
                .extract()
                .jsonPath();
    }

    @Test
    void shouldGoFromPreparedTablesThroughNotesAndProposalsToThePublicPage() throws Exception {
        String session = newSession().getString("id");
        JsonPath prepared = asAdmin()
                .contentType(ContentType.JSON)
                .body(tablePlan("Tafel 1", cards.subList(0, 2), storyIds.subList(0, 3)))
                .post("/api/sessions/" + session + "/tables")
                .then()
                .statusCode(200)
                .body("tables", hasSize(1))
                .body("tables[0].cards", hasSize(2))
                .body("tables[0].stories", hasSize(3))
                .body("tables[0].warnings", hasSize(0))
                .body("tables[0].linkActive", equalTo(false))
                .extract()
                .jsonPath();
        String table = prepared.getString("tables[0].id");

        JsonPath link = asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("days", 1))
                .post("/api/sessions/" + session + "/tables/" + table + "/link")
                .then()
                .statusCode(201)
                .body("token", matchesPattern("[A-Za-z0-9_-]{43}"))
                .body("path", containsString("/t/"))
                .extract()
                .jsonPath();
        String token = link.getString("token");
        assertThat(everyRow()).noneSatisfy(row -> assertThat(row).contains(token));

        // at the table, without an account
        String base = "/api/tables/" + token;
        given().get(base)
                .then()
                .statusCode(200)
                .body("session", equalTo("Duidingsbijeenkomst Oost"))
                .body("table", equalTo("Tafel 1"))
                .body("cards", hasSize(2))
                .body("cards[0].observation", containsString("verhalen"))
                .body("cards[0].pattern.kind", equalTo("slider_by_choice"))
                .body("stories", hasSize(3))
                .body("stories[0].text", notNullValue());
        long surprise = given().contentType(ContentType.JSON)
                .body(Map.of(
                        "kind",
                        "surprise",
                        "text",
                        "Wie zich niet gehoord voelt, ziet vaak negatieve gevolgen.",
                        "cardId",
                        cards.get(0)))
                .post(base + "/notes")
                .then()
                .statusCode(201)
                .body("kind", equalTo("surprise"))
                .extract()
                .jsonPath()
                .getLong("id");
        long worry = given().contentType(ContentType.JSON)
                .body(Map.of("kind", "worry", "text", "Ouders haken af als niemand luistert."))
                .post(base + "/notes")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        long chance = given().contentType(ContentType.JSON)
                .body(Map.of("kind", "chance", "text", "Een vast aanspreekpunt per gezin."))
                .post(base + "/notes")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        given().contentType(ContentType.JSON)
                .body(Map.of("kind", "gossip", "text", "x"))
                .post(base + "/notes")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("kind"));
        given().contentType(ContentType.JSON)
                .body(Map.of("kind", "worry", "text", "x", "cardId", cards.get(5)))
                .post(base + "/notes")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("cardId"));

        Map<String, Object> proposal = new HashMap<>(Map.of(
                "title",
                "Vast aanspreekpunt",
                "action",
                "Elk gezin krijgt één vaste contactpersoon.",
                "goal",
                "Zodat ouders en jongeren zich gehoord voelen.",
                "owner",
                "Teamleider wijkteam Oost"));
        proposal.put("notes", List.of(surprise, worry));
        String proposalId = given().contentType(ContentType.JSON)
                .body(proposal)
                .post(base + "/proposals")
                .then()
                .statusCode(201)
                .body("status", equalTo("proposed"))
                .body("published", equalTo(false))
                .body("notes", equalTo(List.of((int) surprise, (int) worry)))
                .extract()
                .path("id");
        // drag the third note into the group
        given().contentType(ContentType.JSON)
                .body(Map.of("proposalId", proposalId))
                .put(base + "/notes/" + chance)
                .then()
                .statusCode(200)
                .body("proposalId", equalTo(proposalId));
        given().contentType(ContentType.JSON)
                .body(Map.of("title", "", "action", "x", "goal", "y", "owner", "z"))
                .post(base + "/proposals")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("title"));
        given().get(base)
                .then()
                .statusCode(200)
                .body("notes", hasSize(3))
                .body("proposals", hasSize(1))
                .body("proposals[0].notes", hasSize(3));

        // the storytellers see nothing before the facilitator publishes it
        given().get("/api/storypoints/" + planted.slug() + "/outcomes")
                .then()
                .statusCode(200)
                .body("proposals", hasSize(0));

        // afterwards: the facilitator records the decision and publishes
        asAdmin()
                .get("/api/sessions/" + session)
                .then()
                .statusCode(200)
                .body("notes", hasSize(3))
                .body("proposals[0].title", equalTo("Vast aanspreekpunt"))
                .body("tables[0].linkActive", equalTo(true));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("status", "adopted", "note", "Het college heeft het voorstel overgenomen."))
                .post("/api/proposals/" + proposalId + "/updates")
                .then()
                .statusCode(201)
                .body("status", equalTo("adopted"))
                .body("updates[0].doneBy", equalTo("admin"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("status", "finished"))
                .post("/api/proposals/" + proposalId + "/updates")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("status"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "title",
                        "Eén vast aanspreekpunt",
                        "action",
                        proposal.get("action"),
                        "goal",
                        proposal.get("goal"),
                        "owner",
                        proposal.get("owner"),
                        "published",
                        true))
                .put("/api/proposals/" + proposalId)
                .then()
                .statusCode(200)
                .body("published", equalTo(true))
                .body("notes", hasSize(3));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("status", "in_progress", "note", "Twee wijkteams beginnen in maart."))
                .post("/api/proposals/" + proposalId + "/updates")
                .then()
                .statusCode(201);
        // the table sees the follow-up, but not which staff account wrote it
        given().get(base)
                .then()
                .statusCode(200)
                .body("proposals[0].updates.status", equalTo(List.of("adopted", "in_progress")))
                .body("proposals[0].updates[0].doneBy", nullValue());

        // a published card with a marked quote
        String quotedStory =
                asAdmin().get("/api/cards/" + cards.get(0)).then().extract().path("stories[0].id");
        int version =
                asAdmin().get("/api/cards/" + cards.get(0)).then().extract().path("version");
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "version",
                        version,
                        "interpretations",
                        List.of("Luisteren helpt.", "Het is andersom."),
                        "stories",
                        List.of(Map.of("id", quotedStory, "quoteStart", 0, "quoteEnd", 7)),
                        "published",
                        true))
                .put("/api/cards/" + cards.get(0))
                .then()
                .statusCode(200);

        String outcomes = given().get("/api/storypoints/" + planted.slug() + "/outcomes")
                .then()
                .statusCode(200)
                .body("proposals", hasSize(1))
                .body("proposals[0].title", equalTo("Eén vast aanspreekpunt"))
                .body("proposals[0].status", equalTo("in_progress"))
                .body("proposals[0].owner", equalTo("Teamleider wijkteam Oost"))
                .body("proposals[0].updates.status", equalTo(List.of("adopted", "in_progress")))
                .body("proposals[0].updates[0].note", equalTo("Het college heeft het voorstel overgenomen."))
                .body("proposals[0].updates[0].doneBy", nullValue())
                .body("cards", hasSize(1))
                .body("cards[0].quotes", equalTo(List.of("Verhaal")))
                .extract()
                .asString();
        // no story text, no notes and no staff names beyond what was published
        assertThat(outcomes)
                .doesNotContain("admin")
                .doesNotContain("Ouders haken af")
                .doesNotContain(storyIds.get(0));
        for (String id : storyIds.subList(0, 3)) {
            String text = given().get(base)
                    .then()
                    .extract()
                    .jsonPath()
                    .getString("stories.find { it.id == '" + id + "' }.text");
            assertThat(outcomes).doesNotContain(text + "\"");
        }
    }

    @Test
    void shouldWarnAboutTooMuchMaterialAndRefuseWhatDoesNotBelong() {
        String session = newSession().getString("id");
        asAdmin()
                .contentType(ContentType.JSON)
                .body(tablePlan("Te vol", cards, storyIds.subList(0, 21)))
                .post("/api/sessions/" + session + "/tables")
                .then()
                .statusCode(200)
                .body("tables[0].warnings.code", equalTo(List.of("too-many-cards", "too-many-stories")))
                .body("tables[0].warnings[0].count", equalTo(8))
                .body("tables[0].warnings[0].advised", equalTo(7))
                .body("tables[0].warnings[1].count", equalTo(21))
                .body("tables[0].warnings[1].advised", equalTo(20));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(tablePlan("Fout", List.of(UUID.randomUUID().toString()), List.of()))
                .post("/api/sessions/" + session + "/tables")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("cards[0]"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(tablePlan("Fout", List.of(), List.of("bestaat-niet")))
                .post("/api/sessions/" + session + "/tables")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("stories[0]"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(tablePlan("Dubbel", List.of(), List.of(storyIds.get(0), storyIds.get(0))))
                .post("/api/sessions/" + session + "/tables")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("stories[1]"))
                .body("errors[0].message", containsString("twice"));
        String hidden = storyIds.get(storyIds.size() - 1);
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("hidden", true))
                .put("/api/storypoints/" + planted.slug() + "/moderation/stories/" + hidden + "/visibility")
                .then()
                .statusCode(200);
        asAdmin()
                .contentType(ContentType.JSON)
                .body(tablePlan("Verborgen", List.of(), List.of(storyIds.get(0), hidden)))
                .post("/api/sessions/" + session + "/tables")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("stories[1]"))
                .body("errors[0].message", containsString("hidden"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("hidden", false))
                .put("/api/storypoints/" + planted.slug() + "/moderation/stories/" + hidden + "/visibility")
                .then()
                .statusCode(200);
        asAdmin()
                .contentType(ContentType.JSON)
                .body(tablePlan(" ", List.of(), List.of()))
                .post("/api/sessions/" + session + "/tables")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("name"));
        asAdmin().get("/api/sessions/" + session).then().body("tables", hasSize(1));

        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "storyPoint", planted.slug(), "title", "Zonder plek", "heldOn", "2026-12-01", "online", false))
                .post("/api/sessions")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("place"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("storyPoint", planted.slug(), "title", "Geen datum", "online", true))
                .post("/api/sessions")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("heldOn"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body("{\"storyPoint\":\"" + planted.slug()
                        + "\",\"title\":\"x\",\"heldOn\":\"morgen\",\"online\":true}")
                .post("/api/sessions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().get("/api/sessions/" + session).then().statusCode(401);
        asAdmin()
                .get("/api/storypoints/" + planted.slug() + "/sessions")
                .then()
                .statusCode(200)
                .body("find { it.id == '" + session + "' }.tables", equalTo(1));
    }

    @Test
    void shouldStopLinksThatAreRevokedOrExpired() throws Exception {
        String session = newSession().getString("id");
        String table = asAdmin()
                .contentType(ContentType.JSON)
                .body(tablePlan("Tafel", cards.subList(0, 1), List.of()))
                .post("/api/sessions/" + session + "/tables")
                .then()
                .statusCode(200)
                .extract()
                .path("tables[0].id");
        String first = asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/api/sessions/" + session + "/tables/" + table + "/link")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        given().get("/api/tables/" + first).then().statusCode(200);
        String second = asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/api/sessions/" + session + "/tables/" + table + "/link")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        given().get("/api/tables/" + first).then().statusCode(404).contentType("application/problem+json");
        given().get("/api/tables/" + second).then().statusCode(200);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE session_table SET token_expires_at = now() - interval '1 minute' WHERE id = ?::uuid")) {
            ps.setString(1, table);
            ps.executeUpdate();
        }
        given().get("/api/tables/" + second).then().statusCode(410).body("detail", containsString("expired"));
        given().contentType(ContentType.JSON)
                .body(Map.of("kind", "worry", "text", "te laat"))
                .post("/api/tables/" + second + "/notes")
                .then()
                .statusCode(410);
        String third = asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("days", 2))
                .post("/api/sessions/" + session + "/tables/" + table + "/link")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        asAdmin()
                .delete("/api/sessions/" + session + "/tables/" + table + "/link")
                .then()
                .statusCode(200)
                .body("tables[0].linkActive", equalTo(false));
        given().get("/api/tables/" + third).then().statusCode(404);
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("days", 31))
                .post("/api/sessions/" + session + "/tables/" + table + "/link")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("days"));
        given().get("/api/tables/kort").then().statusCode(404);
    }

    @Test
    void shouldLeadAShortCodeToItsTableAndRefuseWrongOrEndedCodes() throws Exception {
        String session = newSession().getString("id");
        String table = asAdmin()
                .contentType(ContentType.JSON)
                .body(tablePlan("Tafel", cards.subList(0, 1), List.of()))
                .post("/api/sessions/" + session + "/tables")
                .then()
                .statusCode(200)
                .extract()
                .path("tables[0].id");
        JsonPath link = asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/api/sessions/" + session + "/tables/" + table + "/link")
                .then()
                .statusCode(201)
                .body("code", matchesPattern("[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}"))
                .extract()
                .jsonPath();
        String code = link.getString("code");
        String path = link.getString("path");
        // as shown, and as people type it: small letters, without dashes, O for 0, I or L for 1
        for (String typed : List.of(
                code,
                code.toLowerCase(),
                code.replace("-", ""),
                " " + code.replace("-", " ") + " ",
                code.replace('0', 'O').replace('1', 'l'))) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("code", typed))
                    .post("/api/table-codes")
                    .then()
                    .statusCode(200)
                    .body("path", equalTo(path));
        }
        given().get("/api/tables/" + path.substring(3)).then().statusCode(200).body("table", equalTo("Tafel"));
        // neither the code nor the token is stored
        assertThat(everyRow())
                .noneMatch(row -> row.contains(code.replace("-", "")) || row.contains(link.getString("token")));

        // something that cannot be a code does not count as a guess; a wrong code is 404
        given().contentType(ContentType.JSON)
                .body(Map.of("code", "12"))
                .post("/api/table-codes")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("code"));
        String wrong = code.charAt(0) == 'Z' ? "Y" + code.substring(1) : "Z" + code.substring(1);
        given().contentType(ContentType.JSON)
                .body(Map.of("code", wrong))
                .post("/api/table-codes")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");

        // an ended link's code says so; a stopped link's code no longer exists
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE session_table SET token_expires_at = now() - interval '1 minute' WHERE id = ?::uuid")) {
            ps.setString(1, table);
            ps.executeUpdate();
        }
        given().contentType(ContentType.JSON)
                .body(Map.of("code", code))
                .post("/api/table-codes")
                .then()
                .statusCode(410);
        String again = asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/api/sessions/" + session + "/tables/" + table + "/link")
                .then()
                .statusCode(201)
                .extract()
                .path("code");
        assertThat(again).isNotEqualTo(code);
        given().contentType(ContentType.JSON)
                .body(Map.of("code", code))
                .post("/api/table-codes")
                .then()
                .statusCode(404);
        asAdmin()
                .delete("/api/sessions/" + session + "/tables/" + table + "/link")
                .then()
                .statusCode(200);
        given().contentType(ContentType.JSON)
                .body(Map.of("code", again))
                .post("/api/table-codes")
                .then()
                .statusCode(404);
    }

    @Test
    void shouldMakeAnAddressWaitAfterTooManyWrongCodes() {
        // from an address of its own, so that other tests' wrong codes do not count here, nor these there
        String from = "127.0.0.93";
        String body = "{\"code\": \"ZZZ-ZZZ-ZZ9\"}";
        Map<String, String> json = Map.of("Content-Type", "application/json");
        for (int i = 0; i < 20; i++) {
            assertThat(LoopbackHttp.send(from, "POST", "/api/table-codes", json, body)
                            .status())
                    .isEqualTo(404);
        }
        LoopbackHttp.Answer refused = LoopbackHttp.send(from, "POST", "/api/table-codes", json, body);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("retry-after"))).isPositive();
        // another address may still try
        assertThat(LoopbackHttp.send("127.0.0.94", "POST", "/api/table-codes", json, body)
                        .status())
                .isEqualTo(404);
    }

    private List<String> everyRow() {
        return Database.everyRowAsText(dataSource);
    }
}
