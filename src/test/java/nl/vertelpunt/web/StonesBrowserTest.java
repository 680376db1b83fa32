package nl.vertelpunt.web;

import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.publishedStonesStoryPoint;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import nl.vertelpunt.testing.Database;
import nl.vertelpunt.testing.Planted;
import nl.vertelpunt.testing.WorkspaceTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * The stones question in a real browser: answered by keyboard alone (no mouse or touch event) and sent, with the
 * screen checked strictly at 320 to 1280 px; and the field with each group's place on a pattern page.
 */
@QuarkusTest
class StonesBrowserTest extends WorkspaceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    private static String live() {
        return browser.find("#q-steun p[aria-live]").getText();
    }

    @Test
    void shouldBeAnsweredWithTheKeyboardAloneAndSent() throws Exception {
        String slug = publishedStonesStoryPoint("stenen");
        browser.width(375);
        browser.open(base + "v/" + slug);
        browser.waitForHeading("Vertel over de jeugdhulp");
        browser.script("localStorage.clear();");
        browser.open(base + "v/" + slug);
        browser.waitForHeading("Vertel over de jeugdhulp");
        browser.tabTo("button[data-role='ouder']");
        browser.keys(Keys.ENTER);
        browser.waitForHeading("Jouw ervaring");
        browser.tabTo("#story-text");
        browser.keys("Met het toetsenbord zette ik de mensen om ons heen in het veld.");
        browser.tabTo("button.next");
        browser.keys(Keys.ENTER);
        browser.waitForHeading("Vragen over jouw ervaring");
        // on to the page with the stones question
        for (int page = 0; page < 6 && browser.findAll("#q-steun").isEmpty(); page++) {
            browser.tabTo("button.next");
            browser.keys(Keys.ENTER);
            Thread.sleep(300);
        }
        assertThat(browser.findAll("#q-steun")).isNotEmpty();

        // familie: in the field at the middle, then moved with the arrows, Shift and Page Up
        browser.tabTo("#q-steun .stones-place[data-item='familie']");
        browser.keys(Keys.ENTER);
        assertThat(browser.focused().getAttribute("data-item")).isEqualTo("familie");
        assertThat(live()).isEqualTo("Familie: 50 van 100, 50 van 100; in het midden, in het midden");
        browser.keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        new Actions(browser.driver())
                .keyDown(Keys.SHIFT)
                .sendKeys(Keys.ARROW_LEFT)
                .keyUp(Keys.SHIFT)
                .perform();
        browser.keys(Keys.PAGE_UP);
        assertThat(live()).isEqualTo("Familie: 59 van 100, 100 van 100; in het midden, veel hulp");
        browser.keys(Keys.ARROW_RIGHT);
        assertThat(live()).isEqualTo("Familie: 64 van 100, 100 van 100; meer naar dichtbij, veel hulp");
        // school: not applicable
        browser.tabTo("#q-steun-school-na");
        browser.keys(Keys.SPACE);
        // buurt: put in the field and taken out again with Delete
        browser.tabTo("#q-steun .stones-place[data-item='buurt']");
        browser.keys(Keys.ENTER);
        browser.keys(Keys.DELETE);
        assertThat(live()).isEqualTo("Buurt is uit het veld gehaald");
        // wijkteam: with the two sliders instead of the field
        browser.tabTo("#q-steun li[data-item='wijkteam'] summary");
        browser.keys(Keys.ENTER);
        browser.tabTo("#q-steun li[data-item='wijkteam'] input[type='range']");
        browser.keys(Keys.HOME);
        browser.keys(Keys.TAB, Keys.END);
        assertThat(live()).isEqualTo("Wijkteam: 0 van 100, 100 van 100; ver weg, veel hulp");
        assertThat(browser.find("#q-steun li[data-item='wijkteam'] .stones-status")
                        .getText())
                .isEqualTo("ver weg, veel hulp");
        browser.checkScreenStrictly("form-stones");

        browser.tabTo("button.next");
        browser.keys(Keys.ENTER);
        browser.waitForHeading("Klopt alles?");
        assertThat(browser.find("main").getText())
                .contains("Familie: meer naar dichtbij, veel hulp; School: Weet ik niet / niet van toepassing; "
                        + "Wijkteam: ver weg, veel hulp");
        browser.tabTo("button.next");
        browser.keys(Keys.ENTER);
        browser.waitForHeading("Dank je wel!");

        assertThat(Database.storyCount(dataSource, slug)).isEqualTo(1);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT s.answers -> 'steun' FROM story s "
                        + "JOIN story_point p ON p.id = s.story_point_id WHERE p.slug = ?")) {
            ps.setString(1, slug);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(JSON.readTree(rs.getString(1)))
                        .isEqualTo(
                                JSON.readTree("{\"familie\": [64, 100], \"school\": \"NA\", \"wijkteam\": [0, 100]}"));
            }
        }
    }

    @Test
    void shouldDrawWhereEachGroupPutTheItemOnThePatternPage() throws Exception {
        String slug = Planted.stonesStoryPoint("stenen-patroon", true, 18, 400);
        String run = Planted.evaluate(slug);
        JsonNode result = JSON.readTree(asAdmin().get("/api/evaluations/" + run).asString())
                .path("result");
        int rank = 0;
        for (JsonNode p : result.path("patterns")) {
            if (p.path("questions").toString().equals("[\"steun:familie:y\",\"gevolg\"]")) {
                rank = p.path("rank").asInt();
            }
        }
        assertThat(rank).isPositive();

        signInAsAdmin();
        openPage(
                "/" + slug + "/evaluaties/" + run + "/patronen/" + rank,
                "3. Wie hielp?: familie (Weinig hulp – Veel hulp) × 1. Gevolg");
        browser.waitFor(By.cssSelector(".stones-chart"));
        assertThat(browser.findAll(".stones-chart circle")).hasSize(3);
        assertThat(browser.find(".stones-block").getText())
                .contains("Waar de groepen familie zetten")
                .contains("↑ Veel hulp")
                .contains("positief");
        waitForCharts();
        browser.checkScreenStrictly("pattern-stones");
    }
}
