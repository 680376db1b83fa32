package nl.vertelpunt.web;

import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.publishedStoryPoint;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.List;
import nl.vertelpunt.testing.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The storyteller's receipt code and the withdrawal page, through the public pages only: share a story,
 * read the code on the thank-you page (shown once, never stored in the browser), withdraw the story with
 * it. Each screen is checked with axe-core and photographed at 375 and 1280 px.
 */
@QuarkusTest
class WithdrawalBrowserTest extends BrowserTest {

    private void check(String screen) {
        for (int width : List.of(320, 375, 1280)) {
            browser.width(width);
            long overflow = browser.sidewaysOverflow();
            assertThat(overflow).as(screen + " fits " + width + " px").isLessThanOrEqualTo(0L);
            if (width != 320) {
                browser.assertAccessible(screen + " at " + width + " px");
                browser.screenshot("withdraw-" + screen + "-" + width);
            }
        }
        browser.width(1280);
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
        assertThat(browser.find(".receipt").getText())
                .contains("Bewaar deze code: hiermee kun je je verhaal later intrekken.");
        String id = asAdmin()
                .contentType("application/json")
                .body("{}")
                .post("/api/storypoints/" + slug + "/stories/search")
                .then()
                .statusCode(200)
                .extract()
                .path("stories[0].id");
        check("thanks-with-code");
        assertThat((String) browser.script(
                        "return JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie;"))
                .doesNotContain(code)
                .doesNotContain(code.replace("-", ""));

        browser.click("Zo trek je je verhaal in");
        browser.waitForHeading("Je verhaal intrekken");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/v/" + slug + "/intrekken");
        assertThat(
                        (String)
                                browser.script(
                                        "return JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + JSON.stringify(history.state);"))
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

        browser.find("#receipt-input").clear();
        browser.find("#receipt-input").sendKeys(code.toLowerCase(), Keys.ENTER);
        browser.waitFor(By.xpath("//button[normalize-space()='Ja, trek mijn verhaal in']"));
        check("confirm");
        browser.click("Ja, trek mijn verhaal in");
        browser.waitForHeading("Je verhaal is ingetrokken");
        check("done");
        asAdmin().get("/api/storypoints/" + slug + "/stories/" + id).then().statusCode(404);
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
