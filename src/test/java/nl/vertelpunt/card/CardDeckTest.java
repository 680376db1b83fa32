package nl.vertelpunt.card;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import nl.vertelpunt.card.render.CardDocument;
import nl.vertelpunt.testing.Planted;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Decks of real cards through the API: the PDF read back with PDFBox, the HTML, and the charts as SVG. */
@QuarkusTest
class CardDeckTest {

    private static final List<String> PATTERNS = List.of("slider_by_choice|gehoord|gevolg", "choice_by_choice|regio|soort-hulp",
            "slider_by_slider|gehoord|op-tijd", "slider_by_choice|wachttijd|themas:wachten");
    private static Planted planted;
    private static List<JsonPath> cards;

    @BeforeEach
    void deck() throws Exception {
        if (planted == null) {
            planted = Planted.create("deck", 600, 51);
            cards = new ArrayList<>();
            int n = 0;
            for (String pattern : PATTERNS) {
                String id = asAdmin().contentType(ContentType.JSON).body(Map.of("runId", planted.runId(), "pattern", pattern))
                        .post("/api/cards").then().statusCode(201).extract().path("id");
                n++;
                // Dutch characters and a quote in every card
                cards.add(asAdmin().contentType(ContentType.JSON).body(Map.of("version", 1,
                                "interpretations", List.of("Lezing " + n + ": wie zich gehoord voelt, ervaart één vaste hulpverlener als ‘ideaal’.",
                                        "Lezing " + n + " andersom: cliënten die positieve gevolgen zagen, vulden ‘gehoord’ positiever in."),
                                "published", true))
                        .put("/api/cards/" + id).then().statusCode(200).extract().jsonPath());
            }
        }
    }

    /** Whitespace as one space; a line may break after a hyphen (op-/tijd), so a hyphen joins what follows. */
    private static String flat(String text) {
        return text.replaceAll("\\s+", " ").replace("- ", "-").strip();
    }

    @Test
    void shouldPrintEveryCardOnItsOwnA4PageWithItsTextsStoryIdsAndTheDisclaimer() throws Exception {
        Response response = asAdmin().get("/api/storypoints/" + planted.slug() + "/cards/deck.pdf");
        response.then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", containsString("observatiekaarten-" + planted.slug() + ".pdf"));
        try (PDDocument pdf = Loader.loadPDF(response.asByteArray())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(PATTERNS.size());
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= PATTERNS.size(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = flat(stripper.getText(pdf));
                JsonPath card = cards.get(page - 1);
                assertThat(pdf.getPage(page - 1).getMediaBox().getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
                assertThat(text).as("page " + page).contains(flat(card.getString("title")))
                        .contains(flat(card.getString("observation")))
                        .contains(flat(card.getList("interpretations", String.class).get(0)))
                        .contains(flat(card.getList("interpretations", String.class).get(1)))
                        .contains(flat(CardDocument.DISCLAIMER));
                for (String story : card.getList("stories.id", String.class)) {
                    assertThat(text).as("page " + page).contains(story);
                }
            }
        }
    }

    @Test
    void shouldPrintChosenCardsInTheirOrderAndRefuseOthers() throws Exception {
        String second = cards.get(1).getString("id");
        String first = cards.get(0).getString("id");
        byte[] pdf = asAdmin().queryParam("card", second, first).get("/api/storypoints/" + planted.slug() + "/cards/deck.pdf")
                .then().statusCode(200).extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            assertThat(flat(stripper.getText(document))).contains(flat(cards.get(1).getString("observation")));
        }
        asAdmin().queryParam("card", "geen-id").get("/api/storypoints/" + planted.slug() + "/cards/deck.pdf").then()
                .statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("card[0]"));
        asAdmin().queryParam("card", java.util.UUID.randomUUID().toString()).get("/api/storypoints/" + planted.slug() + "/cards/deck.pdf")
                .then().statusCode(422).body("errors[0].field", equalTo("card[0]"));
        given().get("/api/storypoints/" + planted.slug() + "/cards/deck.pdf").then().statusCode(401);
    }

    @Test
    void shouldServeTheSameDeckAsHtmlWithItsOwnStylePolicyOnly() {
        Response html = asAdmin().get("/api/storypoints/" + planted.slug() + "/cards/deck.html");
        html.then().statusCode(200).contentType(containsString("text/html"));
        List<String> policies = html.getHeaders().getValues("Content-Security-Policy");
        assertThat(policies).hasSize(1);
        assertThat(policies.get(0)).startsWith("default-src 'none'; style-src 'sha256-").doesNotContain("script-src 'self'");
        for (JsonPath card : cards) {
            assertThat(html.asString()).contains(card.getString("id").substring(0, 8)).contains("<svg");
        }
    }

    @Test
    void shouldDrawEachChartAsSvgForStaffAndForATableLink() {
        String card = cards.get(0).getString("id");
        asAdmin().get("/api/cards/" + card + "/chart.svg").then().statusCode(200).contentType(startsWith("image/svg+xml"))
                .body(startsWith("<svg")).body(containsString("<title"));
        given().get("/api/cards/" + card + "/chart.svg").then().statusCode(401);

        String session = asAdmin().contentType(ContentType.JSON).body(Map.of("storyPoint", planted.slug(), "title", "Bijeenkomst",
                "heldOn", java.time.LocalDate.now().toString(), "online", true)).post("/api/sessions").then().statusCode(201).extract().path("id");
        String table = asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Tafel 1", "cards", List.of(card), "stories", List.of()))
                .post("/api/sessions/" + session + "/tables").then().statusCode(200).extract().path("tables[0].id");
        String token = asAdmin().contentType(ContentType.JSON).body(Map.of()).post("/api/sessions/" + session + "/tables/" + table + "/link")
                .then().statusCode(201).extract().path("token");
        String svg = given().get("/api/tables/" + token + "/cards/" + card + "/chart.svg").then().statusCode(200)
                .contentType(startsWith("image/svg+xml")).extract().asString();
        assertThat(svg).isEqualTo(asAdmin().get("/api/cards/" + card + "/chart.svg").asString());
        given().get("/api/tables/" + token + "/cards/" + cards.get(1).getString("id") + "/chart.svg").then().statusCode(404);

        byte[] tablePdf = asAdmin().get("/api/sessions/" + session + "/tables/" + table + "/deck.pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertThat(new String(tablePdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }
}
