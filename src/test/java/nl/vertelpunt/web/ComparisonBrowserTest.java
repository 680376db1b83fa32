package nl.vertelpunt.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import nl.vertelpunt.testing.Fixtures;
import nl.vertelpunt.testing.WorkspaceTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The comparison screens in Chromium, as a facilitator meets them: from the evaluations page a region is set against
 * the rest, the comparison is watched until done, and its patterns are read grouped by verdict in plain words, with
 * their strength here and elsewhere on one scale and the numbers behind a disclosure. axe-core finds nothing and
 * nothing is clipped or sticks out from 320 to 1280 px (screenshots werkplek-vergelijk-*.png). A card made from a
 * compared pattern opens in the card editor with what the comparison found, and prints.
 */
@QuarkusTest
class ComparisonBrowserTest extends WorkspaceTest {

    @Test
    void shouldStartWatchAndReadARegionAgainstTheRest() throws Exception {
        patternedStoryPoint();
        signInAsAdmin();
        openPage("/" + patterned + "/evaluaties", "Patroonevaluaties");
        browser.find("#to-comparisons").click();
        browser.waitForHeading("Vergelijken");
        browser.checkScreenStrictly("werkplek-vergelijk-01-start");
        WorkspaceAccessibilityTest.assertNoInternals("comparison form");

        // nothing chosen yet: said in words, nothing started
        browser.find("#start-comparison").click();
        waitForText("#comparison-error", "Kies eerst een vraag");

        new Select(browser.find("#part-variable")).selectByValue("regio");
        browser.find("#part-options input[value='noord']").click();
        browser.find("#start-comparison").click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(180))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("comparison-status"), "Klaar:"));
        assertThat(browser.find("#side-here").getText()).containsIgnoringCase("noord");
        assertThat(browser.find("#side-elsewhere").getText()).isEqualTo("alle andere verhalen");

        // the planted pattern of gehoord and gevolg holds in every region: here and elsewhere
        WebElement shared = browser.find("#verdict-shared");
        assertThat(shared.findElement(By.tagName("h2")).getText()).startsWith("Geldt hier en elders");
        WebElement pattern =
                shared.findElement(By.cssSelector("article[data-pattern='slider_by_choice|gehoord|gevolg']"));
        // strength here and elsewhere: a dot and its interval each, and the same in words
        WebElement strength = pattern.findElement(By.cssSelector(".cmp-figure"));
        assertThat(strength.getText()).contains("Hier", "Elders", "waarschijnlijk tussen", "sterk");
        assertThat(strength.findElements(By.cssSelector(".cmp-dot"))).hasSize(2);
        assertThat(strength.findElements(By.cssSelector(".cmp-interval"))).hasSize(2);
        // where each group put the slider, here and elsewhere
        assertThat(pattern.getText()).contains("Waar elke groep bij", "gemiddeld");
        // the numbers stay behind their disclosure until asked for
        WebElement numbers = pattern.findElement(By.cssSelector("details.numbers"));
        assertThat(numbers.getAttribute("open")).isNull();
        assertThat(pattern.getText()).doesNotContain("p =").doesNotContain("Benjamini");
        List<WebElement> summary = browser.findAll("#verdict-summary li");
        assertThat(summary).extracting(WebElement::getText).anyMatch(t -> t.startsWith("Geldt hier en elders: "));
        browser.checkScreenStrictly("werkplek-vergelijk-02-uitkomst");
        WorkspaceAccessibilityTest.assertNoInternals("comparison result");
        numbers.findElement(By.tagName("summary")).click();
        assertThat(numbers.getText()).contains("95%-interval", "Toets of het verschil toeval is");

        // a card of the pattern as it is here: its drafted observation starts with what the comparison found
        pattern.findElement(By.cssSelector("button.make-comparison-card")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(180))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("card-observation")));
        String observation = browser.find("#card-observation").getAttribute("value");
        assertThat(observation).startsWith("In ").contains("net zo sterk als bij alle andere verhalen.");
        String card = browser.driver().getCurrentUrl().replaceAll(".*/kaarten/", "");
        // and it prints, with that observation
        byte[] pdf = Fixtures.asAdmin()
                .queryParam("card", card)
                .get("/api/storypoints/" + patterned + "/cards/deck.pdf")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("net zo sterk als bij alle andere verhalen.");
        }

        // the comparison is listed with what it compared
        openPage("/" + patterned + "/vergelijkingen", "Vergelijken");
        assertThat(browser.find(".comparison-list").getText())
                .containsIgnoringCase("noord")
                .contains("alle andere verhalen");
    }
}
