package nl.vertelpunt.web;

import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.publishedStoryPoint;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import nl.vertelpunt.testing.BrowserTest;
import nl.vertelpunt.testing.Database;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Typing in paper forms (channel papier) in Chromium, with the keyboard alone: every question on one page,
 * sliders as numbers, triads as three shares, Ctrl+Enter to save; mistakes listed with links to their
 * fields; a clean form for the next one. axe-core at 375 and 1280 px, no sideways scrolling at 320 px
 * (screenshots papier-*.png).
 */
@QuarkusTest
class PaperEntryBrowserTest extends BrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "een-lang-wachtwoord";

    @Inject
    AgroalDataSource dataSource;

    private int shot;

    private static WebDriverWait waiting() {
        return (WebDriverWait) new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class);
    }

    private void check(String screen) {
        shot++;
        for (int width : List.of(320, 375, 1280)) {
            browser.width(width);
            long overflow = browser.sidewaysOverflow();
            assertThat(overflow)
                    .as(screen + " fits " + width + " px without sideways scrolling")
                    .isLessThanOrEqualTo(0L);
            if (width != 320) {
                browser.assertAccessible(screen + " at " + width + " px");
                browser.screenshot(String.format("papier-%02d-%s-%d", shot, screen, width));
            }
        }
        browser.width(1280);
    }

    /** Presses Tab until the focus is on the element with this id. */
    private static void tabTo(String id) {
        browser.tabTo("#" + id);
    }

    private JsonNode stored(String slug) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT json_agg(json_build_object('channel', s.channel, 'role', s.role, "
                                + "'text', s.text, 'title', s.title, 'answers', s.answers, 'gathering', s.gathering, 'submittedAt', s.submitted_at) "
                                + "ORDER BY s.text)::text FROM story s JOIN story_point p ON p.id = s.story_point_id WHERE p.slug = ?")) {
            ps.setString(1, slug);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return JSON.readTree(rs.getString(1));
            }
        }
    }

    @Test
    void shouldTypeInPaperFormsWithTheKeyboardAndStoreThemWithChannelPapier() throws Exception {
        String slug = publishedStoryPoint("papier");
        String user = "papier-" + System.nanoTime();
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "username",
                        user,
                        "password",
                        PASSWORD,
                        "roles",
                        List.of("facilitator"),
                        "storyPoints",
                        List.of(slug)))
                .post("/api/users")
                .then()
                .statusCode(201);
        browser.driver().manage().deleteAllCookies();
        browser.width(1280);
        browser.open(base + "werkplek/" + slug + "/papier");
        browser.waitForHeading("Inloggen om papieren formulieren in te voeren");
        check("sign-in");
        browser.find("#username").sendKeys(user);
        browser.find("#password").sendKeys(PASSWORD, Keys.ENTER);
        browser.waitForHeading("Papieren formulier invoeren");
        String today = LocalDate.now(ZoneId.of("Europe/Amsterdam")).toString();
        assertThat(browser.find("#told-on").getAttribute("value")).isEqualTo(today);
        check("form");

        // a first form, typed with the keyboard only
        tabTo("gathering");
        browser.keys("Wijkteam Noord, papieren formulieren");
        // a group of radio buttons is one Tab stop; the arrows choose within it
        tabTo("role-jongere");
        browser.keys(Keys.ARROW_DOWN);
        assertThat(browser.find("#role-ouder").isSelected()).isTrue();
        tabTo("story-text");
        browser.keys("Op papier: de wachtlijst was lang, maar de huisarts belde elke week even.");
        tabTo("story-title");
        browser.keys("Elke week gebeld");
        tabTo("q-gevolg-zeer-negatief");
        browser.keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        assertThat(browser.find("#q-gevolg-positief").isSelected()).isTrue();
        tabTo("q-gehoord-input");
        browser.keys("85");
        tabTo("q-themas-school");
        browser.keys(Keys.SPACE);
        tabTo("q-balans-0");
        browser.keys("50", Keys.TAB, "30", Keys.TAB, "30");
        // the werkdruk question is only for professionals, so it is not on a parent's form
        assertThat(browser.find("#q-werkdruk").isDisplayed()).isFalse();
        browser.keys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("paper-errors")));
        assertThat(browser.find("#paper-errors").getText())
                .contains("7. Balans: drie hele getallen die samen 100 zijn");
        assertThat(browser.focused().getAttribute("id")).isEqualTo("paper-errors");
        check("form-mistake");
        assertThat(Database.storyCount(dataSource, slug)).isZero();
        browser.find("#paper-errors a").click();
        assertThat(browser.focused().getAttribute("id")).isEqualTo("q-balans-0");
        browser.find("#q-balans-2").clear();
        browser.find("#q-balans-2").sendKeys("20", Keys.chord(Keys.CONTROL, Keys.ENTER));
        waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("paper-status"), "Je hebt nu 1 formulier ingevoerd"));
        // a clean form for the next one; the day and the gathering stay
        assertThat(browser.find("#story-text").getAttribute("value")).isEmpty();
        assertThat(browser.find("#q-gehoord-input").getAttribute("value")).isEmpty();
        assertThat(browser.find("#gathering").getAttribute("value")).isEqualTo("Wijkteam Noord, papieren formulieren");
        assertThat(browser.focused().getAttribute("id")).isEqualTo("role-jongere");

        // a second form, from a young person, that says "don't know" on the slider
        browser.keys(Keys.SPACE);
        tabTo("story-text");
        browser.keys("Ik wist niet bij wie ik terecht kon, tot de jongerenwerker het formulier liet zien.");
        tabTo("q-gehoord-na");
        browser.keys(Keys.SPACE);
        browser.find("#paper-save").click();
        waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("paper-status"), "Je hebt nu 2 formulieren ingevoerd"));
        check("form-saved");

        JsonNode stories = stored(slug);
        assertThat(stories).hasSize(2);
        JsonNode young = stories.get(0);
        JsonNode parent = stories.get(1);
        assertThat(young.get("role").asText()).isEqualTo("jongere");
        assertThat(young.get("answers")).isEqualTo(JSON.readTree("{\"gehoord\": \"NA\"}"));
        assertThat(parent.get("channel").asText()).isEqualTo("papier");
        assertThat(parent.get("role").asText()).isEqualTo("ouder");
        assertThat(parent.get("title").asText()).isEqualTo("Elke week gebeld");
        assertThat(parent.get("gathering").asText()).isEqualTo("Wijkteam Noord, papieren formulieren");
        assertThat(parent.get("submittedAt").asText()).startsWith(today + "T12:00:00");
        assertThat(parent.get("answers"))
                .isEqualTo(
                        JSON.readTree(
                                "{\"gevolg\": \"positief\", \"gehoord\": 85, \"themas\": [\"school\"], \"balans\": [50, 30, 20]}"));
        for (JsonNode story : stories) {
            assertThat(story.get("channel").asText()).isEqualTo("papier");
        }
    }
}
