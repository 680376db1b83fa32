package nl.vertelpunt.web;

import static io.restassured.RestAssured.given;
import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.tablePlan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import nl.vertelpunt.testing.BrowserTest;
import nl.vertelpunt.testing.Database;
import nl.vertelpunt.testing.Planted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The two pages that people without a statistics background read: the table page (/t/{token}) of a
 * sense-making session and the storytellers' page "Wat is er met de verhalen gedaan?" (/v/{slug}/verhalen). Both
 * are checked strictly at 320, 375, 768 and 1280 px; their visible text has no statistical jargon, no ids and no
 * JSON (the table page keeps its numbers behind a disclosure that is closed by default and opens with the
 * keyboard); the chart of a card is readable at 360 px; and the table page stays short on a phone.
 */
@QuarkusTest
class TablePageBrowserTest extends BrowserTest {

    /** What a person without a statistics background should not have to read. */
    static final Pattern JARGON = Pattern.compile(
            "\\b[pq] ?[=<≤]|Kruskal|\\bMann\\b|Whitney|Spearman|ρ|ε²|[Kk]urtosis|[Ss]cheefheid|Benjamini|χ²");

    static final Pattern UUID_SHAPED =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    static final Pattern JSON_OR_KEY = Pattern.compile("[{}\\[\\]]\"|\"\\s*:|\\w+\\|\\w+\\|\\w+|slider_by|choice_by");

    /** About 900 characters, as a story told on the form often is. */
    static final String LONG_STORY =
            "Toen mijn dochter veertien was, liep het thuis en op school helemaal vast. We hebben"
                    + " toen hulp gevraagd bij het wijkteam. Het duurde drie maanden voordat er iemand kwam, en in die tijd"
                    + " hebben we vier keer ons verhaal opnieuw moeten vertellen, telkens aan iemand anders. Niemand leek te"
                    + " weten wat de vorige had opgeschreven. Mijn dochter werd er steeds stiller van; ze zei op een gegeven"
                    + " moment dat het toch geen zin had om te praten. Pas toen er één vaste hulpverlener kwam, veranderde"
                    + " dat. Zij nam de tijd, kwam bij ons thuis en vroeg eerst wat mijn dochter zelf wilde. Ze belde terug"
                    + " als ze dat beloofd had. Na een paar weken ging mijn dochter weer naar school, eerst halve dagen en"
                    + " later weer hele. Het is nog niet allemaal goed, maar we worden nu gehoord. Als ik iets mocht"
                    + " veranderen, dan zou elk gezin vanaf het begin één vaste persoon krijgen die het overzicht houdt en"
                    + " die je kunt bellen als het weer misgaat.";

    @Inject
    AgroalDataSource dataSource;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Planted planted;
    private static List<String> cards;
    private static String token;

