package nl.vertelpunt.testing;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;

/** Base of browser tests: one headless Chromium per test class, and the address of the running service. */
public abstract class BrowserTest {

    protected static Browser browser;

    @TestHTTPResource("/")
    protected URL base;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    /**
     * Shares a short story as a parent through the public form of a story point made by
     * {@link Fixtures#publishedStoryPoint(String)}, from a fresh draft, and waits for the thank-you page.
     */
    protected void shareAStoryAsAParent(String slug) {
        browser.width(1280);
        browser.open(base + "v/" + slug);
        browser.waitForHeading("Vertel over de jeugdhulp");
        browser.script("localStorage.clear();");
        browser.open(base + "v/" + slug);
        browser.waitFor(By.cssSelector("button[data-role='ouder']")).click();
        browser.waitForHeading("Jouw ervaring");
        browser.find("#story-text").sendKeys("We wachtten lang op hulp, maar toen die kwam was het goed geregeld.");
        browser.click("Verder");
        browser.waitForHeading("Vragen over jouw ervaring");
        browser.click("Verder");
        browser.waitFor(By.id("q-tip"));
        browser.click("Bekijk en verstuur");
        browser.waitForHeading("Klopt alles?");
        browser.click("Verstuur mijn verhaal");
        browser.waitForHeading("Dank je wel!");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
