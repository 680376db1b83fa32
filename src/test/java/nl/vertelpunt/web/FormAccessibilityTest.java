package nl.vertelpunt.web;

import static nl.vertelpunt.testing.Fixtures.publishedSample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import nl.vertelpunt.testing.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;

/**
 * Walks through every screen of the national sample form in Chromium, at 320, 375 (a phone), 768 and 1280 px
 * wide: axe-core must report no WCAG 2.x A/AA violation on any of them, nothing may stick out, overlap or be
 * clipped, and a full-page screenshot of each is saved in target/screenshots at 375 and 1280 px.
 */
@QuarkusTest
class FormAccessibilityTest extends BrowserTest {

    private int shot;

    /**
     * Checks and photographs the current screen at 320, 375, 768 and 1280 px (320 px also covers 200% zoom of a
     * 640 px window): no sideways scrolling, no clipped, overflowing or overlapping text, no axe-core violation, and
     * no statistics, ids or JSON in its words.
     */
    private void check(String screen) {
        shot++;
        browser.checkScreenStrictly(String.format("%02d-%s", shot, screen));
        StorytellerBrowserTest.assertPlainWords(browser, screen);
    }

    @Test
    void shouldReportViolationsWhenAPageHasThem() {
        browser.open("data:text/html,<html><body><img src='x.png'><button></button></body></html>");
        assertThatThrownBy(() -> browser.assertAccessible("a broken page"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("image-alt")
                .hasMessageContaining("button-name");
    }

    @Test
    void shouldHaveNoAccessibilityViolationsOnAnyScreen() {
        String slug = publishedSample("a11y");
        browser.open(base + "v/" + slug);
        browser.waitForHeading("Vertel hoe jij de jeugdhulp beleeft");
        browser.script("localStorage.clear();");
        browser.open(base + "v/" + slug);
        browser.waitForHeading("Vertel hoe jij de jeugdhulp beleeft");
        check("welcome");

        browser.find("button[data-role='jongere']").click();
        browser.waitForHeading("Jouw ervaring");
        browser.click("Verder");
        browser.find("#story-text").sendKeys("Kort verhaal.");
        browser.find("#story-text").sendKeys(Keys.TAB);
        browser.waitFor(By.cssSelector("#story-short"));
        check("story-with-hints");
        browser.find("#story-text")
                .sendKeys(" We wachtten lang, maar toen kwam er een hulpverlener die goed luisterde.");
        browser.find("#story-title").sendKeys("Eindelijk geholpen");
        browser.click("Verder");

        int page = 1;
        while (true) {
            browser.waitForHeading("Vragen over jouw ervaring");
            List<WebElement> sliders = browser.findAll(".slider-input:not([disabled])");
            if (!sliders.isEmpty()) {
                sliders.get(0).sendKeys(Keys.END, Keys.ARROW_LEFT);
            }
            List<WebElement> radios = browser.findAll(".question-choice input[type='radio']");
            if (!radios.isEmpty()) {
                radios.get(radios.size() - 1).click();
            }
            check("questions-" + page);
            boolean lastPage = !browser.driver()
                    .findElements(By.xpath("//button[normalize-space()='Bekijk en verstuur']"))
                    .isEmpty();
            if (lastPage) {
                browser.click("Bekijk en verstuur");
                break;
            }
            browser.click("Verder");
            page++;
        }
        assertThat(page).isEqualTo(6);
        browser.waitForHeading("Klopt alles?");
        check("review");

        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        browser.driver().setNetworkConditions(offline);
        browser.click("Verstuur mijn verhaal");
        browser.waitForHeading("Het versturen is niet gelukt");
        browser.driver().deleteNetworkConditions();
        check("failed");

        browser.click("Probeer opnieuw te versturen");
        browser.waitForHeading("Dank je wel!");
        check("thanks");

        browser.click("Wat is er met de verhalen gedaan?");
        browser.waitForHeading("Wat is er met de verhalen gedaan?");
        browser.waitFor(By.id("outcomes-empty"));
        // the outcomes page has a screen of its own (its own test); here only whether the way there works
        shot++;
        browser.checkScreen(String.format("%02d-about", shot));

        browser.open(base + "v/" + slug + "?lang=en");
        browser.waitForHeading("Tell us how you experience youth care");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
        check("welcome-english");

        browser.open(base + "v/bestaat-niet");
        browser.waitForHeading("Dit vertelpunt bestaat niet");
        check("not-found");
    }
}
