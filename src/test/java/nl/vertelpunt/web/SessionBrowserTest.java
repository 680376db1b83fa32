package nl.vertelpunt.web;

import static io.restassured.RestAssured.given;
import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.publishedStoryPoint;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import nl.vertelpunt.testing.Browser;
import nl.vertelpunt.testing.Planted;
import nl.vertelpunt.testing.WorkspaceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A sense-making session from preparation to the storytellers' page, in Chromium against the real service:
 * the facilitator plans the session and a table with cards and stories in the workspace (and is advised
 * against more than 7 cards), makes the table's link; two participants open it on their own laptops
 * without an account, write notes on a card, see each other's notes, and cluster them into a proposal
 * with an owner, once with the keyboard alternative and once by dragging; the facilitator records a
 * decision and publishes it, and it shows on /v/{slug}/verhalen, which the thank-you page links to.
 * Every screen is checked with axe-core at 375 and 1280 px and for reflow at 320 px.
 */
@QuarkusTest
class SessionBrowserTest extends WorkspaceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Planted planted;
    private static List<String> cards;
    private static List<String> storyIds;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void data() throws Exception {
        if (planted == null) {
            planted = Planted.create("bijeenkomst-ui", 500, 61);
            cards = planted.draftCards(Planted.EIGHT_CARD_PATTERNS);
            JsonNode page = JSON.readTree(asAdmin()
                    .contentType(ContentType.JSON)
                    .body(Map.of("filter", Map.of(), "page", 0, "size", 10))
                    .post("/api/storypoints/" + planted.slug() + "/stories/search")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            storyIds = new ArrayList<>();
            page.get("stories").forEach(s -> storyIds.add(s.get("id").asText()));
            // one published card with a marked quote, for the storytellers' page
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
                            "title",
                            "Gehoord worden en de gevolgen",
                            "interpretations",
                            List.of("Luisteren helpt.", "Het is andersom."),
                            "stories",
                            List.of(Map.of("id", first.at("/stories/0/id").asText(), "quoteStart", 0, "quoteEnd", 7)),
                            "published",
                            true))
                    .put("/api/cards/" + cards.get(0))
                    .then()
                    .statusCode(200);
        }
    }

    private static WebDriverWait waitIn(Browser b, int seconds) {
        return (WebDriverWait) new WebDriverWait(b.driver(), Duration.ofSeconds(seconds))
                .ignoring(StaleElementReferenceException.class);
    }

    private static void waitForTextIn(Browser b, String css, String text) {
        waitIn(b, 15).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    private static JsonNode table(String token) throws Exception {
        return JSON.readTree(given().get("/api/tables/" + token)
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    private static long noteId(String token, String text) throws Exception {
        for (JsonNode n : table(token).get("notes")) {
            if (n.get("text").asText().equals(text)) {
                return n.get("id").asLong();
            }
        }
        throw new AssertionError("no note " + text);
    }

    /** Writes a note about a card on the table page: its kind by the radio button's label, then the text. */
    private static void noteOnCard(Browser b, int card, String kind, String text) {
        WebElement article = b.findAll("article.table-card").get(card);
        WebElement box = article.findElement(By.cssSelector("details.add-note-box"));
        if (box.getAttribute("open") == null) {
            box.findElement(By.tagName("summary")).click();
        }
        box.findElement(By.xpath(".//label[normalize-space()='" + kind + "']")).click();
        box.findElement(By.cssSelector("textarea.note-text")).sendKeys(text);
        box.findElement(By.cssSelector("button.add-note")).click();
        waitIn(b, 10)
                .until(d -> b.findAll("#board li.note").stream()
                        .anyMatch(li -> li.getText().contains(text)));
    }

    @Test
    void shouldPrepareASessionWorkAtATableThroughItsLinkAndShowTheOutcomeToStorytellers() throws Exception {
        signInAsAdmin();
        openPage("/" + planted.slug() + "/bijeenkomsten", "Duidingsbijeenkomsten");
        browser.checkScreenStrictly("sessie-01-lijst");

        // the session: name, date and place (the date picker is the browser's own; its typing order depends on
        // the browser's locale, so the date is set as the picker would set it)
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        browser.find("#new-session-title").sendKeys("Duidingsbijeenkomst Oost");
        browser.script(
                "const d = arguments[0]; d.value = arguments[1]; d.dispatchEvent(new Event('input', {bubbles: true}));"
                        + "d.dispatchEvent(new Event('change', {bubbles: true}));",
                browser.find("#new-session-date"),
                today.toString());
        browser.find("#new-session-save").click();
        waitForText("#new-session-place-error", "Vul de plaats in");
        browser.find("#new-session-place").sendKeys("Wijkcentrum De Brug, Deventer");
        browser.find("#new-session-save").click();
        browser.waitForHeading("Duidingsbijeenkomst Oost");
        String session = browser.driver().getCurrentUrl().replaceAll(".*/bijeenkomsten/", "");
        JsonNode planned = JSON.readTree(asAdmin()
                .get("/api/sessions/" + session)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(planned.get("heldOn").asText()).isEqualTo(today.toString());
        assertThat(planned.get("place").asText()).isEqualTo("Wijkcentrum De Brug, Deventer");
        assertThat(browser.find("#session-meta").getText()).endsWith("· Wijkcentrum De Brug, Deventer");

        // a table with all eight cards: advised against while choosing and after saving
        browser.find("#add-table").click();
        assertThat(browser.focused().getAttribute("id")).isEqualTo("table-new-name");
        assertThat(browser.focused().getAttribute("value")).isEqualTo("Tafel 1");
        browser.findAll(".table-form .card-choices input[type='checkbox']").forEach(WebElement::click);
        assertThat(browser.find("#table-new-card-advice").getText())
                .isEqualTo(
                        "8 kaarten gekozen. Deze tafel heeft 8 kaarten. We raden er hoogstens 7 aan. Met te veel materiaal raken "
                                + "deelnemers overweldigd en vallen ze terug op hun eigen verhalen.");
        // two stories from the list of the newest (nobody types an id)
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            WebElement pick = waitIn(browser, 10)
                    .until(d -> browser.findAll(".table-form .pick-story").stream()
                            .filter(b -> !picked.contains(b.getAttribute("data-story")))
                            .findFirst()
                            .orElse(null));
            picked.add(pick.getAttribute("data-story"));
            pick.click();
        }
        assertThat(browser.findAll(".table-form .chosen-stories li"))
                .extracting(li -> li.getAttribute("data-story"))
                .containsExactlyElementsOf(picked);
        browser.find(".table-form .stories-from-cards").click();
        waitForText("#table-new-status", "verhalen van de gekozen kaarten toegevoegd");
        browser.find(".table-form .save-table").click();
        WebElement warning = browser.waitFor(By.cssSelector(".session-table .warning[data-code='too-many-cards']"));
        assertThat(warning.getText()).startsWith("Deze tafel heeft 8 kaarten. We raden er hoogstens 7 aan.");
        JsonNode withTable = JSON.readTree(
                asAdmin().get("/api/sessions/" + session).then().extract().asString());
        String tableId = withTable.at("/tables/0/id").asText();
        assertThat(withTable.at("/tables/0/cards").size()).isEqualTo(8);
        List<String> tableStories = new ArrayList<>();
        withTable
                .at("/tables/0/stories")
                .forEach(s -> tableStories.add(s.get("id").asText()));
        assertThat(tableStories)
                .startsWith(picked.get(0), picked.get(1))
                .hasSizeGreaterThan(2)
                .doesNotHaveDuplicates();
        browser.checkScreenStrictly("sessie-02-tafel-te-vol");

        // fewer cards: the advice goes away
        browser.find("[data-table='" + tableId + "'] .edit-table").click();
        List<WebElement> boxes = browser.findAll(".table-form .card-choices input[type='checkbox']");
        for (int i = 3; i < boxes.size(); i++) {
            boxes.get(i).click();
        }
        assertThat(browser.find("#table-" + tableId + "-card-advice").getText()).isEqualTo("3 kaarten gekozen.");
        browser.find(".table-form .save-table").click();
        waitIn(browser, 10).until(d -> browser.findAll(".table-form").isEmpty());
        assertThat(browser.findAll(".session-table .warning[data-code='too-many-cards']"))
                .isEmpty();
        assertThat(browser.findAll(".session-table .table-cards li")).hasSize(3);
        // the stories of eight cards are still too many: that advice stays
        assertThat(tableStories.size()).isGreaterThan(20);
        assertThat(browser.find(".session-table .warning[data-code='too-many-stories']")
                        .getText())
                .startsWith("Deze tafel heeft " + tableStories.size() + " verhalen. We raden er hoogstens 20 aan.");

        // the link, shown once, with a copy button and its expiry
        browser.driver()
                .executeCdpCommand(
                        "Browser.grantPermissions",
                        Map.of("permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        browser.find("[data-table='" + tableId + "'] .make-link").click();
        WebElement url = browser.waitFor(By.id("link-url-" + tableId));
        String link = url.getAttribute("value");
        assertThat(link).matches(Pattern.quote(base.toString()) + "t/[A-Za-z0-9_-]{43}");
        assertThat(browser.focused().getAttribute("id")).isEqualTo("link-url-" + tableId);
        assertThat(browser.find(".link-once").getText())
                .contains("Je ziet deze link en code maar één keer.")
                .contains("Deze link werkt tot");
        browser.find("[data-table='" + tableId + "'] .copy-link").click();
        waitForText("[data-table='" + tableId + "'] .copied", "Gekopieerd.");
        String clipboard = (String) browser.driver()
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "navigator.clipboard.readText().then(done, e => done('failed: ' + e));");
        assertThat(clipboard).isEqualTo(link);
        String token = link.substring(link.lastIndexOf('/') + 1);
        browser.checkScreenStrictly("sessie-03-link");
        // not shown again, and kept nowhere in the browser
        browser.driver().navigate().refresh();
        browser.waitForHeading("Duidingsbijeenkomst Oost");
        assertThat(browser.find("[data-table='" + tableId + "'] .link-state").getText())
                .startsWith("Er is een werkende link tot");
        assertThat(browser.findAll("#link-url-" + tableId)).isEmpty();
        assertThat(
                        (String)
                                browser.script(
                                        "return JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + JSON.stringify(history.state);"))
                .doesNotContain(token);

        try (Browser laptop = new Browser();
                Browser other = new Browser()) {
            // at the table, without an account
            laptop.open(link);
            laptop.waitForHeading("Tafel 1");
            assertThat(laptop.find("main .meta").getText())
                    .startsWith("Duidingsbijeenkomst Oost · ")
                    .endsWith("Wijkcentrum De Brug, Deventer");
            assertThat(laptop.findAll("article.table-card")).hasSize(3);
            assertThat(laptop.findAll("article.table-story")).hasSize(tableStories.size());
            WebElement firstCard = laptop.find("article.table-card");
            assertThat(firstCard.findElement(By.cssSelector("img.card-chart")).getAttribute("src"))
                    .endsWith("/api/tables/" + token + "/cards/" + cards.get(0) + "/chart.svg");
            assertThat(firstCard.getText())
                    .contains("Gehoord worden en de gevolgen")
                    .contains("Aantal verhalen")
                    .contains("Twee manieren om dit te lezen")
                    .contains("Luisteren helpt.")
                    .contains("Het is andersom.")
                    .contains("Typerende verhalen")
                    .contains("De gegevens op deze kaart zijn gedeeld door mensen");
            assertThat(firstCard
                            .findElement(By.cssSelector(".typical mark.quote"))
                            .getText())
                    .isEqualTo("Verhaal");
            laptop.checkScreen("tafel-01-kaarten");

            noteOnCard(laptop, 0, "Wat verrast je?", "Wie zich niet gehoord voelt, ziet vaak negatieve gevolgen.");
            assertThat(laptop.find("#board [data-kind='surprise']").getText()).contains("Wie zich niet gehoord voelt");
            noteOnCard(laptop, 0, "Wat baart je zorgen?", "Ouders haken af als niemand luistert.");
            noteOnCard(laptop, 1, "Welke kansen zie je?", "Een vast aanspreekpunt per gezin.");
            assertThat(laptop.find("article.table-card [data-card-notes]").getText())
                    .contains("Notities bij deze kaart (2)");

            // a second laptop at the same table sees those notes, and its note reaches the first without a reload
            other.open(link);
            other.waitForHeading("Tafel 1");
            assertThat(other.findAll("#board li.note")).hasSize(3);
            other.find("details.general-note summary").click();
            other.find("details.general-note")
                    .findElement(By.xpath(".//label[normalize-space()='Anders']"))
                    .click();
            other.find("#note-text-general").sendKeys("Minder wisselingen van hulpverlener.");
            other.find("details.general-note button.add-note").click();
            waitForTextIn(other, "#note-status-general", "Je notitie is toegevoegd.");
            waitIn(laptop, 15)
                    .until(d -> laptop.find("#board").getText().contains("Minder wisselingen van hulpverlener."));

            // a proposal with an owner, made from one note
            long surprise = noteId(token, "Wie zich niet gehoord voelt, ziet vaak negatieve gevolgen.");
            long worry = noteId(token, "Ouders haken af als niemand luistert.");
            long chance = noteId(token, "Een vast aanspreekpunt per gezin.");
            laptop.find("#proposal-title").sendKeys("Vast aanspreekpunt");
            laptop.find("#proposal-action").sendKeys("Elk gezin krijgt één vaste contactpersoon.");
            laptop.find("#proposal-goal").sendKeys("Zodat ouders en jongeren zich gehoord voelen.");
            laptop.find("#proposal-save").click();
            waitForTextIn(laptop, "#proposal-owner-error", "Vul dit in.");
            assertThat(laptop.focused().getAttribute("id")).isEqualTo("proposal-owner");
            laptop.find("#proposal-owner").sendKeys("Teamleider wijkteam Oost");
            laptop.find("#take-note-" + surprise).click();
            laptop.find("#proposal-save").click();
            waitForTextIn(laptop, "#proposal-form-status", "Het voorstel Vast aanspreekpunt is gemaakt.");
            JsonNode made = table(token).get("proposals").get(0);
            String proposal = made.get("id").asText();
            assertThat(made.get("owner").asText()).isEqualTo("Teamleider wijkteam Oost");
            assertThat(made.get("notes").toString()).isEqualTo("[" + surprise + "]");
            WebElement zone = laptop.waitFor(By.cssSelector(".dropzone[data-proposal='" + proposal + "']"));
            assertThat(zone.getText())
                    .contains("Wie pakt de handschoen op?\nTeamleider wijkteam Oost")
                    .contains("Wie zich niet gehoord voelt");

            // the keyboard alternative: choose the proposal on the note, then "Verplaats"
            WebElement choice = laptop.find("#move-" + worry);
            choice.sendKeys(Keys.ARROW_DOWN);
            assertThat(choice.getAttribute("value")).isEqualTo(proposal);
            laptop.keys(Keys.TAB);
            assertThat(laptop.focused().getAttribute("class")).contains("move-button");
            laptop.keys(Keys.ENTER);
            waitIn(laptop, 10)
                    .until(d -> laptop.find(".dropzone[data-proposal='" + proposal + "']")
                            .getText()
                            .contains("Ouders haken af"));
            assertThat(laptop.focused().getAttribute("id")).isEqualTo("move-" + worry);
            assertThat(table(token).get("proposals").get(0).get("notes").toString())
                    .isEqualTo("[" + surprise + "," + worry + "]");

            // a real drag with the mouse: the note's handle onto the proposal
            WebElement grip = laptop.find("li.note[data-note='" + chance + "'] .grip");
            laptop.script("document.getElementById('board').scrollIntoView({block: 'start'});");
            WebElement target = laptop.find(".dropzone[data-proposal='" + proposal + "'] h3");
            new Actions(laptop.driver())
                    .clickAndHold(grip)
                    .moveByOffset(8, 8)
                    .moveToElement(target)
                    .pause(Duration.ofMillis(100))
                    .release()
                    .perform();
            waitIn(laptop, 10)
                    .until(d -> laptop.find(".dropzone[data-proposal='" + proposal + "']")
                            .getText()
                            .contains("Een vast aanspreekpunt per gezin."));
            JsonNode clustered = table(token).get("proposals").get(0);
            assertThat(clustered.get("notes").toString()).isEqualTo("[" + surprise + "," + worry + "," + chance + "]");
            assertThat(laptop.find(".dropzone.loose").getText())
                    .contains("Minder wisselingen")
                    .doesNotContain("Een vast aanspreekpunt");
            for (long note : List.of(surprise, worry, chance)) {
                assertThat(new Select(laptop.find("#move-" + note))
                                .getFirstSelectedOption()
                                .getText())
                        .isEqualTo("Vast aanspreekpunt");
            }

            // the proposal's texts, edited at the table
            assertThat(laptop.find("#proposal-cancel").isDisplayed()).isFalse();
            laptop.find(".dropzone[data-proposal='" + proposal + "'] .edit-proposal")
                    .click();
            assertThat(laptop.focused().getAttribute("id")).isEqualTo("proposal-title");
            assertThat(laptop.find("#proposal-form-heading").getText())
                    .isEqualTo("Voorstel aanpassen: Vast aanspreekpunt");
            assertThat(laptop.find("#proposal-owner").getAttribute("value")).isEqualTo("Teamleider wijkteam Oost");
            laptop.find("#proposal-owner").sendKeys(", samen met de GGD");
            laptop.find("#proposal-save").click();
            waitForTextIn(laptop, "#proposal-form-status", "Het voorstel is bewaard.");
            waitForTextIn(
                    laptop,
                    ".dropzone[data-proposal='" + proposal + "'] .owner",
                    "Teamleider wijkteam Oost, samen met de GGD");
            assertThat(table(token).get("proposals").get(0).get("notes").size()).isEqualTo(3);
            laptop.checkScreen("tafel-02-voorstel");

            // nothing about the participant's device is kept
            assertThat((String) laptop.script(
                            "return JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie;"))
                    .isEqualTo("{}{}");

            laptop.find("#proposal-title").sendKeys("Half af");
            laptop.find("button.lang").click();
            laptop.waitFor(By.xpath("//h2[@id='notes-heading' and normalize-space()='Notes and proposals']"));
            assertThat(laptop.find("#proposal-form-heading").getText()).isEqualTo("New improvement proposal");
            assertThat(laptop.find("label[for='proposal-owner']").getText()).isEqualTo("Who takes it on?");
            assertThat(laptop.find("#proposal-title").getAttribute("value")).isEqualTo("Half af");
            assertThat(laptop.find("html").getAttribute("lang")).isEqualTo("en");
            laptop.checkScreen("tafel-03-english");

            // the facilitator follows up in the workspace: the notes, then a decision, and publication
            browser.driver().navigate().refresh();
            browser.waitForHeading("Duidingsbijeenkomst Oost");
            assertThat(browser.find("[data-table='" + tableId + "'] .table-notes")
                            .getText())
                    .contains("Notities van deze tafel (4)")
                    .contains("Wat verrast je?")
                    .contains("in voorstel: Vast aanspreekpunt");
            WebElement article = browser.find("article.proposal[data-proposal='" + proposal + "']");
            assertThat(article.getText())
                    .contains("van Tafel 1")
                    .contains("Voorgesteld")
                    .contains("Teamleider wijkteam Oost, samen met de GGD");
            article.findElement(By.cssSelector(".proposal-edit-box summary")).click();
            WebElement title = browser.find("#proposal-" + proposal + "-edit-title");
            title.clear();
            title.sendKeys("Eén vast aanspreekpunt");
            article.findElement(By.cssSelector(".proposal-edit button[type='submit']"))
                    .click();
            waitForText("#proposal-" + proposal + "-status", "De teksten zijn bewaard.");
            new Select(browser.find("#proposal-" + proposal + "-new-status")).selectByVisibleText("Overgenomen");
            browser.find("#proposal-" + proposal + "-update-note")
                    .sendKeys("Het college heeft het voorstel overgenomen.");
            browser.find("[data-proposal='" + proposal + "'] .add-update").click();
            waitForText("#proposal-" + proposal + "-status", "Vastgelegd: Overgenomen.");
            assertThat(browser.find("[data-proposal='" + proposal + "'] .updates")
                            .getText())
                    .contains("Overgenomen")
                    .contains("Het college heeft het voorstel overgenomen.")
                    .contains("admin");
            browser.find("#proposal-" + proposal + "-published").click();
            waitForText("#proposal-" + proposal + "-status", "Het voorstel staat nu op de openbare pagina.");
            JsonNode followed = JSON.readTree(asAdmin()
                            .get("/api/sessions/" + session)
                            .then()
                            .extract()
                            .asString())
                    .get("proposals")
                    .get(0);
            assertThat(followed.get("title").asText()).isEqualTo("Eén vast aanspreekpunt");
            assertThat(followed.get("status").asText()).isEqualTo("adopted");
            assertThat(followed.get("published").asBoolean()).isTrue();
            assertThat(followed.get("notes").size()).isEqualTo(3);

            // a proposal the facilitator adds directly, from notes on paper; not published
            new Select(browser.find("#new-proposal-table")).selectByVisibleText("Tafel 1");
            browser.find("#new-proposal-title").sendKeys("Wachtlijst zichtbaar maken");
            browser.find("#new-proposal-action").sendKeys("Ouders zien online hoe lang ze nog wachten.");
            browser.find("#new-proposal-goal").sendKeys("Zodat ouders weten waar ze aan toe zijn.");
            browser.find("#new-proposal-owner").sendKeys("Regio Oost");
            browser.find("#new-proposal-save").click();
            waitIn(browser, 10).until(d -> browser.findAll("article.proposal").size() == 2);
            assertThat(browser.focused().getText()).isEqualTo("Wachtlijst zichtbaar maken");
            browser.checkScreenStrictly("sessie-04-voorstellen");

            // what the storytellers read: the published proposal with its status and update, the published card with
            // its quote
            laptop.open(base + "v/" + planted.slug() + "/verhalen");
            laptop.waitForHeading("Wat is er met de verhalen gedaan?");
            // the heading shows while the outcomes are still loading
            waitForTextIn(laptop, "main", "Eén vast aanspreekpunt");
            String page = laptop.find("main").getText();
            assertThat(page)
                    .contains("Eén vast aanspreekpunt")
                    .contains("Stand van zaken: Overgenomen. Er is besloten om dit te doen.")
                    .contains("Wat gaan we doen?\nElk gezin krijgt één vaste contactpersoon.")
                    .contains("Wat levert het op?\nZodat ouders en jongeren zich gehoord voelen.")
                    .contains("Wie pakt het op?\nTeamleider wijkteam Oost, samen met de GGD")
                    .contains("Het college heeft het voorstel overgenomen.")
                    .contains("Gehoord worden en de gevolgen")
                    .contains("“Verhaal”")
                    .doesNotContain("Wachtlijst zichtbaar maken")
                    .doesNotContain("Ouders haken af")
                    .doesNotContain("admin");
            assertThat(laptop.find(".outcome-updates time").getAttribute("datetime"))
                    .isEqualTo(today.toString());
            laptop.checkScreen("verhalen-01-gepubliceerd");

            // links that do not work say so plainly: an unknown one, and one that expired while the page was open
            laptop.open(base + "t/deze-link-bestaat-helemaal-niet");
            laptop.waitForHeading("Deze link werkt niet");
            laptop.checkScreen("tafel-04-onbekend");
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement(
                            "UPDATE session_table SET token_expires_at = now() - interval '1 minute' WHERE id = ?::uuid")) {
                ps.setString(1, tableId);
                ps.executeUpdate();
            }
            other.waitForHeading("Tafel 1");
            waitIn(other, 20).until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Deze link is verlopen"));
            assertThat(other.find("main").getText()).contains("Vraag de gespreksleider om een nieuwe link.");
            other.checkScreen("tafel-05-verlopen");

            // a new link for the table, and stopping it at once
            browser.driver().navigate().refresh();
            browser.waitForHeading("Duidingsbijeenkomst Oost");
            assertThat(browser.find("[data-table='" + tableId + "'] .link-state")
                            .getText())
                    .isEqualTo("Deze tafel heeft nog geen werkende link.");
            browser.find("[data-table='" + tableId + "'] .make-link").click();
            String again = browser.waitFor(By.id("link-url-" + tableId)).getAttribute("value");
            assertThat(again).isNotEqualTo(link);
            laptop.open(again);
            laptop.waitForHeading("Tafel 1");
            browser.find("[data-table='" + tableId + "'] .revoke-link").click();
            waitForText("[data-table='" + tableId + "'] .link-state", "Deze tafel heeft nog geen werkende link.");
            assertThat(browser.findAll("#link-url-" + tableId)).isEmpty();
            laptop.driver().navigate().refresh();
            laptop.waitForHeading("Deze link werkt niet");
        }
    }

    @Test
    void shouldLinkTheThankYouPageToWhatWasDoneWithTheStoriesEvenWhenNothingIsPublishedYet() {
        String slug = publishedStoryPoint("verhalen-leeg");
        shareAStoryAsAParent(slug);

        browser.click("Wat is er met de verhalen gedaan?");
        browser.waitForHeading("Wat is er met de verhalen gedaan?");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/v/" + slug + "/verhalen");
        assertThat(browser.waitFor(By.id("outcomes-empty")).getText())
                .startsWith(
                        "Er is nog niets gepubliceerd\nDe verhalen worden eerst samen gelezen en besproken in bijeenkomsten.");
        assertThat(browser.find("main").getText()).contains("Zo werkt het");
        browser.checkScreen("verhalen-02-leeg");
    }

    /** The text of the QR code in a screenshot of this element. */
    private static String qrText(WebElement qr) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(qr.getScreenshotAs(OutputType.BYTES)));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(
                new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        return new QRCodeReader()
                .decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                .getText();
    }

    /** Shares a story at the planted story point through the API; returns its id. */
    private static String shareStory(String text) {
        return given().contentType(ContentType.JSON)
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
    }

    @Test
    void shouldPickStoriesFromASearchAndLeadTheQrCodeAndTheShortCodeToTheTable() throws Exception {
        String clean =
                shareStory("Bij de zeppelinvaart van de jeugdclub luisterde de begeleider echt naar ons allemaal.");
        String flagged =
                shareStory("Op de zeppelinvaart belde de begeleider ons op 06-12345678 toen het misging met ons.");
        String session = asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "storyPoint",
                        planted.slug(),
                        "title",
                        "Bijeenkomst West",
                        "heldOn",
                        LocalDate.now(ZoneId.of("Europe/Amsterdam")).toString(),
                        "online",
                        true))
                .post("/api/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        signInAsAdmin();
        openPage("/" + planted.slug() + "/bijeenkomsten/" + session, "Bijeenkomst West");
        browser.find("#add-table").click();
        browser.find("#table-new-story-search").sendKeys("zeppelinvaart", Keys.ENTER);
        waitForText("#table-new-pick-summary", "2 verhalen gevonden.");
        // both are shown, so there is nothing more to show
        assertThat(browser.find(".table-form .pick-more").isDisplayed()).isFalse();
        // the flagged story is marked, says why it cannot be picked, and has no button to pick it
        WebElement marked = browser.find(".pick-item[data-story='" + flagged + "']");
        assertThat(marked.getAttribute("class")).contains("flagged");
        assertThat(marked.getText())
                .contains("Mogelijk persoonsgegevens")
                .contains("Dit verhaal kan pas op een tafel als een analist het heeft nagekeken.");
        assertThat(marked.findElements(By.cssSelector(".pick-story"))).isEmpty();
        browser.checkScreenStrictly("sessie-05-verhalen-kiezen");
        browser.find(".pick-item[data-story='" + clean + "'] .pick-story").click();
        waitForText(".pick-item[data-story='" + clean + "']", "Staat op de tafel.");
        assertThat(browser.find(".table-form .chosen-stories").getText())
                .contains(clean)
                .contains("zeppelinvaart");
        assertThat(browser.find("#table-new-story-advice").getText()).isEqualTo("1 verhaal gekozen.");
        browser.find(".table-form .save-table").click();
        waitIn(browser, 10).until(d -> browser.findAll(".table-form").isEmpty());
        JsonNode saved = JSON.readTree(
                asAdmin().get("/api/sessions/" + session).then().extract().asString());
        assertThat(saved.at("/tables/0/stories/0/id").asText()).isEqualTo(clean);
        assertThat(saved.at("/tables/0/stories").size()).isEqualTo(1);
        String tableId = saved.at("/tables/0/id").asText();

        // the link with its QR code and short code
        browser.find("[data-table='" + tableId + "'] .make-link").click();
        String link = browser.waitFor(By.id("link-url-" + tableId)).getAttribute("value");
        String code = browser.find("#link-code-" + tableId).getText();
        assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}");
        assertThat(browser.find(".link-code-box").getText()).contains(base.getHost() + ":" + base.getPort() + "/t");
        browser.checkScreenStrictly("sessie-06-link-qr-code");
        WebElement qr = browser.find("[data-table='" + tableId + "'] svg.qr");
        assertThat(qr.getAttribute("aria-label")).isEqualTo("QR-code van de link voor Tafel 1");
        browser.script("arguments[0].scrollIntoView({block: 'center'});", qr);
        assertThat(qrText(qr)).isEqualTo(link);

        try (Browser phone = new Browser()) {
            phone.width(375);
            // the QR code's address opens the table
            phone.open(qrText(qr));
            phone.waitForHeading("Tafel 1");
            // the short code, typed at /t: small letters and spaces are fine
            phone.open(base + "t");
            phone.waitForHeading("Naar je tafel");
            phone.find("#table-code").sendKeys(code.toLowerCase().replace("-", " "), Keys.ENTER);
            phone.waitForHeading("Tafel 1");
            assertThat(phone.driver().getCurrentUrl()).isEqualTo(link);
            // or straight in the address bar
            phone.open(base + "t/" + code);
            phone.waitForHeading("Tafel 1");
            // a wrong code is refused in plain words, and stays in the field to correct
            phone.open(base + "t");
            phone.waitForHeading("Naar je tafel");
            String wrong = (code.startsWith("Z") ? "Y" : "Z") + code.substring(1);
            phone.find("#table-code").sendKeys(wrong, Keys.ENTER);
            waitIn(phone, 10)
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.id("table-code-error"), "We kennen deze code niet."));
            assertThat(phone.find("#table-code").getAttribute("value")).isEqualTo(wrong);
            assertThat(phone.driver().getCurrentUrl()).isEqualTo(base + "t");
            phone.checkScreenStrictly("tafelcode-01-verkeerd");
        }
    }
}