    @BeforeEach
    void data() throws Exception {
        if (planted != null) {
            return;
        }
        planted = Planted.create("tafelpagina", 500, 73);
        // real stories are longer than the planted "Verhaal 12": each gets about 900 characters more
        Database.update(
                dataSource,
                "UPDATE story SET text = text || '. ' || ? WHERE story_point_id = (SELECT id FROM story_point WHERE slug = ?)",
                LONG_STORY,
                planted.slug());
        cards = planted.draftCards(List.of(
                "slider_by_choice|gehoord|gevolg",
                "choice_by_choice|regio|soort-hulp",
                "slider_by_slider|gehoord|op-tijd"));
        // the first card is published with both interpretations and a quote
        JsonNode first = JSON.readTree(asAdmin()
                .get("/api/cards/" + cards.get(0))
                .then()
                .statusCode(200)
                .extract()
                .asString());
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "version",
                        first.get("version").asInt(),
                        // as drafted before December 2026, with the statistics in brackets
                        "observation",
                        first.get("observation").asText()
                                + " Dit verband is matig (Spearman ρ = 0,42). Zo'n verschil is waarschijnlijk geen"
                                + " toeval (q < 0,001, gecorrigeerd voor het aantal vergelijkingen).",
                        "interpretations",
                        List.of(
                                "Wie gehoord wordt, werkt beter mee: daardoor pakt de hulp beter uit.",
                                "Als de hulp goed uitpakt, kijk je milder terug op hoe er naar je geluisterd is."),
                        "stories",
                        List.of(Map.of("id", first.at("/stories/0/id").asText(), "quoteStart", 0, "quoteEnd", 7)),
                        "published",
                        true))
                .put("/api/cards/" + cards.get(0))
                .then()
                .statusCode(200);
        // the table: the three cards and the stories on them, as a facilitator would put them together
        Set<String> stories = new LinkedHashSet<>();
        for (String card : cards) {
            JsonNode view = JSON.readTree(
                    asAdmin().get("/api/cards/" + card).then().extract().asString());
            view.get("stories").forEach(s -> stories.add(s.get("id").asText()));
        }
        String session = asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "storyPoint",
                        planted.slug(),
                        "title",
                        "Duidingsbijeenkomst Noord",
                        "heldOn",
                        LocalDate.now(ZoneId.of("Europe/Amsterdam")).toString(),
                        "place",
                        "Bibliotheek Assen",
                        "online",
                        false))
                .post("/api/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String table = asAdmin()
                .contentType(ContentType.JSON)
                .body(tablePlan("Tafel 2", cards, new ArrayList<>(stories)))
                .post("/api/sessions/" + session + "/tables")
                .then()
                .statusCode(200)
                .extract()
                .path("tables[0].id");
        token = asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("days", 1))
                .post("/api/sessions/" + session + "/tables/" + table + "/link")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        String base = "/api/tables/" + token;
        for (String text : List.of(
                "Wie zich niet gehoord voelt, ziet vaak negatieve gevolgen.",
                "Ouders haken af als niemand luistert.")) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("kind", "worry", "text", text, "cardId", cards.get(0)))
                    .post(base + "/notes")
                    .then()
                    .statusCode(201);
        }
        // a proposal written in a hurry, without capitals or full stops, published as it is
        String proposal = given().contentType(ContentType.JSON)
                .body(Map.of(
                        "title",
                        "vast aanspreekpunt",
                        "action",
                        "elk gezin krijgt één vaste contactpersoon",
                        "goal",
                        "zodat ouders zich gehoord voelen",
                        "owner",
                        "teamleider wijkteam noord"))
                .post(base + "/proposals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "title",
                        "vast aanspreekpunt",
                        "action",
                        "elk gezin krijgt één vaste contactpersoon",
                        "goal",
                        "zodat ouders zich gehoord voelen",
                        "owner",
                        "teamleider wijkteam noord",
                        "published",
                        true))
                .put("/api/proposals/" + proposal)
                .then()
                .statusCode(200);
    }

    private long pageHeight() {
        return (Long) browser.script("return Math.round(document.documentElement.scrollHeight);");
    }

    private String visibleText() {
        return browser.find("body").getText();
    }

    private void openTable() {
        browser.width(375);
        browser.open(base + "t/" + token);
        browser.waitForHeading("Tafel 2");
        browser.waitFor(By.cssSelector("article.table-card"));
    }

    @Test
    void shouldShowATableOfPeopleWhatTheyNeedWithTheNumbersBehindADisclosure() {
        openTable();
        long height = pageHeight();
        System.out.println("Table page height at 375 px: " + height + " px");

        List<WebElement> articles = browser.findAll("article.table-card");
        assertThat(articles).hasSize(3);
        WebElement card = articles.get(0);
        // per card: its number, title, observation, chart, two readings, stories and notes
        assertThat(card.findElement(By.cssSelector(".card-number")).getText()).isEqualTo("Kaart 1");
        assertThat(card.getText())
                .contains("Wat zien we?")
                .contains("Twee manieren om dit te lezen")
                .contains("Wie gehoord wordt, werkt beter mee")
                .contains("Typerende verhalen")
                .contains("Wie zich niet gehoord voelt")
                .contains("Patroonevaluatie van ")
                .contains("standaardinstellingen")
                .contains("De gegevens op deze kaart zijn gedeeld door mensen");

        // the numbers for those who want them: closed, and nothing of them in the visible text
        for (WebElement article : articles) {
            WebElement numbers = article.findElement(By.cssSelector("details.numbers"));
            assertThat(numbers.getAttribute("open")).isNull();
            assertThat(numbers.findElement(By.tagName("summary")).getText()).isEqualTo("Voor wie de cijfers wil zien");
        }
        String visible = visibleText();
        assertThat(JARGON.matcher(visible).find())
                .as(
                        "statistical jargon on the table page: %s",
                        JARGON.matcher(visible).results().map(m -> m.group()).toList())
                .isFalse();
        assertThat(UUID_SHAPED.matcher(visible).find())
                .as("a UUID on the table page")
                .isFalse();
        assertThat(JSON_OR_KEY.matcher(visible).find())
                .as(
                        "JSON or a pattern key on the table page: %s",
                        JSON_OR_KEY
                                .matcher(visible)
                                .results()
                                .map(m -> m.group())
                                .toList())
                .isFalse();

        // the chart at 360 and at 1280 px: the simpler form, every text at least 12 px; the full chart, whose text
        // shrinks with the page, waits behind the disclosure with the other numbers
        for (int width : new int[] {1280, 360}) {
            browser.width(width);
            for (WebElement article : articles) {
                assertThat(article.findElement(By.cssSelector("img.card-chart")).isDisplayed())
                        .isFalse();
                WebElement simple = article.findElement(By.cssSelector(".simple-chart"));
                assertThat(simple.isDisplayed()).isTrue();
                Number smallest = (Number) browser.script(
                        "let min = 1000; const walk = document.createTreeWalker(arguments[0], NodeFilter.SHOW_TEXT);"
                                + "while (walk.nextNode()) { const n = walk.currentNode; if (n.textContent.trim() === '') continue;"
                                + " min = Math.min(min, parseFloat(getComputedStyle(n.parentElement).fontSize)); } return min;",
                        simple);
                assertThat(smallest.doubleValue())
                        .as("smallest chart text at %d px", width)
                        .isGreaterThanOrEqualTo(12);
                assertThat(simple.getText()).isNotBlank();
            }
        }
        browser.width(1280);

        browser.checkScreenStrictly("tafel-10-kaarten");

        // the disclosure opens with the keyboard and shows the test and its numbers
        browser.width(375);
        WebElement summary = browser.tabTo("article.table-card details.numbers summary");
        summary.sendKeys(Keys.ENTER);
        WebElement numbers = browser.find("article.table-card details.numbers");
        assertThat(numbers.getAttribute("open")).isNotNull();
        assertThat(numbers.findElement(By.cssSelector("img.card-chart")).isDisplayed())
                .isTrue();
        assertThat(numbers.getText())
                .contains("Kruskal-Wallis")
                .contains("Kans op toeval")
                .contains("Scheefheid");
        browser.checkScreenStrictly("tafel-11-cijfers-open");
        summary.sendKeys(" ");
        assertThat(browser.find("article.table-card details.numbers").getAttribute("open"))
                .isNull();

        // the stories as excerpts, each to be read in full
        WebElement story = browser.find("article.table-story");
        WebElement more = story.findElement(By.cssSelector("button.read-more"));
        assertThat(more.getText()).isEqualTo("Lees het hele verhaal");
        assertThat(more.getAttribute("aria-expanded")).isEqualTo("false");
        String excerpt = story.findElement(By.cssSelector(".story-body")).getText();
        more.click();
        assertThat(more.getAttribute("aria-expanded")).isEqualTo("true");
        String whole = story.findElement(By.cssSelector(".story-body")).getText();
        assertThat(excerpt).endsWith("…").hasSizeLessThan(400);
        assertThat(whole).hasSizeGreaterThan(excerpt.length() + 400).endsWith("als het weer misgaat.");
        assertThat(more.getText()).isEqualTo("Toon minder");
    }

    @Test
    void shouldKeepTheTablePageShortOnAPhone() {
        openTable();
        long height = pageHeight();
        System.out.println("Table page height at 375 px: " + height + " px");
        // three cards and nine stories of about 1,000 characters: 16,064 px at 375 px with the answers of a table
        // chart on two lines each and excerpts of 280 characters, 13,861 px with one line per answer and excerpts
        // of 120 (card) and 200 (story) characters; the stories in full would add about 400 px each
        assertThat(height).isLessThan(14_500);
    }

    @Test
    void shouldShowStorytellersProposalsAsSentencesWithoutJargon() {
        browser.width(375);
        browser.open(base + "v/" + planted.slug() + "/verhalen");
        browser.waitForHeading("Wat is er met de verhalen gedaan?");
        browser.waitFor(By.cssSelector("article.outcome"));
        String page = browser.find("main").getText();
        assertThat(page)
                .contains("Vast aanspreekpunt")
                .contains("Wat gaan we doen?\nElk gezin krijgt één vaste contactpersoon.")
                .contains("Wat levert het op?\nZodat ouders zich gehoord voelen.")
                .contains("Wie pakt het op?\nTeamleider wijkteam noord")
                .contains("“Verhaal”")
                .contains("Dit verband is matig. Zo'n verschil is waarschijnlijk geen toeval.");
        String visible = visibleText();
        assertThat(JARGON.matcher(visible).find())
                .as(
                        "statistical jargon on the public page: %s",
                        JARGON.matcher(visible).results().map(m -> m.group()).toList())
                .isFalse();
        assertThat(UUID_SHAPED.matcher(visible).find())
                .as("a UUID on the public page")
                .isFalse();
        assertThat(JSON_OR_KEY.matcher(visible).find())
                .as("JSON on the public page")
                .isFalse();
        browser.checkScreenStrictly("verhalen-10-voorstellen");
    }
}
