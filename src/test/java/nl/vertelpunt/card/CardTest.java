package nl.vertelpunt.card;

import static io.restassured.RestAssured.given;
import static nl.vertelpunt.testing.Fixtures.as;
import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.publishedStoryPoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.vertelpunt.testing.Database;
import nl.vertelpunt.testing.Planted;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Observation cards from the patterns of an evaluation: drafting, typical stories, edits and versions, access. */
@QuarkusTest
class CardTest {

    private static Planted planted;

    @Inject
    AgroalDataSource dataSource;

    /**
     * One story point with planted patterns, made once. Before it is evaluated, stories ending in 1 get a
     * personal-data flag, in 2 are hidden and in 3 are incomplete: none of them may ever be suggested.
     */
    @BeforeEach
    void storyPoint() throws Exception {
        if (planted == null) {
            String slug = Planted.storyPoint("cards", 900, 31);
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement(
                            "UPDATE story SET flagged = id LIKE '%1', hidden = id LIKE '%2', complete = id NOT LIKE '%3' "
                                    + "WHERE story_point_id = (SELECT id FROM story_point WHERE slug = ?)")) {
                ps.setString(1, slug);
                ps.executeUpdate();
            }
            planted = new Planted(slug, Planted.evaluate(slug));
        }
    }

    private static JsonPath create(String pattern) {
        return asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("runId", planted.runId(), "pattern", pattern))
                .post("/api/cards")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/cards/"))
                .extract()
                .jsonPath();
    }

    private Map<String, Map<String, Object>> stories(List<String> ids) throws Exception {
        Map<String, Map<String, Object>> out = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT id, flagged, hidden, complete, answers::text FROM story WHERE id = ANY (?) "
                                + "AND story_point_id = (SELECT id FROM story_point WHERE slug = ?)")) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            ps.setString(2, planted.slug());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(
                            rs.getString(1),
                            Map.of(
                                    "flagged",
                                    rs.getBoolean(2),
                                    "hidden",
                                    rs.getBoolean(3),
                                    "complete",
                                    rs.getBoolean(4),
                                    "answers",
                                    new ObjectMapper().readValue(rs.getString(5), Map.class)));
                }
            }
        }
        return out;
    }

    private void assertShowable(List<String> ids) throws Exception {
        Map<String, Map<String, Object>> rows = stories(ids);
        assertThat(rows).hasSize(ids.size());
        rows.forEach((id, row) -> {
            assertThat(row.get("flagged")).as("flagged " + id).isEqualTo(false);
            assertThat(row.get("hidden")).as("hidden " + id).isEqualTo(false);
            assertThat(row.get("complete")).as("complete " + id).isEqualTo(true);
        });
    }

    @Test
    void shouldDraftASliderByChoiceCardWithStoriesFromTheMostDistantGroups() throws Exception {
        JsonPath card = create("slider_by_choice|gehoord|gevolg");
        assertThat(card.getInt("version")).isEqualTo(1);
        assertThat(card.getString("title")).isEqualTo("gehoord – gevolg");
        assertThat(card.getString("observation"))
                .contains("Wie bij vraag 1 ‘zeer-negatief’ koos")
                .contains("Wie bij vraag 1 ‘zeer-positief’ koos");
        assertThat(card.getList("interpretations", String.class)).containsExactly("", "");
        assertThat(card.getString("provenance.runId")).isEqualTo(planted.runId());
        assertThat(card.getString("provenance.fingerprint")).hasSize(64);
        // the card shows the evaluation's story count rounded like every count staff see (threshold 5)
        int exact = Database.queryInt(
                dataSource, "SELECT story_count FROM evaluation_run WHERE id = ?::uuid", planted.runId());
        int shown = card.getInt("provenance.stories");
        assertThat(shown % 5).isZero();
        assertThat(Math.abs(shown - exact)).isLessThanOrEqualTo(2);
        assertThat(card.getList("questions.variable", String.class)).containsExactly("gehoord", "gevolg");
        assertThat(card.getString("data.test")).isEqualTo("kruskal-wallis");

        List<String> ids = card.getList("stories.id", String.class);
        assertThat(ids).hasSize(4);
        assertShowable(ids);
        List<Object> levels = new ArrayList<>();
        stories(ids).values().forEach(s -> levels.add(((Map<?, ?>) s.get("answers")).get("gevolg")));
        // the planted pattern: the lowest 'gehoord' with 'zeer-negatief', the highest with 'zeer-positief'; both
        // represented
        assertThat(levels).containsOnly("zeer-negatief", "zeer-positief").contains("zeer-negatief", "zeer-positief");
    }

    @Test
    void shouldDraftCardsForEveryOtherKindOfPattern() throws Exception {
        for (String pattern : List.of(
                "choice_by_choice|regio|soort-hulp",
                "slider_by_slider|gehoord|op-tijd",
                "slider_by_choice|wachttijd|themas:wachten")) {
            JsonPath card = create(pattern);
            assertThat(card.getString("observation"))
                    .as(pattern)
                    .contains("verhalen")
                    .contains("toevallig is, is")
                    .doesNotContain("q =")
                    .doesNotContain("q <");
            List<String> ids = card.getList("stories.id", String.class);
            assertThat(ids).as(pattern).hasSizeGreaterThanOrEqualTo(2);
            assertShowable(ids);
            if (pattern.startsWith("slider_by_slider")) {
                // the planted correlation is positive: stories come from the low-low and high-high corners
                stories(ids).values().forEach(s -> {
                    int heard = ((Number) ((Map<?, ?>) s.get("answers")).get("gehoord")).intValue();
                    int onTime = ((Number) ((Map<?, ?>) s.get("answers")).get("op-tijd")).intValue();
                    assertThat(heard <= 33 && onTime <= 33 || heard >= 67 && onTime >= 67)
                            .as(heard + "/" + onTime)
                            .isTrue();
                });
            }
            if (pattern.startsWith("choice_by_choice")) {
                // the planted association: region i goes with kind of help i
                List<String> regions = List.of("noord", "oost", "zuid", "west");
                List<String> help = List.of("licht", "ambulant", "ggz", "verblijf");
                stories(ids).values().forEach(s -> {
                    Map<?, ?> a = (Map<?, ?>) s.get("answers");
                    assertThat(regions.indexOf(a.get("regio"))).isEqualTo(help.indexOf(a.get("soort-hulp")));
                });
            }
        }
    }

    @Test
    void shouldSaveEditsAsNewVersionsAndRefuseStaleOnes() {
        JsonPath card = create("slider_by_choice|duidelijk|role");
        String id = card.getString("id");
        List<String> ids = card.getList("stories.id", String.class);
        Map<String, Object> edit = new HashMap<>();
        edit.put("version", 1);
        edit.put("title", "Duidelijkheid verschilt per rol");
        edit.put(
                "interpretations",
                List.of("Professionals weten meer van de hulp dan ouders.", "Ouders krijgen te weinig uitleg."));
        edit.put(
                "stories", List.of(Map.of("id", ids.get(1), "quoteStart", 0, "quoteEnd", 7), Map.of("id", ids.get(0))));
        edit.put("published", true);
        asAdmin()
                .contentType(ContentType.JSON)
                .body(edit)
                .put("/api/cards/" + id)
                .then()
                .statusCode(200)
                .body("version", equalTo(2))
                .body("title", equalTo("Duidelijkheid verschilt per rol"))
                .body("published", equalTo(true))
                .body("stories.id", equalTo(List.of(ids.get(1), ids.get(0))))
                .body("stories[0].quote", equalTo("Verhaal"))
                .body("observation", startsWith("Er zijn "));

        // someone else's save in between: nothing is overwritten
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("version", 1, "title", "Oud"))
                .put("/api/cards/" + id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("version"));
        asAdmin()
                .get("/api/cards/" + id + "/revisions")
                .then()
                .statusCode(200)
                .body("version", equalTo(List.of(2, 1)))
                .body("[0].content.title", equalTo("Duidelijkheid verschilt per rol"))
                .body("[1].content.title", equalTo(card.getString("title")))
                .body("[0].content.stories[0].quoteEnd", equalTo(7));
        asAdmin()
                .get("/api/storypoints/" + planted.slug() + "/cards")
                .then()
                .statusCode(200)
                .body("find { it.id == '" + id + "' }.version", equalTo(2))
                .body("find { it.id == '" + id + "' }.stories", equalTo(2));
    }

    @Test
    void shouldKeepQuotesRightThroughRedactionsAndWithdrawOneThatARedactionCutsInto() throws Exception {
        JsonPath card = create("slider_by_choice|veilig|gevolg");
        String id = card.getString("id");
        String story = card.getList("stories.id", String.class).get(0);
        String text =
                "Met de hulp van het wijkteam en hun Flamingo-aanpak ging het eindelijk beter met onze zoon thuis.";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE story SET text = ? WHERE id = ? AND story_point_id = "
                        + "(SELECT id FROM story_point WHERE slug = ?)")) {
            ps.setString(1, text);
            ps.setString(2, story);
            ps.setString(3, planted.slug());
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        assertThat(text.substring(36, 51)).isEqualTo("Flamingo-aanpak");
        String quote = "Flamingo-aanpak";
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("version", 1, "stories", List.of(Map.of("id", story, "quoteStart", 36, "quoteEnd", 51))))
                .put("/api/cards/" + id)
                .then()
                .statusCode(200)
                .body("stories[0].quote", equalTo(quote));
        String redactions = "/api/storypoints/" + planted.slug() + "/moderation/stories/" + story + "/redactions";

        // a redaction before the quote (5 characters become "[verwijderd]"): the quote moves with the text
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("field", "text", "start", 0, "end", 5))
                .post(redactions)
                .then()
                .statusCode(200);
        int shift = "[verwijderd]".length() - 5;
        asAdmin()
                .get("/api/cards/" + id)
                .then()
                .statusCode(200)
                .body("stories[0].quote", equalTo(quote))
                .body("stories[0].quoteStart", equalTo(36 + shift))
                .body("stories[0].quoteWithdrawn", equalTo(false));
        asAdmin()
                .get("/api/cards/" + id + "/revisions")
                .then()
                .body("[0].content.stories[0].quoteStart", equalTo(36 + shift));

        // a redaction after the quote leaves it as it is
        int end = text.length() + shift;
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("field", "text", "start", end - 3, "end", end))
                .post(redactions)
                .then()
                .statusCode(200);
        asAdmin().get("/api/cards/" + id).then().body("stories[0].quote", equalTo(quote));

        // a redaction that cuts into the quote withdraws it, from every version, with a notice
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("field", "text", "start", 36 + shift + 5, "end", 36 + shift + 20))
                .post(redactions)
                .then()
                .statusCode(200);
        asAdmin()
                .get("/api/cards/" + id)
                .then()
                .statusCode(200)
                .body("stories[0].quote", Matchers.nullValue())
                .body("stories[0].quoteStart", Matchers.nullValue())
                .body("stories[0].quoteWithdrawn", equalTo(true));
        asAdmin()
                .get("/api/cards/" + id + "/revisions")
                .then()
                .body("[0].content.stories[0].quoteStart", Matchers.nullValue())
                .body(
                        "[1].content.stories.findAll { it.id == '" + story + "' }.quoteStart",
                        Matchers.everyItem(Matchers.nullValue()));

        asAdmin()
                .get("/api/storypoints/" + planted.slug() + "/cards")
                .then()
                .body("find { it.id == '" + id + "' }.quotesWithdrawn", equalTo(1));

        // the facilitator saves the card again: the notice is gone
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("version", 2, "title", "Opnieuw bewaard"))
                .put("/api/cards/" + id)
                .then()
                .statusCode(200)
                .body("stories[0].quoteWithdrawn", equalTo(false));
    }

    @Test
    void shouldRefuseBadEditsNamingTheField() throws Exception {
        String id = create("slider_by_slider|gehoord|wachttijd").getString("id");
        String flagged = firstStoryWhere("flagged");
        String hidden = firstStoryWhere("hidden");
        String base = "/api/cards/" + id;
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("title", "x"))
                .put(base)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("version"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("version", 1, "published", true))
                .put(base)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("published"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("version", 1, "interpretations", List.of("alleen een")))
                .put(base)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("interpretations"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("version", 1, "title", " "))
                .put(base)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("title"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("version", 1, "stories", List.of(Map.of("id", flagged))))
                .put(base)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("stories[0].id"))
                .body("errors[0].message", containsString("personal data"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("version", 1, "stories", List.of(Map.of("id", hidden))))
                .put(base)
                .then()
                .statusCode(422)
                .body("errors[0].message", containsString("hidden"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("version", 1, "stories", List.of(Map.of("id", "bestaat-niet"))))
                .put(base)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("stories[0].id"));
        String story = asAdmin().get(base).then().extract().path("stories[0].id");
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("version", 1, "stories", List.of(Map.of("id", story, "quoteStart", 2, "quoteEnd", 900))))
                .put(base)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("stories[0].quoteStart"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("version", 1, "stories", List.of(Map.of("id", story), Map.of("id", story))))
                .put(base)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("stories[1].id"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body("{nope")
                .put(base)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        assertRefusesMoreThanFitsOnOnePage(base);
        // nothing was saved by any of these
        asAdmin().get(base).then().statusCode(200).body("version", equalTo(1));

        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("runId", planted.runId(), "pattern", "slider_by_slider|gehoord|wachttijd"))
                .post("/api/cards")
                .then()
                .statusCode(409)
                .body("errors[0].field", equalTo("pattern"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("runId", planted.runId(), "pattern", "slider_by_slider|gehoord|nergens"))
                .post("/api/cards")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("pattern"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("pattern", "slider_by_slider|gehoord|op-tijd"))
                .post("/api/cards")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("runId"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("runId", UUID.randomUUID(), "pattern", "a|b|c"))
                .post("/api/cards")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("runId"));
    }

    @Test
    void shouldSuggestOtherShowableStoriesThatAreNotOnTheCard() throws Exception {
        JsonPath card = create("slider_by_choice|op-tijd|gevolg");
        List<String> onCard = card.getList("stories.id", String.class);
        JsonPath suggestions = asAdmin()
                .queryParam("count", 20)
                .get("/api/cards/" + card.getString("id") + "/suggestions")
                .then()
                .statusCode(200)
                .body("$", hasSize(20))
                .extract()
                .jsonPath();
        List<String> ids = suggestions.getList("id", String.class);
        assertThat(ids).doesNotContainAnyElementsOf(onCard).doesNotHaveDuplicates();
        assertShowable(ids);
        assertThat(suggestions.getList("group", String.class)).containsOnly("zeer-negatief", "zeer-positief");
        asAdmin()
                .queryParam("count", 0)
                .get("/api/cards/" + card.getString("id") + "/suggestions")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("count"));
    }

    @Test
    void shouldLetOnlyStaffOfTheStoryPointWorkOnItsCards() {
        String id = create("slider_by_choice|samen|gevolg").getString("id");
        String other = publishedStoryPoint("elsewhere");
        String user = "facilitator-" + System.nanoTime();
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "username",
                        user,
                        "password",
                        "a-long-enough-password",
                        "roles",
                        List.of("facilitator"),
                        "storyPoints",
                        List.of(other)))
                .post("/api/users")
                .then()
                .statusCode(201);
        given().get("/api/cards/" + id).then().statusCode(401);
        as(user, "a-long-enough-password").get("/api/cards/" + id).then().statusCode(403);
        as(user, "a-long-enough-password")
                .get("/api/storypoints/" + planted.slug() + "/cards")
                .then()
                .statusCode(403);
        as(user, "a-long-enough-password")
                .contentType(ContentType.JSON)
                .body(Map.of("runId", planted.runId(), "pattern", "slider_by_choice|veilig|gevolg"))
                .post("/api/cards")
                .then()
                .statusCode(403);
        as(user, "a-long-enough-password")
                .get("/api/storypoints/" + other + "/cards")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
        asAdmin().get("/api/cards/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        asAdmin().delete("/api/cards/" + id).then().statusCode(204);
        asAdmin().get("/api/cards/" + id).then().statusCode(404);
        asAdmin()
                .get("/api/storypoints/" + planted.slug() + "/cards")
                .then()
                .statusCode(200)
                .body("id", not(Matchers.hasItem(id)));
    }

    private static final String UUID_SHAPED =
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final String PATTERN_KEY = "\\w+\\|[\\w-]+\\|[\\w-]+";

    /**
     * Cards are numbered per story point and a number is never given twice; deck HTML and PDF show the number and
     * a provenance in words, never the card's UUID, the run's id or the pattern key, which the PDF keeps in its
     * metadata.
     */
    @Test
    void shouldNumberCardsPerStoryPointNeverTwiceAndPrintTheNumberAndAReadableProvenanceInsteadOfIds()
            throws Exception {
        JsonPath first = create("slider_by_choice|passend|gevolg");
        JsonPath second = create("slider_by_choice|vertrouwen|gevolg");
        int number = first.getInt("number");
        assertThat(number).isPositive();
        assertThat(second.getInt("number")).isEqualTo(number + 1);
        // a deleted card's number is not given again
        asAdmin().delete("/api/cards/" + second.getString("id")).then().statusCode(204);
        JsonPath third = create("slider_by_choice|passend|role");
        assertThat(third.getInt("number")).isEqualTo(number + 2);
        asAdmin()
                .get("/api/storypoints/" + planted.slug() + "/cards")
                .then()
                .statusCode(200)
                .body("find { it.id == '" + first.getString("id") + "' }.number", equalTo(number));

        String id = first.getString("id");
        String html = asAdmin()
                .get("/api/storypoints/" + planted.slug() + "/cards/deck.html?card=" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String visible = html.replaceAll("(?s)<style>.*?</style>", "")
                .replaceAll("(?s)<svg .*?</svg>", "")
                .replaceAll("<[^>]*>", " ");
        assertThat(visible)
                .contains("Kaart " + number + " · versie 1")
                .contains("Patroonevaluatie van ")
                .contains("verhalen, standaardinstellingen")
                .doesNotContain(id)
                .doesNotContain(planted.runId())
                .doesNotContain("slider_by_choice")
                .doesNotContain("minGroupSize")
                .doesNotContainPattern(UUID_SHAPED)
                .doesNotContainPattern(PATTERN_KEY);

        byte[] pdf = asAdmin()
                .get("/api/storypoints/" + planted.slug() + "/cards/deck.pdf?card=" + id)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("Kaart " + number + " · versie 1")
                    .contains("Patroonevaluatie van ")
                    .doesNotContain(id)
                    .doesNotContain(planted.runId())
                    .doesNotContain("slider_by_choice")
                    .doesNotContainPattern(UUID_SHAPED)
                    .doesNotContainPattern(PATTERN_KEY)
                    .doesNotContain("{\"");
            assertThat(document.getDocumentInformation().getCustomMetadataValue("Kaart " + number))
                    .contains("kaart " + id)
                    .contains("patroonevaluatie " + planted.runId())
                    .contains("vingerafdruk (SHA-256) ")
                    .contains("patroon slider_by_choice|passend|gevolg");
        }
    }

    /**
     * A card is one A4 page: longer texts, more stories or longer quotes than fit on it are refused, naming the field
     * (a card at the limits is saved and printed on one page in CardDeckTest).
     */
    private void assertRefusesMoreThanFitsOnOnePage(String card) throws Exception {
        String longest = "a".repeat(CardService.MAX_OBSERVATION);
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("version", 1, "observation", longest + "a"))
                .put(card)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("observation"))
                .body("errors[0].message", containsString("A4"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("version", 1, "title", "t".repeat(CardService.MAX_TITLE + 1)))
                .put(card)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("title"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "version",
                        1,
                        "interpretations",
                        List.of("kort", "b".repeat(CardService.MAX_INTERPRETATION + 1))))
                .put(card)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("interpretations[1]"));
        List<Map<String, Object>> many = new ArrayList<>();
        for (String id : showableStories(CardService.MAX_STORIES + 1)) {
            many.add(Map.of("id", id));
        }
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("version", 1, "stories", many))
                .put(card)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("stories"));
        String text = "We wachtten lang. ".repeat(30);
        String story = given().contentType(ContentType.JSON)
                .body(Map.of(
                        "submissionId",
                        UUID.randomUUID().toString(),
                        "role",
                        "ouder",
                        "language",
                        "nl",
                        "text",
                        text,
                        "answers",
                        Map.of()))
                .post("/api/storypoints/" + planted.slug() + "/stories")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "version",
                        1,
                        "stories",
                        List.of(Map.of("id", story, "quoteStart", 10, "quoteEnd", 11 + CardService.MAX_QUOTE))))
                .put(card)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("stories[0].quoteEnd"));
    }

    private List<String> showableStories(int count) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT id FROM story WHERE NOT flagged "
                                + "AND NOT hidden AND story_point_id = (SELECT id FROM story_point WHERE slug = ?) ORDER BY id LIMIT ?")) {
            ps.setString(1, planted.slug());
            ps.setInt(2, count);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        assertThat(ids).hasSize(count);
        return ids;
    }

    private String firstStoryWhere(String column) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id FROM story WHERE " + column
                        + " AND story_point_id = (SELECT id FROM story_point WHERE slug = ?) ORDER BY id LIMIT 1")) {
            ps.setString(1, planted.slug());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
