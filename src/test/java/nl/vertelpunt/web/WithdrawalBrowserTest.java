package nl.vertelpunt.web;

import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.publishedStoryPoint;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import nl.vertelpunt.testing.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The storyteller's receipt code and the withdrawal page, through the public pages only: share a story, read
 * the code on the thank-you page (kept in this tab's sessionStorage only, until the storyteller says they saved
 * it), withdraw the story with it. Each screen is checked at 320, 375, 768 and 1280 px (layout, axe-core, plain
 * words) and photographed at 375 and 1280 px.
 */
@QuarkusTest
class WithdrawalBrowserTest extends BrowserTest {

    private void check(String screen) {
        browser.checkScreenStrictly("withdraw-" + screen);
        StorytellerBrowserTest.assertPlainWords(browser, screen);
    }

    /** What the pages keep: localStorage, this tab's sessionStorage and the cookies, as one text. */
    private static String stored(String kind) {
        return (String) browser.script(
                kind.equals("session")
                        ? "return JSON.stringify(sessionStorage);"
                        : "return JSON.stringify(localStorage) + document.cookie;");
    }

    private static void waitForText(String css, String text) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    @Test
    void shouldWithdrawAStoryWithItsReceiptCode() {
        String slug = publishedStoryPoint("intrekken");
        shareAStoryAsAParent(slug);

        String code = browser.find("#receipt-code").getText();
        assertThat(code).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(browser.find(".receipt").getText()).contains("Met deze code kun je je verhaal later intrekken.");
        String id = asAdmin()
                .contentType("application/json")
                .body("{}")
                .post("/api/storypoints/" + slug + "/stories/search")
                .then()
                .statusCode(200)
                .extract()
                .path("stories[0].id");
        check("thanks-with-code");
        // only this tab keeps it, until the storyteller has saved it: never localStorage, never a cookie
        assertThat(stored("local")).doesNotContain(code).doesNotContain(code.replace("-", ""));
        assertThat(stored("session")).contains(code);

        browser.click("Zo trek je je verhaal in");
        browser.waitForHeading("Je verhaal intrekken");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/v/" + slug + "/intrekken");
        assertThat(browser.driver().getWindowHandles())
                .as("opened in the same tab")
                .hasSize(1);
        assertThat(stored("local") + browser.script("return JSON.stringify(history.state);"))
                .doesNotContain(code);
        check("enter-code");

        // a wrong code: told in plain words, the field marked
        browser.find("#receipt-input").sendKeys("AAAA-BBBB-CCCC-DDDD", Keys.ENTER);
        browser.waitFor(By.xpath("//button[normalize-space()='Ja, trek mijn verhaal in']"))
                .click();
        waitForText("#receipt-error", "Deze code kennen we niet");
        assertThat(browser.find("#receipt-input").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.focused().getAttribute("id")).isEqualTo("receipt-input");
        check("wrong-code");
        asAdmin().get("/api/storypoints/" + slug + "/stories/" + id).then().statusCode(200);

        // the page offers the code this tab keeps
        browser.click("Vul die code in");
        assertThat(browser.find("#receipt-input").getAttribute("value")).isEqualTo(code);
        assertThat(browser.focused().getAttribute("id")).isEqualTo("receipt-input");
        browser.find("#receipt-input").clear();
        browser.find("#receipt-input").sendKeys(code.toLowerCase(), Keys.ENTER);
        browser.waitFor(By.xpath("//button[normalize-space()='Ja, trek mijn verhaal in']"));
        check("confirm");
        browser.click("Ja, trek mijn verhaal in");
        browser.waitForHeading("Je verhaal is ingetrokken");
        check("done");
        asAdmin().get("/api/storypoints/" + slug + "/stories/" + id).then().statusCode(404);
        assertThat(stored("session"))
                .as("the code of a withdrawn story is forgotten")
                .doesNotContain(code);
    }

