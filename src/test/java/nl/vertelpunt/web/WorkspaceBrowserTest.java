package nl.vertelpunt.web;

import static io.restassured.RestAssured.given;
import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.publishedStoryPoint;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.vertelpunt.testing.WorkspaceTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The workspace (/werkplek) in Chromium against the real service: signing in, the dashboard with its
 * filters and drill-down, a pattern evaluation from start to the stories of a group, selecting a pattern,
 * moderation of a story, and user management. Each step is checked against the API as well.
 */
@QuarkusTest
class WorkspaceBrowserTest extends WorkspaceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void data() throws Exception {
        patternedStoryPoint();
        // every test starts signed out
        browser.open(workspace("/login"));
        browser.driver().manage().deleteAllCookies();
    }

    private static String decodedUrl() {
        return URLDecoder.decode(browser.driver().getCurrentUrl(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldSignInWithPlainErrorsAndSignOut() {
        browser.width(1280);
        browser.open(workspace("/" + patterned));
        // not signed in: the sign-in screen, which goes on to the page asked for
        browser.waitForHeading("Inloggen op de werkplek");
        browser.find("#username").sendKeys("admin");
        browser.find("#password").sendKeys("not-the-password", Keys.ENTER);
        assertThat(waitForText("#login-error", "klopt niet").getText())
                .isEqualTo("Je gebruikersnaam of wachtwoord klopt niet. Probeer het opnieuw.");
        assertThat(browser.focused().getAttribute("id")).isEqualTo("password");

        // too many attempts: the waiting time in plain words
        String stranger = "niemand-" + UUID.randomUUID().toString().substring(0, 8);
        browser.find("#username").clear();
        browser.find("#username").sendKeys(stranger);
        for (int i = 0; i < 5; i++) {
            browser.find("#password").sendKeys("wrong-" + i, Keys.ENTER);
            waiting()
                    .until(d -> browser.find("#password").getAttribute("value").isEmpty()
                            && browser.find("button[type='submit']").isEnabled());
        }
        // each next attempt from this address waits twice as long (1 s, 2 s, 4 s…): within a few, one is held back
        for (int i = 0; i < 5 && !browser.find("#login-error").getText().contains("te vaak"); i++) {
            browser.find("#password").sendKeys("wrong-again-" + i, Keys.ENTER);
            waiting()
                    .until(d -> browser.find("#password").getAttribute("value").isEmpty()
                            && browser.find("button[type='submit']").isEnabled());
        }
        assertThat(waitForText("#login-error", "te vaak").getText())
                .matches(
                        "Je hebt te vaak een verkeerd wachtwoord ingevuld\\. Wacht \\d+ (seconde|seconden|minuut|minuten) en probeer het"
                                + " dan opnieuw\\.");

        browser.find("#username").clear();
        browser.find("#username").sendKeys("admin");
        browser.find("#password").sendKeys("admin-test-password", Keys.ENTER);
        browser.waitForHeading("Dashboard");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/werkplek/" + patterned);
        assertThat(browser.driver().manage().getCookieNamed("vp_session").isHttpOnly())
                .isTrue();

        browser.find("#sign-out").click();
        browser.waitForHeading("Inloggen op de werkplek");
        assertThat(browser.driver().manage().getCookieNamed("vp_session")).isNull();
    }

    @Test
    void shouldGoBackToSignInWhenTheSessionHasEnded() {
        signInAsAdmin();
        browser.driver().manage().deleteCookieNamed("vp_session");
        browser.find("a[href='/werkplek/" + patterned + "']").click();
        browser.waitForHeading("Inloggen op de werkplek");
        assertThat(browser.find("main").getText()).contains("Je sessie is verlopen");
        browser.find("#username").sendKeys("admin");
        browser.find("#password").sendKeys("admin-test-password", Keys.ENTER);
        browser.waitForHeading("Dashboard");
    }

    @Test
    void shouldFilterTheDashboardAndOpenTheStoriesBehindABar() {
        signInAsAdmin();
        openPage("/" + patterned, "Dashboard");
        String all = browser.find("#results").getText();
        assertThat(all).isEqualTo("Verhalen met deze filters: 1.200");

        browser.find("#filters-toggle").click();
        WebElement region = browser.waitFor(
                By.xpath("//details[contains(@class,'filter-question')][summary[normalize-space()='2. regio']]"));
        region.findElement(By.tagName("summary")).click();
        region.findElement(By.xpath(".//label[normalize-space()='noord']")).click();
        browser.find("#filter-apply").click();
        waitForText(".active-filters", "2. regio: noord");
        int noord = searchTotal(
                patterned,
                Map.of("filter", Map.of("answers", Map.of("regio", List.of("noord")), "includeIncomplete", true)));
        String shown = browser.find("#results").getText();
        assertThat(shown).startsWith("Verhalen met deze filters: ").isNotEqualTo(all);
        // the dashboard rounds to multiples of 5
        int rounded = Integer.parseInt(shown.replaceAll("\\D", ""));
        assertThat(Math.abs(rounded - noord)).isLessThanOrEqualTo(2);
        assertThat(decodedUrl()).contains("\"answers\":{\"regio\":[\"noord\"]}");

        // the download links carry the filter; the browser downloads with its session
        String csvLink = browser.find("#export-csv").getAttribute("href");
        assertThat(URLDecoder.decode(csvLink, StandardCharsets.UTF_8))
                .contains("/stories.csv?filter=")
                .contains("\"regio\":[\"noord\"]");
        assertThat(URLDecoder.decode(browser.find("#export-xlsx").getAttribute("href"), StandardCharsets.UTF_8))
                .contains("/stories.xlsx?filter=");
        String csv = (String) browser.driver()
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed ' + e));",
                        csvLink);
        assertThat(csv).startsWith("id,submitted_at,role");
        assertThat(csv.lines().count() - 1).isEqualTo(noord);

        // every chart has its numbers as a table too, and the role chart leads to the stories
        waitForCharts();
        WebElement roles = chart("Verhalen per rol");
        assertThat(roles.getAttribute("role")).isEqualTo("img");
        assertThat(roles.getAttribute("aria-label")).startsWith("Staafdiagram: Verhalen per rol.");
        clickBar(roles, 0, 2);
        browser.waitForHeading("Verhalen");
        waitForText(".active-filters", "Rol: Professional");
        assertThat(browser.find(".active-filters").getText()).contains("2. regio: noord");
        int professionals = searchTotal(
                patterned,
                Map.of(
                        "filter",
                        Map.of(
                                "roles",
                                List.of("professional"),
                                "answers",
                                Map.of("regio", List.of("noord")),
                                "includeIncomplete",
                                true)));
        assertThat(browser.find("#results").getText()).startsWith(professionals + " verhalen gevonden");

        // the same by keyboard: the table under a slider chart, one bin
        browser.driver().navigate().back();
        browser.waitForHeading("Dashboard");
        WebElement table = browser.waitFor(
                By.xpath("//figure[.//h3[normalize-space()='8. gehoord']]//details[contains(@class,'chart-table')]"));
        table.findElement(By.tagName("summary")).sendKeys(Keys.ENTER);
        WebElement bin = table.findElement(By.xpath(".//tr[th[normalize-space()='90–100 (Helemaal wel)']]//a"));
        bin.sendKeys(Keys.ENTER);
        browser.waitForHeading("Verhalen");
        waitForText(".active-filters", "8. gehoord: van 90 tot en met 100");
        int high = searchTotal(
                patterned,
                Map.of(
                        "filter",
                        Map.of(
                                "answers",
                                Map.of("regio", List.of("noord")),
                                "ranges",
                                Map.of("gehoord", List.of(90, 100)),
                                "includeIncomplete",
                                true)));
        assertThat(browser.find("#results").getText()).startsWith(high + " verhalen gevonden");

        // the story's length as a filter: the stories here are two words long ("Verhaal 12")
        browser.find("#filters-toggle").click();
        browser.find("#filter-min-words").sendKeys("3");
        browser.find("#filter-apply").click();
        waitForText(".active-filters", "Lengte: minstens 3 woorden");
        waitForText("#results", "Geen verhalen gevonden.");
        assertThat(decodedUrl()).contains("\"minWords\":3");
        browser.find(".chip-remove[aria-label='Verwijder filter: Lengte: minstens 3 woorden']")
                .click();
        waitForText("#results", high + " verhalen gevonden");
        browser.find("#filters-toggle").click();
        browser.find("#filter-max-words").sendKeys("2");
        browser.find("#filter-contains").sendKeys("verhalen");
        browser.checkScreenStrictly("verhalen-filter-lengte-en-woorden");
        browser.find("#filter-apply").click();
        waitForText(".active-filters", "Bevat: verhalen");
        assertThat(browser.find(".active-filters").getText()).contains("Lengte: hoogstens 2 woorden");
        // "verhalen" finds "Verhaal" (the same stem): every story still passes
        waitForText("#results", high + " verhalen gevonden");
        browser.checkScreenStrictly("verhalen-lengte-en-woorden");
    }

    @Test
    void shouldRunAnEvaluationAndOpenTheStoriesOfAGroupAndSelectAPattern() throws Exception {
        signInAsAdmin();
        openPage("/" + patterned + "/evaluaties", "Patroonevaluaties");
        browser.find("#min-group").clear();
        browser.find("#min-group").sendKeys("10");
        browser.find("#start-evaluation").click();
        waitForHeadingStart("Patroonevaluatie van ");
        WebElement progress = browser.find("#run-progress");
        assertThat(progress.getTagName()).isEqualTo("progress");
        assertThat(browser.find("#run-status").getAttribute("role")).isEqualTo("status");
        waitForText("#run-status", "Klaar:");
        assertThat(progress.getAttribute("value")).isEqualTo("100");
        String runId = browser.driver().getCurrentUrl().replaceAll(".*/evaluaties/", "");
        JsonNode run = JSON.readTree(asAdmin()
                .get("/api/evaluations/" + runId)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(run.at("/request/settings/minGroupSize").asInt()).isEqualTo(10);
        assertThat(run.at("/request/filter/includeIncomplete").asBoolean()).isFalse();
        assertThat(browser.find("#run-status").getText())
                .isEqualTo("Klaar: " + run.at("/result/summary/strong").asInt() + " sterke patronen gevonden in "
                        + run.at("/result/summary/tests").asInt() + " toetsen.");

        // the planted pattern: gehoord rises with gevolg
        browser.driver()
                .findElement(
                        By.xpath("//a[contains(@class,'pattern-link') and normalize-space()='8. gehoord × 1. gevolg']"))
                .click();
        browser.waitForHeading("8. gehoord × 1. gevolg");
        assertThat(browser.find("main").getText())
                .contains("Kruskal-Wallis H")
                .contains("sterk patroon")
                .contains("Groepen twee aan twee");
        waitForCharts();

        WebElement select = browser.find(".select-area button");
        assertThat(select.getAttribute("aria-pressed")).isEqualTo("false");
        select.click();
        waiting().until(d -> "true".equals(browser.find(".select-area button").getAttribute("aria-pressed")));
        JsonNode selected = JSON.readTree(asAdmin()
                        .get("/api/evaluations/" + runId)
                        .then()
                        .extract()
                        .asString())
                .get("selected");
        assertThat(selected.toString()).contains("slider_by_choice|gehoord|gevolg");

        // the stories of one group: gevolg = zeer-positief that answered gehoord
        browser.driver()
                .findElement(
                        By.xpath(
                                "//section[h2[starts-with(normalize-space(),'Groepen:')]]//tr[th[normalize-space()='zeer-positief']]//a"))
                .click();
        browser.waitForHeading("Verhalen");
        waitForText(".active-filters", "1. gevolg: zeer-positief");
        assertThat(browser.find(".active-filters").getText())
                .contains("8. gehoord: beantwoord")
                .contains("Alleen volledige verhalen");
        int group = searchTotal(
                patterned,
                Map.of(
                        "filter",
                        Map.of(
                                "answers",
                                Map.of("gevolg", List.of("zeer-positief")),
                                "ranges",
                                Map.of("gehoord", List.of(0, 100)),
                                "includeIncomplete",
                                false)));
        assertThat(group).isPositive();
        assertThat(browser.find("#results").getText()).startsWith(group + " verhalen gevonden");
    }

    @Test
    void shouldRedactFlaggedAndSelectedTextDismissAFlagAndHideTheStory() throws Exception {
        String slug = publishedStoryPoint("moderatie");
        String text =
                "Mevrouw Jansen van het wijkteam belde ons op 06-12345678 en toen ging het eindelijk beter met ons gezin.";
        Map<String, Object> story = Map.of(
                "submissionId",
                UUID.randomUUID().toString(),
                "role",
                "ouder",
                "language",
                "nl",
                "title",
                "Eindelijk hulp",
                "text",
                text,
                "answers",
                Map.of("gevolg", "positief", "gehoord", 80));
        String id = given().contentType(ContentType.JSON)
                .body(story)
                .post("/api/storypoints/" + slug + "/stories")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        signInAsAdmin();
        openPage("/" + slug + "/verhalen/" + id, "Eindelijk hulp");
        // every answer with its question, in words
        String answers = browser.find(".answers").getText();
        assertThat(answers)
                .contains("2. Dit was voor het kind/gezin ...\nPositief")
                .contains("12. Gehoord voelen\n80 van 100: dicht bij zeker WEL")
                .contains("13. Op tijd\nNiet ingevuld");
        List<WebElement> marks = browser.findAll(".story-text mark.flag");
        assertThat(marks).extracting(WebElement::getText).containsExactly("Jansen", "06-12345678");

        // a flagged span: click it, confirm
        marks.get(0).click();
        browser.waitFor(By.id("redact-confirm")).click();
        waitForText("#story-status", "De tekst is verwijderd.");
        assertThat(browser.find(".story-text").getText()).startsWith("Mevrouw [verwijderd] van het wijkteam");

        // a span the user selects
        browser.script("const node = document.querySelector('.story-text').firstChild;"
                + "const at = node.textContent.indexOf('wijkteam'); const range = document.createRange();"
                + "range.setStart(node, at); range.setEnd(node, at + 'wijkteam'.length);"
                + "const sel = document.getSelection(); sel.removeAllRanges(); sel.addRange(range);");
        browser.find("#redact-selection").click();
        assertThat(browser.waitFor(By.cssSelector(".confirm")).getText()).contains("“wijkteam”");
        browser.find("#redact-confirm").click();
        waitForText(".story-text", "van het [verwijderd] belde");

        // the phone number is a false alarm here: dismiss it
        browser.driver()
                .findElement(
                        By.xpath(
                                "//li[contains(@class,'flag-item')][.//mark[normalize-space()='06-12345678']]//button[normalize-space()='Geen persoonsgegeven']"))
                .click();
        waitForText("#story-status", "De melding is weg");
        assertThat(browser.findAll(".story-text mark.flag")).isEmpty();

        browser.find("#toggle-hidden").click();
        waitForText("#story-status", "Het verhaal is verborgen.");
        assertThat(browser.find(".meta").getText()).contains("verborgen");

        JsonNode stored = JSON.readTree(asAdmin()
                .get("/api/storypoints/" + slug + "/stories/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(stored.get("text").asText())
                .isEqualTo(
                        "Mevrouw [verwijderd] van het [verwijderd] belde ons op 06-12345678 en toen ging het eindelijk beter met ons gezin.")
                .doesNotContain("Jansen")
                .doesNotContain("wijkteam");
        assertThat(stored.get("hidden").asBoolean()).isTrue();
        assertThat(stored.get("flagged").asBoolean()).isFalse();
    }

    @Test
    void shouldLetAnAdminCreateAnAnalystWhoSeesOnlyTheirStoryPoint() {
        signInAsAdmin();
        // a facilitator (or admin) reaches the verteltafel, the paper entry and the printable form from the list
        assertThat(browser.findAll("a[href='/werkplek/" + patterned + "/verteltafel']"))
                .hasSize(1);
        assertThat(browser.findAll("a[href='/werkplek/" + patterned + "/papier']"))
                .hasSize(1);
        assertThat(browser.findAll("a[href='/api/storypoints/" + patterned + "/paper.pdf']"))
                .hasSize(1);
        openPage("/gebruikers", "Gebruikers");
        String name = "analist-" + UUID.randomUUID().toString().substring(0, 8);
        browser.find("#new-username").sendKeys(name);
        browser.find("#new-password").sendKeys("een-lang-wachtwoord");
        browser.driver()
                .findElement(By.xpath(
                        "//fieldset[legend[normalize-space()='Vertelpunten']]//label[contains(normalize-space(),'("
                                + patterned + ")')]"))
                .click();
        browser.find("#create-user").click();
        waitForText("#users-status", "Gebruiker " + name + " is gemaakt.");
        assertThat(browser.find("tr[data-user='" + name + "']").getText())
                .contains("analist")
                .contains(patterned)
                .contains("actief");

        browser.find("#sign-out").click();
        browser.waitForHeading("Inloggen op de werkplek");
        signIn(name, "een-lang-wachtwoord");
        assertThat(browser.findAll(".card.point")).hasSize(1);
        assertThat(browser.find(".card.point").getText()).contains(patterned);
        assertThat(browser.findAll("a[href='/werkplek/gebruikers']")).isEmpty();
        assertThat(browser.findAll("a[href='/werkplek/" + patterned + "/verteltafel']"))
                .isEmpty();
        assertThat(browser.findAll("a[href='/api/storypoints/" + patterned + "/paper.pdf']"))
                .hasSize(1);
        browser.find("#sign-out").click();
        browser.waitForHeading("Inloggen op de werkplek");

        // disabled by the admin: the account can no longer sign in
        signInAsAdmin();
        openPage("/gebruikers", "Gebruikers");
        browser.find("tr[data-user='" + name + "'] button").click();
        browser.waitFor(By.id("enabled-" + name)).click();
        browser.driver()
                .findElement(By.xpath("//form[contains(@class,'user-edit')]//button[normalize-space()='Bewaar']"))
                .click();
        waitForText("#users-status", "De wijzigingen voor " + name + " zijn bewaard.");
        assertThat(browser.find("tr[data-user='" + name + "']").getText()).contains("uitgeschakeld");
        asAdmin().get("/api/users/" + name).then().statusCode(200).body("enabled", Matchers.equalTo(false));
    }
}
