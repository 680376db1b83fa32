package nl.vertelpunt.web;

import static nl.vertelpunt.testing.Fixtures.aDefinition;
import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.nl;
import static nl.vertelpunt.testing.Fixtures.option;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.vertelpunt.testing.Fixtures;
import nl.vertelpunt.testing.Planted;
import nl.vertelpunt.testing.WorkspaceTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The monitoring screen in Chromium: an indicator is chosen, Twente is set against the rest, and the line chart with
 * its band and the table of the same numbers appear; a quarter with too few stories shows no figure. axe-core finds
 * nothing at 375 and 1280 px, nothing is clipped or sticks out at 320 to 1280 px (screenshots
 * werkplek-monitor-*.png).
 */
@QuarkusTest
class MonitorBrowserTest extends WorkspaceTest {

    private static String storyPoint() {
        String slug = Fixtures.uniqueSlug("monitorscherm");
        Map<String, Object> definition = aDefinition(slug);
        @SuppressWarnings("unchecked")
        List<Object> questions = new ArrayList<>((List<Object>) definition.get("questions"));
        questions.add(Map.of(
                "id",
                "regio",
                "number",
                30,
                "type",
                "choice",
                "label",
                nl("Regio"),
                "options",
                List.of(option("twente", "Twente"), option("utrecht", "Utrecht"))));
        definition.put("questions", questions);
        asAdmin()
                .contentType(ContentType.JSON)
                .body(definition)
                .put("/api/storypoints/" + slug)
                .then()
                .statusCode(201);
        Random random = new Random(5);
        StringBuilder csv =
                new StringBuilder("id,submitted_at,role,channel,language,title,text,gevolg,gehoord,regio\r\n");
        int id = 0;
        for (int quarter = 0; quarter < 8; quarter++) {
            int year = 2024 + quarter / 4;
            int month = (quarter % 4) * 3 + 1;
            for (String region : List.of("twente", "utrecht")) {
                // Twente's third quarter has 3 stories: too few for a figure
                int n = region.equals("twente") && quarter == 2 ? 3 : 20 + random.nextInt(20);
                for (int i = 0; i < n; i++) {
                    int heard = Math.min(100, random.nextInt(80) + (region.equals("twente") ? quarter * 4 : 0));
                    csv.append(String.format(
                            "m%d,%d-%02d-%02dT12:00:00Z,ouder,online,nl,,Dit is een verhaal over de jeugdhulp hier.,"
                                    + "positief,%d,%s\r\n",
                            ++id, year, month + random.nextInt(3), 1 + random.nextInt(28), heard, region));
                }
            }
        }
        asAdmin()
                .contentType("text/csv")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/storypoints/" + slug + "/stories/import")
                .then()
                .statusCode(200);
        return slug;
    }

    @Test
    void shouldShowAnIndicatorOverTimeAsAChartWithItsBandAndTheSameNumbersInATable() {
        String slug = storyPoint();
        signInAsAdmin();
        openPage("/" + slug + "/monitoring", "Monitoren door de tijd");
        browser.checkScreenStrictly("werkplek-monitor-form");
        WorkspaceAccessibilityTest.assertNoInternals("monitor form");

        new Select(browser.find("#monitor-kind")).selectByValue("share-at-least");
        new Select(browser.find("#monitor-question")).selectByValue("gehoord");
        WebElement threshold = browser.find("#monitor-threshold");
        threshold.clear();
        threshold.sendKeys("70");
        new Select(browser.find("#monitor-compare")).selectByValue("regio");
        new Select(browser.find("#monitor-compare-option")).selectByValue("twente");
        browser.click("Toon de grafiek");
        waitForText("#monitor-heading", "Aandeel verhalen met 70 of hoger bij ‘12. Gehoord voelen’");

        WebElement svg = browser.find(".monitor-chart svg");
        assertThat(svg.getAttribute("role")).isEqualTo("img");
        assertThat(browser.findAll(".monitor-chart polygon")).isNotEmpty();
        assertThat(browser.findAll(".monitor-legend li"))
                .extracting(WebElement::getText)
                .containsExactly("Twente", "De andere verhalen");
        List<WebElement> rows = browser.findAll(".monitor-table tbody tr");
        assertThat(rows).hasSize(16);
        // 2024 K3 in Twente: 3 stories, shown as "<5" without a figure
        assertThat(rows.get(4).getText()).contains("2024 K3", "Twente", "<5", "te weinig verhalen");
        assertThat(rows.get(0).getText()).matches("(?s).*2024 K1.*Twente.*\\d+%.*\\d+% – \\d+%.*");
        browser.checkScreenStrictly("werkplek-monitor-chart");
        WorkspaceAccessibilityTest.assertNoInternals("monitor chart");

        // the median per month, without comparing: 24 months
        new Select(browser.find("#monitor-kind")).selectByValue("median");
        new Select(browser.find("#monitor-interval")).selectByValue("month");
        new Select(browser.find("#monitor-compare")).selectByValue("");
        browser.click("Toon de grafiek");
        waitForText("#monitor-heading", "Middelste waarde (mediaan)");
        assertThat(browser.findAll(".monitor-table tbody tr")).hasSize(24);
        assertThat(browser.driver().findElements(By.cssSelector(".monitor-legend li")))
                .extracting(WebElement::getText)
                .containsExactly("Alle verhalen");
        browser.checkScreenStrictly("werkplek-monitor-median-months");
    }

