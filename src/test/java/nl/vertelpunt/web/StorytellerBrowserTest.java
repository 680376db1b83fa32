package nl.vertelpunt.web;

import static nl.vertelpunt.testing.Fixtures.publishedSample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import nl.vertelpunt.storypoint.SampleStoryPoints;
import nl.vertelpunt.testing.Browser;
import nl.vertelpunt.testing.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The national sample form as a fifteen-year-old meets it on a phone: questions in their own words, numbered
 * without gaps; nothing on the page moves by itself (Cumulative Layout Shift 0); every new screen starts at its
 * heading; a slider follows a drag; "Wijzig" on the review comes back to the review; the crisis numbers are
 * whole; and no statistics, ids or JSON in what storytellers read.
 */
@QuarkusTest
class StorytellerBrowserTest extends BrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Statistics, ids and JSON that have no place in what a storyteller reads. */
    private static final List<Pattern> JARGON = List.of(
            Pattern.compile("\\b[pq]\\s*[=<>≤]"),
            Pattern.compile(
                    "Kruskal|Mann[-–]?Whitney|\\bMann\\b|Spearman|ρ|ε²|kurtosis|scheefheid", Pattern.CASE_INSENSITIVE),
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", Pattern.CASE_INSENSITIVE),
            Pattern.compile("[{\\[]\\s*\"|\"\\s*:\\s*[\"{\\[\\d]|\\bnull\\b|\\bundefined\\b|\\bNaN\\b|\\[object"));

    /** Fails when the visible text of the page has statistical jargon, a UUID or JSON in it. */
    static void assertPlainWords(Browser browser, String screen) {
        String text = (String) browser.script("return document.body.innerText;");
        for (Pattern p : JARGON) {
            assertThat(p.matcher(text).find())
                    .as(screen + " shows no " + p.pattern() + " in: " + text)
                    .isFalse();
        }
    }

    private static JsonNode sample() throws Exception {
        // as published: with the questions of the core module written out
        return SampleStoryPoints.expanded("voordejeugd.json", JSON);
    }

    /** The sample's question as a role reads it. */
    private static String wording(JsonNode question, String role) {
        return question.path("labelByRole")
                .path(role)
                .path("nl")
                .asText(question.get("label").get("nl").asText());
    }

    private String openSample() {
        String slug = publishedSample("verteller");
        browser.width(375);
        browser.open(base + "v/" + slug);
        browser.waitForHeading("Vertel hoe jij de jeugdhulp beleeft");
        browser.script("localStorage.clear(); sessionStorage.clear();");
        browser.open(base + "v/" + slug);
        browser.waitForHeading("Vertel hoe jij de jeugdhulp beleeft");
        return slug;
    }

    private void writeStory(String text) {
        browser.waitForHeading("Jouw ervaring");
        browser.find("#story-text").sendKeys(text);
        browser.click("Verder");
        browser.waitForHeading("Vragen over jouw ervaring");
    }

    /** The read-out under a slider, as it is shown (not the unseen texts that keep its room). */
    private static String readout(String question) {
        return browser.find("#q-" + question + " .slider-readout:not(.ghost)").getText();
    }

    /** Goes on with "Verder" until the page with this question's input (its page depends on the sample's order). */
    private static WebElement untilQuestion(String id) {
        for (int page = 0; page < 8; page++) {
            List<WebElement> found = browser.driver().findElements(By.id("q-" + id + "-input"));
            if (!found.isEmpty() && found.get(0).isDisplayed()) {
                return found.get(0);
            }
            browser.click("Verder");
            pause(300);
        }
        throw new AssertionError("no page with question " + id);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The check of plain words itself: it fails on each kind of jargon shown on a page, and only on shown text. */
    @Test
    void shouldFailThePlainWordsCheckWhenJargonIsShown() {
        openSample();
        assertPlainWords(browser, "welcome");
        for (String jargon : List.of(
                "p = 0,03",
                "q < 0.05",
                "Kruskal–Wallis",
                "Mann-Whitney U",
                "Spearman",
                "ρ = 0,41",
                "ε² = 0,12",
                "kurtosis 3,1",
                "scheefheid 0,4",
                "3f2b8c1e-9d4a-4b7e-8f00-1a2b3c4d5e6f",
                "{\"role\":\"jongere\"}")) {
            browser.script(
                    "const p = document.createElement('p'); p.id = 'jargon'; p.textContent = arguments[0];"
                            + " document.querySelector('main').append(p);",
                    jargon);
            assertThatThrownBy(() -> assertPlainWords(browser, "welcome with " + jargon))
                    .as(jargon)
                    .isInstanceOf(AssertionError.class);
            browser.script("document.getElementById('jargon').hidden = true;");
            assertPlainWords(browser, "welcome with hidden " + jargon);
            browser.script("document.getElementById('jargon').remove();");
        }
    }

    @Test
    void shouldSpeakToAYoungPersonInTheirOwnWordsNumberedWithoutGaps() throws Exception {
        openSample();
        assertThat(browser.findAll("button.role").stream().map(WebElement::getText))
                .containsExactly("Ik ben een kind of jongere", "Ik ben ouder of verzorger", "Ik ben professional");
        browser.find("button[data-role='jongere']").click();
        writeStory("Ik moest heel lang wachten voor ik iemand kreeg die naar mij luisterde.");

        List<String> expected = new ArrayList<>();
        for (JsonNode q : sample().get("questions")) {
            if (!q.has("roles") || q.get("roles").toString().contains("\"jongere\"")) {
                expected.add(expected.size() + 1 + ". " + wording(q, "jongere"));
            }
        }
        List<String> seen = new ArrayList<>();
        while (true) {
            browser.findAll("fieldset.question legend").forEach(legend -> seen.add(legend.getText()));
            String next = browser.find("button.next").getText();
            browser.click(next);
            if (!next.equals("Verder")) {
                break;
            }
            browser.waitFor(By.cssSelector("fieldset.question"));
        }
        assertThat(seen).isEqualTo(expected);
        assertThat(seen).contains("6. Kreeg jij de hulp die je nodig had?", "12. Hoe oud was je toen dit gebeurde?");
        browser.waitForHeading("Klopt alles?");
        assertThat(browser.findAll(".review-answers dt").stream().map(WebElement::getText))
                .isEqualTo(expected);
    }

    @Test
    void shouldNeverDoubleAWordInTheSliderReadOut() {
        openSample();
        browser.find("button[data-role='ouder']").click();
        writeStory("We kregen de hulp die ons kind nodig had, maar pas na een jaar wachten.");
        WebElement fits = untilQuestion("juiste-hulp");
        fits.sendKeys(Keys.END);
        assertThat(readout("juiste-hulp")).isEqualTo("100 – helemaal wel");
        assertThat(browser.find("#q-juiste-hulp-input").getAttribute("aria-valuetext"))
                .isEqualTo("100 van 100, helemaal wel");
        browser.find("#q-juiste-hulp-input").sendKeys(Keys.ARROW_LEFT);
        assertThat(readout("juiste-hulp")).isEqualTo("99 – dicht bij helemaal wel");
    }

    @Test
    void shouldMoveNothingByItselfOnAnyScreen() {
        openSample();
        browser.recordLayoutShifts();
        browser.find("button[data-role='jongere']").click();
        browser.waitForHeading("Jouw ervaring");
        // a short story: the gentle hint comes a moment later, and must push nothing down
        browser.find("#story-text").sendKeys("Kort verhaal.");
        browser.waitFor(By.xpath("//p[@id='story-short' and normalize-space()!='']"));
        pause(1000);
        assertThat(browser.layoutShift())
                .as("layout shift after typing a short story")
                .isZero();
        browser.find("#story-text").sendKeys(" Ze luisterden pas naar mij toen mijn moeder boos werd.");
        browser.click("Verder");
        int page = 1;
        while (true) {
            browser.waitForHeading("Vragen over jouw ervaring");
            pause(1000);
            assertThat(browser.layoutShift())
                    .as("layout shift on question page " + page)
                    .isZero();
            // answer what is there, in the ways people do: a tap on a choice, keys on a slider, a tap in the triangle
            browser.findAll(".question-choice input[type='radio']").stream()
                    .findFirst()
                    .ifPresent(WebElement::click);
            browser.findAll(".question-multichoice input[type='checkbox']").stream()
                    .findFirst()
                    .ifPresent(WebElement::click);
            browser.findAll(".slider-input").forEach(s -> s.sendKeys(Keys.END));
            browser.findAll(".triad-surface")
                    .forEach(s -> new Actions(browser.driver())
                            .moveToElement(s)
                            .click()
                            .perform());
            pause(1000);
            assertThat(browser.layoutShift())
                    .as("layout shift after answering page " + page)
                    .isZero();
            String next = browser.find("button.next").getText();
            browser.click(next);
            if (!next.equals("Verder")) {
                break;
            }
            page++;
        }
        browser.waitForHeading("Klopt alles?");
        pause(1000);
        browser.click("Verstuur mijn verhaal");
        browser.waitForHeading("Dank je wel!");
        browser.click("Kopieer de code");
        browser.waitFor(By.xpath("//p[@role='status' and normalize-space()!='']"));
        pause(1000);
        assertThat(browser.layoutShift())
                .as("layout shift up to the thank-you page")
                .isZero();
    }

    @Test
    void shouldStartEveryNewScreenAtItsHeadingWithTheFocusThere() {
        openSample();
        // a short window, so that every screen is taller than it
        browser.driver().manage().window().setSize(new Dimension(375, 480));
        browser.find("button[data-role='ouder']").click();
        browser.waitForHeading("Jouw ervaring");
        browser.find("#story-text").sendKeys("Mijn zoon kreeg eindelijk een vaste begeleider op school en thuis.");
        for (String heading :
                List.of("Vragen over jouw ervaring", "Vragen over jouw ervaring", "Vragen over jouw ervaring")) {
            WebElement next = browser.find("button.next");
            browser.script("arguments[0].scrollIntoView({block: 'end'});", next);
            assertThat((Long) browser.script("return Math.round(window.scrollY);"))
                    .isPositive();
            next.click();
            browser.waitForHeading(heading);
            assertThat((Long) browser.script("return Math.round(window.scrollY);"))
                    .as("the new screen starts at the top")
                    .isZero();
            assertThat(browser.focused().getTagName()).isEqualTo("h1");
            assertThat(browser.focused().getText()).isEqualTo(heading);
        }
    }

    @Test
    void shouldFollowTheMouseWhenAnUntouchedSliderIsDragged() {
        openSample();
        browser.width(1280);
        browser.find("button[data-role='ouder']").click();
        writeStory("Het duurde lang, maar de hulp thuis maakte echt verschil voor ons.");
        WebElement slider = untilQuestion("juiste-hulp");
        browser.script("arguments[0].scrollIntoView({block: 'center'});", slider);
        assertThat(browser.find("#q-juiste-hulp .slider").getAttribute("data-state"))
                .isEqualTo("untouched");
        int quarter = slider.getSize().width / 4;
        new Actions(browser.driver())
                .moveToElement(slider, -quarter, 0)
                .clickAndHold()
                .moveByOffset(quarter, 0)
                .moveByOffset(quarter, 0)
                .release()
                .perform();
        assertThat(Integer.parseInt(slider.getAttribute("value")))
                .as("the thumb followed the pointer from a quarter to three quarters")
                .isBetween(65, 85);
        assertThat(browser.find("#q-juiste-hulp .slider").getAttribute("data-state"))
                .isEqualTo("answered");
    }

    @Test
    void shouldComeBackToTheReviewAfterAChange() {
        openSample();
        browser.find("button[data-role='jongere']").click();
        writeStory("Op school merkte niemand hoe slecht het met mij ging, tot mijn mentor het vroeg.");
        while (browser.find("button.next").getText().equals("Verder")) {
            browser.click("Verder");
            browser.waitFor(By.cssSelector("fieldset.question"));
        }
        browser.click("Bekijk en verstuur");
        browser.waitForHeading("Klopt alles?");

        browser.find("button[data-change='op-tijd']").click();
        browser.waitForHeading("Vragen over jouw ervaring");
        assertThat(browser.focused().getAttribute("id")).isEqualTo("q-op-tijd-input");
        browser.focused().sendKeys(Keys.HOME);
        assertThat(browser.find("button.next").getText()).isEqualTo("Bekijk en verstuur");
        browser.click("Bekijk en verstuur");
        browser.waitForHeading("Klopt alles?");
        assertThat(browser.focused().getAttribute("data-change")).isEqualTo("op-tijd");
        assertThat(browser.find(".review-answers").getText()).contains("0 – veel te laat");

        browser.click("Wijzig je verhaal");
        browser.waitForHeading("Jouw ervaring");
        assertThat(browser.focused().getAttribute("id")).isEqualTo("story-text");
        browser.focused().sendKeys(" Nu gaat het beter.");
        browser.click("Bekijk en verstuur");
        browser.waitForHeading("Klopt alles?");
        assertThat(browser.find(".review-text").getText()).endsWith("Nu gaat het beter.");
        browser.click("Verstuur mijn verhaal");
        browser.waitForHeading("Dank je wel!");
    }

    @Test
    void shouldKeepEveryCrisisNumberOnOneLineAndOfferTheLanguageSwitch() {
        openSample();
        for (int width : List.of(320, 375)) {
            browser.width(width);
            List<WebElement> numbers = browser.findAll(".crisis a[href^='tel:']");
            assertThat(numbers.stream().map(WebElement::getText))
                    .containsExactly("0800-0432", "113", "0800-0113", "0800-2000", "112");
            for (WebElement number : numbers) {
                assertThat((Long) browser.script("return arguments[0].getClientRects().length;", number))
                        .as(number.getText() + " on one line at " + width + " px")
                        .isEqualTo(1L);
            }
        }
        browser.click("English");
        browser.waitForHeading("Tell us how you experience youth care");
        assertThat(browser.driver().getCurrentUrl()).endsWith("?lang=en");
        assertThat(browser.findAll("button.role").stream().map(WebElement::getText))
                .containsExactly("I am a child or young person", "I am a parent or carer", "I am a professional");
        assertPlainWords(browser, "welcome in English");
        browser.click("Nederlands");
        browser.waitForHeading("Vertel hoe jij de jeugdhulp beleeft");
    }
}
