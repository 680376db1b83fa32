package nl.vertelpunt.web;

import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import nl.vertelpunt.keyword.PlantedWords;
import nl.vertelpunt.testing.Planted;
import nl.vertelpunt.testing.WorkspaceTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The words of the stories on a pattern page: for the pattern 'gehoord' by region, the section "Woorden die opvallen
 * in de verhalen van Twente" lists the planted word, a click on it opens the story browser with that word searched in
 * Twente's stories, and every story found holds it. axe-core finds nothing, and nothing is clipped, at 320 to 1280 px
 * (screenshots {@code werkplek-pattern-words-375.png} and {@code -1280.png}).
 */
@QuarkusTest
class KeywordBrowserTest extends WorkspaceTest {

    @Test
    void shouldShowTheWordsOfAGroupAndOpenTheStoriesThatHoldOne() throws Exception {
        PlantedWords stories = new PlantedWords().groups(41, 120, 160, "wachtlijst", 0.5, 0.05);
        String slug = PlantedWords.storyPoint(5, stories);
        String run = Planted.evaluate(slug);
        List<Map<String, Object>> patterns = asAdmin()
                .get("/api/evaluations/" + run)
                .then()
                .statusCode(200)
                .extract()
                .path("result.patterns");
        Object rank = patterns.stream()
                .filter(p -> p.get("kind").equals("slider_by_choice")
                        && p.get("questions").equals(List.of("gehoord", "regio")))
                .findFirst()
                .orElseThrow()
                .get("rank");

        signInAsAdmin();
        browser.open(workspace("/" + slug + "/evaluaties/" + run + "/patronen/" + rank));
        waitForText("#words-heading", "Woorden die opvallen in de verhalen van Twente");
        WebElement link = waiting()
                .until(d -> d.findElements(By.cssSelector(".word-link")).stream()
                        .filter(e -> e.getText().equals("wachtlijst"))
                        .findFirst()
                        .orElse(null));
        assertThat(browser.find("#words-more").getText()).isEqualTo("Vaker in deze verhalen");
        browser.checkScreenStrictly("werkplek-pattern-words");
        WorkspaceAccessibilityTest.assertNoInternals("pattern words");

        link = browser.find(".word-link");
        assertThat(link.getText()).isEqualTo("wachtlijst");
        link.click();
        waiting()
                .until(d -> d.getCurrentUrl().contains("/verhalen")
                        && d.getCurrentUrl().contains("q=wachtlijst"));
        // the story browser shows exactly Twente's stories that hold the word
        int twente = stories.uses.get("wachtlijst")[0];
        waitForText("#results", twente + " verhalen gevonden");
        assertThat(browser.findAll(".story-list > li")).hasSize(Math.min(20, twente));
        assertThat(browser.find("#story-search").getAttribute("value")).isEqualTo("wachtlijst");
        browser.checkScreen("werkplek-word-stories");
    }
}