    @Test
    void shouldPutTheChartOnACardThatShowsItAndLetsItBeTakenOff() throws Exception {
        Planted planted = Planted.overTime("monitorkaart", 240, 29, "2024-01-02T10:00:00Z", "2025-06-28T10:00:00Z");
        String card =
                planted.draftCards(List.of(Planted.EIGHT_CARD_PATTERNS.get(0))).get(0);
        String slug = planted.slug();
        signInAsAdmin();
        openPage("/" + slug + "/monitoring", "Monitoren door de tijd");
        new Select(browser.find("#monitor-kind")).selectByValue("share-at-least");
        new Select(browser.find("#monitor-question")).selectByValue("gehoord");
        new Select(browser.find("#monitor-compare")).selectByValue("regio");
        new Select(browser.find("#monitor-compare-option")).selectByValue("noord");
        browser.click("Toon de grafiek");
        waitForText("#monitor-heading", "Aandeel verhalen met 70 of hoger");
        waiting()
                .until(d ->
                        !new Select(browser.find("#monitor-card")).getOptions().isEmpty());
        assertThat(new Select(browser.find("#monitor-card"))
                        .getFirstSelectedOption()
                        .getText())
                .startsWith("Kaart ");
        browser.click("Zet op de kaart");
        waitForText("#monitor-card-status", "De grafiek staat nu op kaart");
        browser.checkScreenStrictly("werkplek-monitor-op-kaart");
        WorkspaceAccessibilityTest.assertNoInternals("monitor put on a card");

        browser.find("#monitor-card-link").click();
        waitForText("#trend-heading", "Door de tijd");
        waitForText("#card-trend-scope", "per kwartaal: noord naast de andere verhalen");
        assertThat(browser.findAll("#card-trend .monitor-chart svg")).hasSize(1);
        assertThat(browser.findAll("#card-trend .monitor-table tbody tr")).hasSize(12);
        assertThat(browser.find("#card-meta").getText()).startsWith("Versie 2");
        browser.checkScreenStrictly("werkplek-kaart-trend");
        WorkspaceAccessibilityTest.assertNoInternals("card with a trend");

        // the printed deck has it too
        String html = new String(planted.deck(card, "deck.html"), StandardCharsets.UTF_8);
        assertThat(html).contains(">Door de tijd</h2>").contains("2024 K1").contains("2025 K2");
        browser.open(base + "api/storypoints/" + slug + "/cards/deck.html?card=" + card);
        browser.screenshot("werkplek-kaart-trend-deck");

        browser.open(workspace("/" + slug + "/kaarten/" + card));
        waitForText("#trend-heading", "Door de tijd");
        browser.click("Haal de grafiek van de kaart");
        waitForText("#card-trend-status", "van de kaart gehaald (versie 3)");
        assertThat(browser.findAll("#card-trend .monitor-chart svg")).isEmpty();
        assertThat(browser.find("#card-meta").getText()).startsWith("Versie 3");
    }
}