    @Test
    void shouldKeepTheCodeAcrossTheWithdrawalPageUntilTheStorytellerHasSavedIt() {
        String slug = publishedStoryPoint("bewaard");
        shareAStoryAsAParent(slug);
        String code = browser.find("#receipt-code").getText();

        // "Zo trek je je verhaal in" and Back: the thank-you page again, with the code
        browser.click("Zo trek je je verhaal in");
        browser.waitForHeading("Je verhaal intrekken");
        browser.driver().navigate().back();
        browser.waitForHeading("Dank je wel!");
        assertThat(browser.find("#receipt-code").getText()).isEqualTo(code);
        // and a reload
        browser.driver().navigate().refresh();
        browser.waitForHeading("Dank je wel!");
        assertThat(browser.find("#receipt-code").getText()).isEqualTo(code);

        // the ways to save it: a small text file with the code and where to use it, and copying
        String href = browser.find(".receipt a[download]").getAttribute("href");
        assertThat(href).startsWith("data:text/plain;charset=utf-8,");
        String file =
                URLDecoder.decode(href.substring(href.indexOf(',') + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
        assertThat(file).contains(code).contains("/v/" + slug + "/intrekken");
        assertThat(browser.find(".receipt a[download]").getAttribute("download"))
                .isEqualTo("vertelpunt-code.txt");
        browser.click("Kopieer de code");
        WebElement status = browser.waitFor(
                By.xpath("//section[contains(@class,'receipt')]//p[@role='status' and normalize-space()!='']"));
        if (status.getText().equals("De code is gekopieerd.")) {
            assertThat(browser.driver()
                            .executeAsyncScript("const done = arguments[arguments.length - 1];"
                                    + "navigator.clipboard.readText().then(done, () => done(null));"))
                    .isIn(code, null);
        } else {
            // no clipboard in this browser: the code is selected for copying by hand
            assertThat(status.getText()).startsWith("Kopiëren lukte niet.");
            assertThat(browser.script("return getSelection().toString();")).isEqualTo(code);
        }

        // another story first: the welcome page still shows the code that is not saved yet
        browser.click("Deel nog een ervaring");
        browser.waitForHeading("Vertel over de jeugdhulp");
        assertThat(browser.find(".receipt").getText()).contains(code);
        browser.driver().navigate().back();
        browser.waitForHeading("Dank je wel!");

        browser.click("Ik heb mijn code bewaard");
        assertThat(browser.waitFor(By.cssSelector(".receipt-forgotten")).getText())
                .isEqualTo(
                        "Je code is van dit apparaat gewist. Met de code die je hebt bewaard, kun je je verhaal later nog intrekken.");
        assertThat(browser.focused().getAttribute("class")).isEqualTo("receipt-forgotten");
        assertThat(stored("session") + stored("local")).doesNotContain(code);
        assertThat(browser.find("main").getText()).doesNotContain(code);
        browser.driver().navigate().refresh();
        browser.waitForHeading("Dank je wel!");
        assertThat(browser.find("main").getText()).doesNotContain(code);
        browser.click("Zo trek je je verhaal in");
        browser.waitForHeading("Je verhaal intrekken");
        assertThat(browser.findAll("#kept-code")).isEmpty();
    }

    @Test
    void shouldSayPlainlyWhenThereWereTooManyAttempts() {
        String slug = publishedStoryPoint("te-vaak");
        browser.width(1280);
        browser.open(base + "v/" + slug + "/intrekken");
        browser.waitForHeading("Je verhaal intrekken");
        browser.find("#receipt-input").sendKeys("ZZZZ-ZZZZ-ZZZZ-ZZZZ", Keys.ENTER);
        browser.waitFor(By.xpath("//button[normalize-space()='Ja, trek mijn verhaal in']"));
        // the limit is 5 attempts per address in the window (2 s in tests): use them up just before confirming
        for (int i = 0; i < 5; i++) {
            RestAssured.given()
                    .contentType("application/json")
                    .body("{\"receiptCode\": \"ZZZZ-ZZZZ-ZZZZ-ZZZ" + i + "\"}")
                    .post("/api/storypoints/" + slug + "/withdrawals");
        }
        browser.click("Ja, trek mijn verhaal in");
        waitForText("#receipt-error", "Je hebt het te vaak geprobeerd. Probeer het over een minuut opnieuw.");
    }
}
