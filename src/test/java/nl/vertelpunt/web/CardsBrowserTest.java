package nl.vertelpunt.web;

import static io.restassured.RestAssured.given;
import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.vertelpunt.card.render.CardDocument;
import nl.vertelpunt.card.render.PdfText;
import nl.vertelpunt.testing.Planted;
import nl.vertelpunt.testing.WorkspaceTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Observation cards in the workspace, in Chromium against the real service: a card made from a pattern,
 * its observation and two readings written, a story taken off, one swapped in from the suggestions and one
 * added by its id, quotes marked by selecting text and by position, published and saved; a save on top of
 * someone else's shows the conflict; the cards list and its deck downloads.
 */
@QuarkusTest
class CardsBrowserTest extends WorkspaceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Planted planted;
    /** A story whose text holds a character outside the BMP before the quote: offsets must be UTF-16. */
    private static String emojiStory;

    private static final String EMOJI_TEXT =
            "Eerst 😀 lang wachten op hulp, daarna eindelijk een vaste hulpverlener die luisterde.";

    @BeforeEach
    void data() throws Exception {
        if (planted == null) {
            planted = Planted.create("kaarten-ui", 500, 53);
            emojiStory = given().contentType(ContentType.JSON)
                    .body(Map.of(
                            "submissionId",
                            UUID.randomUUID().toString(),
                            "role",
                            "ouder",
                            "language",
                            "nl",
                            "text",
                            EMOJI_TEXT,
                            "answers",
                            Map.of()))
                    .post("/api/storypoints/" + planted.slug() + "/stories")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
        }
    }

    private static JsonNode card(String id) throws Exception {
        return JSON.readTree(asAdmin()
                .get("/api/cards/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    /** The rank of a pattern in the planted evaluation's result. */
    private static int rank(String kind, String first, String second) throws Exception {
        JsonNode run = JSON.readTree(asAdmin()
                .get("/api/evaluations/" + planted.runId())
                .then()
                .statusCode(200)
                .extract()
                .asString());
        for (JsonNode p : run.at("/result/patterns")) {
            if (p.get("kind").asText().equals(kind)
                    && p.at("/questions/0").asText().equals(first)
                    && p.at("/questions/1").asText().equals(second)) {
                return p.get("rank").asInt();
            }
        }
        throw new AssertionError("no pattern " + kind + "|" + first + "|" + second);
    }

    private static List<String> storiesOnScreen() {
        List<String> ids = new ArrayList<>();
        browser.findAll("li.card-story").forEach(li -> ids.add(li.getAttribute("data-story")));
        return ids;
    }

    private static WebElement story(String id) {
        return browser.find("li.card-story[data-story='" + id + "']");
    }

    @Test
    void shouldMakeACardFromAPatternEditItsTextAndStoriesAndPublishIt() throws Exception {
        signInAsAdmin();
        String patternPage = "/" + planted.slug() + "/evaluaties/" + planted.runId() + "/patronen/"
                + rank("slider_by_choice", "gehoord", "gevolg");
        browser.open(workspace(patternPage));
        waitForHeadingStart("8. gehoord × 1. gevolg");
        browser.waitFor(By.cssSelector(".card-area button.make-card")).click();

        // the editor of the new card, with the drafted observation and four suggested stories
        browser.waitForHeading("gehoord – gevolg");
        String id = browser.driver().getCurrentUrl().replaceAll(".*/kaarten/", "");
        JsonNode drafted = card(id);
        assertThat(drafted.get("pattern").asText()).isEqualTo("slider_by_choice|gehoord|gevolg");
        assertThat(browser.find("#card-observation").getAttribute("value"))
                .isEqualTo(drafted.get("observation").asText());
        assertThat(storiesOnScreen()).hasSize(4);
        assertThat(browser.find("#card-meta").getText()).startsWith("Versie 1");
        // the numbers: the chart's image with its text alternative, a row per group
        WebElement chart = browser.find("img.card-chart");
        assertThat(chart.getAttribute("src")).endsWith("/api/cards/" + id + "/chart.svg");
        assertThat(chart.getAttribute("alt"))
                .startsWith("Grafiek: de antwoorden op 8. gehoord per groep van 1. gevolg.");
        assertThat(browser.find(".card-numbers").getText())
                .contains("Gemiddelde")
                .contains("Mediaan")
                .contains("Kurtosis")
                .contains("zeer-negatief")
                .contains("zeer-positief");
        // the same words as on the printed card
        assertThat(browser.find("#card-disclaimer").getText()).isEqualTo(CardDocument.DISCLAIMER);
        assertThat(browser.find("#card-provenance").getText())
                .contains(drafted.at("/provenance/fingerprint").asText());
        browser.checkScreenStrictly("kaart-01-editor");

        // back on the pattern, the card is linked instead of made twice
        browser.driver().navigate().back();
        waitForHeadingStart("8. gehoord × 1. gevolg");
        assertThat(browser.waitFor(By.cssSelector(".card-area a.open-card")).getAttribute("href"))
                .endsWith("/kaarten/" + id);
        browser.driver().navigate().forward();
        browser.waitForHeading("gehoord – gevolg");

        // publishing needs both readings: said next to the field, nothing saved
        browser.find("#card-published").click();
        browser.find("#card-save").click();
        waitForText("#card-interpretation-1-error", "Vul deze uitleg in");
        assertThat(browser.focused().getAttribute("id")).isEqualTo("card-interpretation-1");
        assertThat(card(id).get("version").asInt()).isEqualTo(1);

        browser.find("#card-title").clear();
        browser.find("#card-title").sendKeys("Wie zich gehoord voelt, ziet betere gevolgen");
        browser.find("#card-observation").clear();
        browser.find("#card-observation")
                .sendKeys("Wie zich meer gehoord voelde, noemde vaker positieve gevolgen voor het gezin.");
        browser.find("#card-interpretation-1").sendKeys("Luisteren maakt de hulp beter.");
        browser.find("#card-interpretation-2").sendKeys("Wie goede hulp kreeg, kijkt milder terug op het contact.");

        // take the second story off, swap the first for a suggestion, add one by its id
        List<String> before = storiesOnScreen();
        story(before.get(1)).findElement(By.cssSelector(".story-remove")).click();
        waitForText("#stories-status", "Verhaal " + before.get(1) + " is van de kaart gehaald.");
        assertThat(storiesOnScreen()).containsExactly(before.get(0), before.get(2), before.get(3));
        browser.find("#show-suggestions").click();
        WebElement suggestion = browser.waitFor(By.cssSelector("li.suggestion"));
        String suggested = suggestion.getAttribute("data-story");
        assertThat(before).doesNotContain(suggested);
        new Select(suggestion.findElement(By.cssSelector("select.swap-target"))).selectByIndex(1);
        suggestion.findElement(By.cssSelector("button.swap")).click();
        waitForText("#stories-status", "in plaats van verhaal " + before.get(0));
        assertThat(storiesOnScreen()).containsExactly(suggested, before.get(2), before.get(3));
        browser.find("#add-story-id").sendKeys(emojiStory);
        browser.find("#add-story").click();
        waitForText("#stories-status", "Verhaal " + emojiStory + " staat nu op de kaart.");
        assertThat(storiesOnScreen()).containsExactly(suggested, before.get(2), before.get(3), emojiStory);
        // move it up one place with the keyboard-reachable button
        story(emojiStory).findElement(By.cssSelector(".story-up")).click();
        assertThat(storiesOnScreen()).containsExactly(suggested, before.get(2), emojiStory, before.get(3));
        assertThat(browser.focused().getAttribute("class")).contains("story-up");

        // a quote by selecting text (after an emoji: UTF-16 offsets), and one by typing where it starts and ends
        story(emojiStory)
                .findElement(By.cssSelector("details.story-full summary"))
                .click();
        browser.script(
                "const el = arguments[0]; const node = el.firstChild; const at = node.textContent.indexOf('lang wachten op hulp');"
                        + "const range = document.createRange(); range.setStart(node, at); range.setEnd(node, at + 'lang wachten op hulp'.length);"
                        + "const sel = document.getSelection(); sel.removeAllRanges(); sel.addRange(range);",
                story(emojiStory).findElement(By.cssSelector(".story-fulltext")));
        story(emojiStory).findElement(By.cssSelector(".use-selection")).click();
        waitForText("#stories-status", "Het citaat in verhaal " + emojiStory + " is gemarkeerd.");
        assertThat(story(emojiStory)
                        .findElement(By.cssSelector(".story-quote q"))
                        .getText())
                .isEqualTo("lang wachten op hulp");
        assertThat(story(emojiStory)
                        .findElement(By.cssSelector(".story-fulltext mark"))
                        .getText())
                .isEqualTo("lang wachten op hulp");
        WebElement other = story(suggested);
        other.findElement(By.cssSelector("details.story-full summary")).click();
        other.findElement(By.cssSelector(".quote-start")).sendKeys("1");
        other.findElement(By.cssSelector(".quote-end")).sendKeys("7");
        other.findElement(By.cssSelector(".set-quote")).click();
        waitForText("#stories-status", "Het citaat in verhaal " + suggested + " is gemarkeerd.");
        assertThat(story(suggested)
                        .findElement(By.cssSelector(".story-quote q"))
                        .getText())
                .isEqualTo("Verhaal");
        browser.checkScreenStrictly("kaart-02-verhalen-en-citaten");

        browser.find("#card-save").click();
        waitForText("#card-status", "De kaart is bewaard als versie 2.");
        browser.waitForHeading("Wie zich gehoord voelt, ziet betere gevolgen");
        JsonNode saved = card(id);
        assertThat(saved.get("version").asInt()).isEqualTo(2);
        assertThat(saved.get("published").asBoolean()).isTrue();
        assertThat(saved.get("observation").asText())
                .isEqualTo("Wie zich meer gehoord voelde, noemde vaker positieve gevolgen voor het gezin.");
        assertThat(saved.get("interpretations").toString())
                .isEqualTo(
                        "[\"Luisteren maakt de hulp beter.\",\"Wie goede hulp kreeg, kijkt milder terug op het contact.\"]");
        List<String> savedIds = new ArrayList<>();
        saved.get("stories").forEach(s -> savedIds.add(s.get("id").asText()));
        assertThat(savedIds).containsExactly(suggested, before.get(2), emojiStory, before.get(3));
        JsonNode quoted = saved.get("stories").get(2);
        assertThat(quoted.get("quote").asText()).isEqualTo("lang wachten op hulp");
        assertThat(quoted.get("quoteStart").asInt()).isEqualTo(EMOJI_TEXT.indexOf("lang wachten op hulp"));
        assertThat(saved.get("stories").get(0).get("quote").asText()).isEqualTo("Verhaal");

        // the earlier versions
        browser.find("#revisions summary").click();
        browser.waitFor(By.cssSelector("#revisions tr[data-version='1']"));
        assertThat(browser.find("#revisions tr[data-version='2']").getText()).contains("Wie zich gehoord voelt");

        // someone else saves in between: the next save says so and keeps what was typed
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("version", 2, "title", "Titel van een collega"))
                .put("/api/cards/" + id)
                .then()
                .statusCode(200);
        browser.find("#card-title").clear();
        browser.find("#card-title").sendKeys("Mijn nieuwe titel");
        browser.find("#card-save").click();
        waitForText(
                "#card-status",
                "Iemand anders heeft deze kaart bewaard terwijl jij hem aanpaste. Jouw wijzigingen zijn niet bewaard.");
        assertThat(browser.focused().getAttribute("id")).isEqualTo("card-status");
        // in the workspace's words only: not the API's ("version: the card was saved by admin in the meantime")
        assertThat(browser.find("#card-status").getText())
                .doesNotContain("version")
                .doesNotContain("saved by");
        assertThat(browser.find("#card-title").getAttribute("value")).isEqualTo("Mijn nieuwe titel");
        browser.checkScreenStrictly("kaart-03-conflict");
        assertThat(card(id).get("title").asText()).isEqualTo("Titel van een collega");
        assertThat(card(id).get("version").asInt()).isEqualTo(3);
        browser.find("#card-status a.reload-card").click();
        browser.waitForHeading("Titel van een collega");
        assertThat(browser.find("#card-meta").getText()).startsWith("Versie 3");
    }

    @Test
    void shouldDrawATriadPatternAsATernaryPlotOnItsPageAndOnItsCardInThePdf() throws Exception {
        int rank = rank("triad_by_choice", "balans", "fase");
        signInAsAdmin();
        openPage("/" + planted.slug() + "/evaluaties/" + planted.runId() + "/patronen/" + rank, "16. Balans × 5. fase");
        WebElement plot = browser.waitFor(By.cssSelector(".ternary-plot svg[role='img']"));
        assertThat(plot.getAttribute("aria-label")).contains("Balans");
        // the three corners, and a numbered mark per tested group in the legend
        assertThat(plot.getText()).contains("Hulp").contains("Mensen").contains("Regels");
        assertThat(browser.findAll(".ternary-legend li")).hasSize(3);
        browser.checkScreen("werkplek-patroon-driehoek");

        String id = planted.draftCards(List.of("triad_by_choice|balans|fase")).get(0);
        byte[] pdf = asAdmin()
                .get("/api/storypoints/" + planted.slug() + "/cards/deck.pdf?card=" + id)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PdfText page = PdfText.of(document, 1);
            // the ternary plot as vector graphics with its text: corners, legend and groups
            assertThat(page.contains("Midden per groep")).isTrue();
            assertThat(page.contains("Regels")).isTrue();
            assertThat(page.contains("1 eerste")).isTrue();
            assertThat(page.contains("zette de stip het meest naar")).isTrue();
        }
        openPage("/" + planted.slug() + "/kaarten", "Observatiekaarten");
        browser.find("tr[data-card='" + id + "'] a.card-link").click();
        WebElement chart = browser.waitFor(By.cssSelector("img.card-chart"));
        waiting().until(d ->
                (Boolean) browser.script("return arguments[0].complete && arguments[0].naturalWidth > 0;", chart));
        browser.checkScreen("werkplek-kaart-driehoek");
    }

    @Test
    void shouldDownloadTheChosenCardsAsAPdfAndShowTheChartImage() throws Exception {
        String id = asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("runId", planted.runId(), "pattern", "slider_by_choice|op-tijd|gevolg"))
                .post("/api/cards")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        signInAsAdmin();
        openPage("/" + planted.slug() + "/kaarten", "Observatiekaarten");
        browser.find("#choose-" + id).click();
        String pdf = browser.find("#deck-pdf").getAttribute("href");
        assertThat(pdf).contains("card=" + id);
        // the link downloads with the browser's own session
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = (Map<String, Object>) browser.driver()
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done({status: r.status, type: r.headers.get('Content-Type'),"
                                + " start: String.fromCharCode(...new Uint8Array(b.slice(0, 5)))})), e => done({status: -1, type: String(e)}));",
                        pdf);
        assertThat(((Number) answer.get("status")).intValue()).isEqualTo(200);
        assertThat((String) answer.get("type")).startsWith("application/pdf");
        assertThat((String) answer.get("start")).isEqualTo("%PDF-");

        browser.find("tr[data-card='" + id + "'] a.card-link").click();
        WebElement chart = browser.waitFor(By.cssSelector("img.card-chart"));
        waiting().until(d ->
                (Boolean) browser.script("return arguments[0].complete && arguments[0].naturalWidth > 0;", chart));
    }

    @Test
    void shouldListTheCardsAndOfferTheChosenOnesAsADeck() throws Exception {
        String first = asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("runId", planted.runId(), "pattern", "choice_by_choice|regio|soort-hulp"))
                .post("/api/cards")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String second = asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("runId", planted.runId(), "pattern", "slider_by_slider|gehoord|op-tijd"))
                .post("/api/cards")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        signInAsAdmin();
        openPage("/" + planted.slug() + "/kaarten", "Observatiekaarten");
        assertThat(browser.find("tr[data-card='" + first + "']").getText())
                .contains("keuze × keuze")
                .contains("concept");
        String pdf = browser.find("#deck-pdf").getAttribute("href");
        assertThat(pdf).endsWith("/api/storypoints/" + planted.slug() + "/cards/deck.pdf");
        assertThat(browser.find("#deck-what").getText()).startsWith("Je hebt geen kaarten gekozen");

        browser.find("#choose-" + second).click();
        browser.find("#choose-" + first).click();
        // in the order of the list, whatever order they were ticked in
        assertThat(browser.find("#deck-pdf").getAttribute("href"))
                .endsWith("/cards/deck.pdf?card=" + first + "&card=" + second);
        assertThat(browser.find("#deck-html").getAttribute("href"))
                .endsWith("/cards/deck.html?card=" + first + "&card=" + second);
        assertThat(browser.find("#deck-what").getText()).isEqualTo("De download heeft de 2 gekozen kaarten.");
        browser.checkScreenStrictly("kaart-04-lijst");

        // the contingency card: its numbers with the cells that stand out marked in text, not by colour alone
        browser.find("tr[data-card='" + first + "'] a.card-link").click();
        browser.waitFor(By.cssSelector("#card-title"));
        assertThat(browser.find(".card-numbers").getText()).contains("▲");
        assertThat(browser.find(".card-numbers .visually-hidden").getAttribute("textContent"))
                .contains("dan verwacht");
        browser.checkScreenStrictly("kaart-05-kruistabel");
        browser.open(workspace("/" + planted.slug() + "/kaarten/" + second));
        browser.waitFor(By.cssSelector("#card-title"));
        assertThat(browser.find(".card-data").getText()).contains("Samenhang (Spearman ρ)");
        browser.checkScreenStrictly("kaart-06-twee-schuifregelaars");
    }
}
