package nl.vertelpunt.web;

import static io.restassured.RestAssured.given;
import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.publishedStoryPoint;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URLEncoder;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.vertelpunt.testing.Evaluations;
import nl.vertelpunt.testing.WorkspaceTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * Every page of the workspace in Chromium at 375 px (a phone) and 1280 px: axe-core must find no WCAG 2.x
 * A/AA violation, the page must reflow at 320 px without sideways scrolling, and a full-page screenshot
 * of each is saved in target/screenshots (werkplek-*.png).
 */
@QuarkusTest
class WorkspaceAccessibilityTest extends WorkspaceTest {

    private int shot;

    /** A UUID, a pattern key ("slider_by_choice|samen|gevolg") or a JSON object or array in the text of a page. */
    static final Pattern INTERNALS = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
            + "|\\b(?:slider_by_choice|choice_by_choice|slider_by_slider)\\b"
            + "|[\\w:-]+\\|[\\w:-]+\\|[\\w:-]+"
            + "|[{\\[]\\s*\"[^\"]*\"\\s*:");

    private void check(String screen) {
        shot++;
        waitForCharts();
        browser.checkScreenStrictly(String.format("werkplek-%02d-%s", shot, screen));
        assertNoInternals(screen);
    }

    /** No UUID, pattern key or JSON in what the page shows (text, and what a screen reader reads). */
    static void assertNoInternals(String screen) {
        String shown = (String) browser.script("return document.body.innerText + '\\n' + [...document.querySelectorAll("
                + "'[aria-label], [title], img[alt]')].map(e => (e.getAttribute('aria-label') || '') + ' '"
                + " + (e.getAttribute('title') || '') + ' ' + (e.getAttribute('alt') || '')).join('\\n');");
        Matcher found = INTERNALS.matcher(shown);
        List<String> internals = new java.util.ArrayList<>();
        while (found.find()) {
            internals.add(found.group());
        }
        assertThat(internals).as("ids, pattern keys or JSON shown on " + screen).isEmpty();
    }

    /** The rank of the first pattern of a kind in a result's list. */
    private static int rankOf(JsonNode patterns, String kind, boolean slider) {
        for (JsonNode p : patterns) {
            if (p.get("kind").asText().equals(kind) && (p.has("groups") == slider)) {
                return p.get("rank").asInt();
            }
        }
        throw new AssertionError("no pattern of kind " + kind);
    }

    @Test
    void shouldHaveNoAccessibilityViolationsOnAnyWorkspacePage() throws Exception {
        patternedStoryPoint();
        String moderated = publishedStoryPoint("a11y-werkplek");
        String story = given().contentType(ContentType.JSON)
                .body(Map.of(
                        "submissionId",
                        UUID.randomUUID().toString(),
                        "role",
                        "ouder",
                        "language",
                        "nl",
                        "title",
                        "Hulp van mevrouw Jansen",
                        "text",
                        "Mevrouw Jansen belde ons op 06-12345678. Daarna ging het veel beter met ons gezin en met school.",
                        "answers",
                        Map.of(
                                "gevolg",
                                "positief",
                                "gehoord",
                                80,
                                "themas",
                                List.of("school"),
                                "balans",
                                List.of(50, 30, 20))))
                .post("/api/storypoints/" + moderated + "/stories")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String runId = asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "storyPoint", patterned, "subset", Map.of("filter", Map.of("roles", List.of("professional")))))
                .post("/api/evaluations")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        JsonNode run = Evaluations.finished(runId);
        JsonNode result = run.get("result");

        browser.width(1280);
        browser.open(workspace("/login"));
        browser.driver().manage().deleteAllCookies();
        openPage("/login", "Inloggen op de werkplek");
        check("login");
        browser.find("#username").sendKeys("admin");
        browser.find("#password").sendKeys("geen-wachtwoord", Keys.ENTER);
        waitForText("#login-error", "klopt niet");
        check("login-error");
        browser.find("#password").sendKeys("admin-test-password", Keys.ENTER);
        browser.waitForHeading("Vertelpunten");
        check("story-points");

        openPage("/" + patterned, "Dashboard");
        check("dashboard");
        browser.find("#filters-toggle").click();
        browser.driver()
                .findElement(
                        By.xpath("//details[contains(@class,'filter-question')]/summary[normalize-space()='2. regio']"))
                .click();
        browser.driver()
                .findElement(By.xpath("//details[contains(@class,'chart-table')]/summary"))
                .click();
        check("dashboard-filters-and-table");

        openPage(
                "/" + patterned + "/verhalen?q=Verhaal&filter="
                        + URLEncoder.encode("{\"roles\":[\"jongere\"],\"includeIncomplete\":true}", "UTF-8"),
                "Verhalen");
        waitForText("#results", "verhalen gevonden");
        check("stories");

        openPage("/" + moderated + "/verhalen/" + story, "Hulp van mevrouw Jansen");
        check("story");
        browser.find(".story-text mark.flag").click();
        browser.waitFor(By.id("redact-confirm"));
        check("story-confirm-redaction");

        openPage("/" + patterned + "/evaluaties", "Patroonevaluaties");
        browser.find("#subset-variable").sendKeys("2. regio");
        browser.waitFor(By.id("subset-options"));
        check("evaluations");

        browser.open(workspace("/" + patterned + "/evaluaties/" + runId));
        waitForText("#run-status", "Klaar:");
        // the result's notes in the workspace's words, not in the English the result keeps: role chose the subset
        assertThat(browser.find("main").getText())
                .contains("Niet vergeleken, omdat het deel of de andere verhalen juist hiermee gekozen zijn")
                .doesNotContain("Not compared");
        check("evaluation-result");

        String address = "/" + patterned + "/evaluaties/" + runId;
        browser.open(workspace(address + "/patronen/" + rankOf(result.get("patterns"), "slider_by_choice", true)));
        waitForHeadingStart("");
        browser.waitFor(By.id("groups-heading"));
        check("pattern-slider-by-choice");
        browser.open(workspace(address + "/patronen/" + rankOf(result.get("patterns"), "choice_by_choice", false)));
        browser.waitFor(By.id("residuals-heading"));
        check("pattern-choice-by-choice");
        browser.open(workspace(address + "/patronen/" + rankOf(result.get("patterns"), "slider_by_slider", false)));
        browser.waitFor(By.id("joint-heading"));
        check("pattern-slider-by-slider");
        browser.open(workspace(
                address + "/deelverzameling/" + rankOf(result.get("subset").get("patterns"), "subset", true)));
        browser.waitFor(By.id("groups-heading"));
        check("subset-slider");
        browser.open(workspace(
                address + "/deelverzameling/" + rankOf(result.get("subset").get("patterns"), "subset", false)));
        browser.waitFor(By.id("residuals-heading"));
        check("subset-choice");

        // an observation card of the first pattern, and a session with a table that has it
        JsonNode first = result.get("patterns").get(0);
        String cardId = asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "runId",
                        runId,
                        "pattern",
                        first.get("kind").asText() + "|"
                                + first.at("/questions/0").asText() + "|"
                                + first.at("/questions/1").asText()))
                .post("/api/cards")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        openPage("/" + patterned + "/kaarten", "Observatiekaarten");
        check("cards");
        browser.open(workspace("/" + patterned + "/kaarten/" + cardId));
        browser.waitFor(By.id("card-provenance"));
        check("card-editor");

        openPage("/" + patterned + "/bijeenkomsten", "Duidingsbijeenkomsten");
        check("sessions");
        String session = asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "storyPoint",
                        patterned,
                        "title",
                        "Bijeenkomst Noord",
                        "heldOn",
                        java.time.LocalDate.now().toString(),
                        "place",
                        "Buurthuis De Kolk",
                        "online",
                        false))
                .post("/api/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Tafel 1", "cards", List.of(cardId), "stories", List.of()))
                .post("/api/sessions/" + session + "/tables")
                .then()
                .statusCode(200);
        openPage("/" + patterned + "/bijeenkomsten/" + session, "Bijeenkomst Noord");
        browser.find("#add-table").click();
        browser.waitFor(By.cssSelector(".table-form .pick-story"));
        check("session-table-preparation");
        browser.find(".session-table .make-link").click();
        browser.waitFor(By.cssSelector(".link-code"));
        check("session-table-link");

        openPage("/gebruikers", "Gebruikers");
        browser.find("tr[data-user='admin'] button").click();
        browser.waitFor(By.cssSelector(".user-edit"));
        check("users");

        openPage("/bestaat/niet/echt", "Deze pagina bestaat niet");
        check("not-found");

        openPage("/" + patterned, "Dashboard");
        browser.find("button.lang").click();
        browser.waitForHeading("Dashboard");
        waitForText("#results", "Stories with these filters");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
        check("dashboard-english");
        browser.find("button.lang").click();
        browser.waitFor(By.xpath("//p[@id='results' and starts-with(normalize-space(), 'Verhalen met deze filters')]"));
    }
}
