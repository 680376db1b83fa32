package nl.vertelpunt.testing;

import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.vertelpunt.sample.PatternedStories;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of the workspace's browser tests: signing in through the sign-in screen, a story point with
 * generated stories that hold planted patterns, and waiting for charts.
 */
public abstract class WorkspaceTest extends BrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    /** A story point with 1,200 stories of {@link PatternedStories} (five strong patterns), made once. */
    protected static String patterned;

    protected void patternedStoryPoint() throws Exception {
        if (patterned == null) {
            String slug = Fixtures.uniqueSlug("werkplek");
            asAdmin()
                    .contentType(ContentType.JSON)
                    .body(JSON.writeValueAsString(PatternedStories.definition(slug)))
                    .put("/api/storypoints/" + slug)
                    .then()
                    .statusCode(201);
            StringWriter csv = new StringWriter();
            new PatternedStories(true, 21).write(csv, 1200);
            asAdmin()
                    .contentType("text/csv")
                    .body(csv.toString().getBytes(StandardCharsets.UTF_8))
                    .post("/api/storypoints/" + slug + "/stories/import")
                    .then()
                    .statusCode(200)
                    .body("created", equalTo(1200));
            patterned = slug;
        }
    }

    protected String workspace(String path) {
        return base + "werkplek" + path;
    }

    /** Signs in through the sign-in screen and waits for the list of story points. */
    protected void signIn(String username, String password) {
        browser.width(1280);
        browser.open(workspace("/login"));
        browser.waitForHeading("Inloggen op de werkplek");
        browser.find("#username").sendKeys(username);
        browser.find("#password").sendKeys(password, Keys.ENTER);
        browser.waitForHeading("Vertelpunten");
    }

    protected void signInAsAdmin() {
        signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
    }

    /** Opens a workspace address and waits for its main heading. */
    protected void openPage(String path, String heading) {
        browser.open(workspace(path));
        browser.waitForHeading(heading);
    }

    protected static WebDriverWait waiting() {
        // pages are redrawn as answers arrive: an element found a moment ago may have been replaced
        return (WebDriverWait) new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class);
    }

    /** Waits until the main heading starts with this text (long headings hold question labels). */
    protected static void waitForHeadingStart(String start) {
        waiting()
                .until(d -> String.valueOf(
                                browser.script("return document.querySelector('main h1')?.textContent ?? '';"))
                        .startsWith(start));
    }

    /** Waits until every chart on the page has been drawn by Chart.js. */
    protected static void waitForCharts() {
        waiting().until(d -> (Boolean)
                browser.script("return [...document.querySelectorAll('canvas')].every(c => c.vpChart !== undefined);"));
    }

    /** Waits until an element's text contains the given text. */
    protected static WebElement waitForText(String css, String text) {
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
        return browser.find(css);
    }

    /**
     * Clicks bar {@code index} of dataset {@code dataset} on a chart's canvas, where Chart.js drew it (the
     * canvas has no elements of its own to click).
     */
    protected static void clickBar(WebElement canvas, int dataset, int index) {
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) browser.script(
                "const c = arguments[0].vpChart; const bar = c.getDatasetMeta(arguments[1]).data[arguments[2]];"
                        + "const r = arguments[0].getBoundingClientRect();"
                        + "const x = c.options.indexAxis === 'y' ? (bar.base + bar.x) / 2 : bar.x;"
                        + "const y = c.options.indexAxis === 'y' ? bar.y : (bar.base + bar.y) / 2;"
                        + "return [x - r.width / 2, y - r.height / 2];",
                canvas,
                dataset,
                index);
        browser.script("arguments[0].scrollIntoView({block: 'center'});", canvas);
        new Actions(browser.driver())
                .moveToElement(canvas, at.get(0).intValue(), at.get(1).intValue())
                .click()
                .perform();
    }

    /** The chart whose figure has this title. */
    protected static WebElement chart(String title) {
        return browser.waitFor(By.xpath(
                "//figure[.//*[contains(@class,'chart-title') and normalize-space()=\"" + title + "\"]]//canvas"));
    }

    /** A story search through the API, as the story browser makes it; returns the total. */
    protected static int searchTotal(String slug, Map<String, Object> search) {
        return asAdmin()
                .contentType(ContentType.JSON)
                .body(search)
                .post("/api/storypoints/" + slug + "/stories/search")
                .then()
                .statusCode(200)
                .extract()
                .path("total");
    }
}
