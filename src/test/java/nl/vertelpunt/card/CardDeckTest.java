package nl.vertelpunt.card;

import static io.restassured.RestAssured.given;
import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.vertelpunt.card.render.CardDocument;
import nl.vertelpunt.card.render.CardFixtures;
import nl.vertelpunt.card.render.PdfText;
import nl.vertelpunt.testing.Planted;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Decks of real cards through the API: the PDF read back with PDFBox, the HTML, and the charts as SVG. */
@QuarkusTest
class CardDeckTest {

    private static final List<String> PATTERNS = List.of(
            "slider_by_choice|gehoord|gevolg",
            "choice_by_choice|regio|soort-hulp",
            "slider_by_slider|gehoord|op-tijd",
            "slider_by_choice|wachttijd|themas:wachten");
    /** The cards made as full as a card may be; the first of them has the largest table (regions × kinds of help). */
    private static final Set<Integer> FULL = Set.of(1, 3);

    private static Planted planted;
    private static List<JsonPath> cards;

    @BeforeEach
    void deck() throws Exception {
        if (planted == null) {
            Planted made = Planted.create("deck", 600, 51);
            List<String> longStories = longStories(made.slug());
            cards = new ArrayList<>();
            int n = 0;
            for (String pattern : PATTERNS) {
                String id = asAdmin()
                        .contentType(ContentType.JSON)
                        .body(Map.of("runId", made.runId(), "pattern", pattern))
                        .post("/api/cards")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
                Map<String, Object> edit = new HashMap<>();
                edit.put("version", 1);
                edit.put("published", true);
                if (FULL.contains(n)) {
                    // every text at its longest, the most stories, each with the longest quote
                    edit.put("title", CardFixtures.dutch(CardService.MAX_TITLE, n, "Kaart " + n + ":"));
                    edit.put(
                            "observation",
                            CardFixtures.dutch(CardService.MAX_OBSERVATION, n + 2, "Observatie " + n + ":"));
                    edit.put(
                            "interpretations",
                            List.of(
                                    CardFixtures.dutch(CardService.MAX_INTERPRETATION, n + 4, "Lezing " + n + ":"),
                                    CardFixtures.dutch(
                                            CardService.MAX_INTERPRETATION, n + 6, "Andere lezing " + n + ":")));
                    List<Map<String, Object>> stories = new ArrayList<>();
                    for (String story : longStories) {
                        stories.add(Map.of("id", story, "quoteStart", 600, "quoteEnd", 600 + CardService.MAX_QUOTE));
                    }
                    edit.put("stories", stories);
                } else {
                    // Dutch characters and a quote in every card
                    edit.put(
                            "interpretations",
                            List.of(
                                    "Lezing " + n
                                            + ": wie zich gehoord voelt, ervaart één vaste hulpverlener als ‘ideaal’.",
                                    "Lezing " + n
                                            + " andersom: cliënten die positieve gevolgen zagen, vulden ‘gehoord’ positiever in."));
                }
                cards.add(asAdmin()
                        .contentType(ContentType.JSON)
                        .body(edit)
                        .put("/api/cards/" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath());
                n++;
            }
            planted = made;
        }
    }

    /** As many long stories (1,500 characters) as a card may hold, shared at the story point; their ids. */
    private static List<String> longStories(String slug) {
        List<String> ids = new ArrayList<>();
        String[] roles = {"ouder", "jongere", "professional"};
        for (int i = 0; i < CardService.MAX_STORIES; i++) {
            Map<String, Object> story = Map.of(
                    "submissionId",
                    UUID.randomUUID().toString(),
                    "role",
                    roles[i % roles.length],
                    "language",
                    "nl",
                    "title",
                    "Lang verhaal " + (i + 1),
                    "text",
                    CardFixtures.dutch(1500, i, "Lang verhaal " + (i + 1) + "."),
                    "answers",
                    Map.of());
            ids.add(given().contentType(ContentType.JSON)
                    .body(story)
                    .post("/api/storypoints/" + slug + "/stories")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
        }
        return ids;
    }

    /** Whitespace as one space; a line may break after a hyphen (op-/tijd), so a hyphen joins what follows. */
    private static String flat(String text) {
        return text.replaceAll("\\s+", " ").replace("- ", "-").strip();
    }

    @Test
    void shouldPrintEveryCardFullOrShortOnItsOwnA4PageWithItsTextsStoryIdsQuotesAndTheDisclaimer() throws Exception {
        Response response = asAdmin().get("/api/storypoints/" + planted.slug() + "/cards/deck.pdf");
        response.then()
                .statusCode(200)
                .contentType("application/pdf")
                .header("Content-Disposition", containsString("observatiekaarten-" + planted.slug() + ".pdf"));
        try (PDDocument pdf = Loader.loadPDF(response.asByteArray())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(PATTERNS.size());
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= PATTERNS.size(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = flat(stripper.getText(pdf));
                PdfText read = PdfText.of(pdf, page);
                JsonPath card = cards.get(page - 1);
                assertThat(pdf.getPage(page - 1).getMediaBox().getWidth()).isCloseTo(595.3f, Offset.offset(1f));
                assertThat(text)
                        .as("page " + page)
                        .contains(flat(card.getString("title")))
                        .contains(flat(card.getString("observation")))
                        .contains(flat(
                                card.getList("interpretations", String.class).get(0)))
                        .contains(flat(
                                card.getList("interpretations", String.class).get(1)))
                        .contains(flat(CardDocument.DISCLAIMER));
                List<String> stories = card.getList("stories.id", String.class);
                assertThat(stories).as("stories on card " + page).isNotEmpty();
                for (String story : stories) {
                    assertThat(text).as("page " + page).contains(story);
                }
                for (String quote : card.getList("stories.quote", String.class)) {
                    if (quote != null) {
                        assertThat(read.contains(quote))
                                .as("quote on page " + page + ": " + quote)
                                .isTrue();
                    }
                }
                if (FULL.contains(page - 1)) {
                    assertThat(stories).hasSize(CardService.MAX_STORIES);
                    assertThat(card.getList("stories.quote", String.class))
                            .allSatisfy(q -> assertThat(q).hasSize(CardService.MAX_QUOTE));
                    assertThat(read.smallestSize(card.getString("observation")))
                            .hasValueSatisfying(size -> assertThat(size).isGreaterThan(6.95f));
                }
            }
        }
    }

    @Test
    void shouldPrintChosenCardsInTheirOrderAndRefuseOthers() throws Exception {
        String second = cards.get(1).getString("id");
        String first = cards.get(0).getString("id");
        byte[] pdf = asAdmin()
                .queryParam("card", second, first)
                .get("/api/storypoints/" + planted.slug() + "/cards/deck.pdf")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            assertThat(flat(stripper.getText(document)))
                    .contains(flat(cards.get(1).getString("observation")));
        }
        asAdmin()
                .queryParam("card", "geen-id")
                .get("/api/storypoints/" + planted.slug() + "/cards/deck.pdf")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("card[0]"));
        asAdmin()
                .queryParam("card", UUID.randomUUID().toString())
                .get("/api/storypoints/" + planted.slug() + "/cards/deck.pdf")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("card[0]"));
        given().get("/api/storypoints/" + planted.slug() + "/cards/deck.pdf")
                .then()
                .statusCode(401);
    }

    @Test
    void shouldServeTheSameDeckAsHtmlWithItsOwnStylePolicyOnly() {
        Response html = asAdmin().get("/api/storypoints/" + planted.slug() + "/cards/deck.html");
        html.then().statusCode(200).contentType(containsString("text/html"));
        List<String> policies = html.getHeaders().getValues("Content-Security-Policy");
        assertThat(policies).hasSize(1);
        assertThat(policies.get(0))
                .startsWith("default-src 'none'; style-src 'sha256-")
                .doesNotContain("script-src 'self'");
        for (JsonPath card : cards) {
            assertThat(html.asString())
                    .contains(card.getString("id").substring(0, 8))
                    .contains("<svg");
        }
    }

    @Test
    void shouldDrawEachChartAsSvgForStaffAndForATableLink() {
        String card = cards.get(0).getString("id");
        asAdmin()
                .get("/api/cards/" + card + "/chart.svg")
                .then()
                .statusCode(200)
                .contentType(startsWith("image/svg+xml"))
                .body(startsWith("<svg"))
                .body(containsString("<title"));
        given().get("/api/cards/" + card + "/chart.svg").then().statusCode(401);

        String session = asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "storyPoint",
                        planted.slug(),
                        "title",
                        "Bijeenkomst",
                        "heldOn",
                        LocalDate.now().toString(),
                        "online",
                        true))
                .post("/api/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String table = asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Tafel 1", "cards", List.of(card), "stories", List.of()))
                .post("/api/sessions/" + session + "/tables")
                .then()
                .statusCode(200)
                .extract()
                .path("tables[0].id");
        String token = asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/api/sessions/" + session + "/tables/" + table + "/link")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        String svg = given().get("/api/tables/" + token + "/cards/" + card + "/chart.svg")
                .then()
                .statusCode(200)
                .contentType(startsWith("image/svg+xml"))
                .extract()
                .asString();
        assertThat(svg)
                .isEqualTo(asAdmin().get("/api/cards/" + card + "/chart.svg").asString());
        given().get("/api/tables/" + token + "/cards/" + cards.get(1).getString("id") + "/chart.svg")
                .then()
                .statusCode(404);

        byte[] tablePdf = asAdmin()
                .get("/api/sessions/" + session + "/tables/" + table + "/deck.pdf")
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();
        assertThat(new String(tablePdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }
}
