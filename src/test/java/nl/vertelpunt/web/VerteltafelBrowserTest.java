package nl.vertelpunt.web;

import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.publishedStoryPoint;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.vertelpunt.testing.BrowserTest;
import nl.vertelpunt.testing.Database;
import nl.vertelpunt.testing.DevTools;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The verteltafel in Chromium against the real service: a facilitator takes three stories with the
 * network switched off (for the page and its service worker, through the DevTools protocol), reloads the
 * page, which its service worker serves from its cache, unlocks the encrypted queue with the PIN, comes
 * back online, and exactly three stories arrive with channel verteltafel. While they wait, neither the
 * IndexedDB records nor the browser's files on disk hold the story text. Every screen is checked with
 * axe-core at 375 and 1280 px and for sideways scrolling at 320 px (screenshots verteltafel-*.png).
 */
@QuarkusTest
class VerteltafelBrowserTest extends BrowserTest {

    private static final String PASSWORD = "een-lang-wachtwoord";
    private static final String PIN = "482916";
    private static final String GATHERING = "Jongerencentrum, 12 maart";

    @Inject
    AgroalDataSource dataSource;

    private int shot;

    private static String facilitator(String slug) {
        String name = "tafel-" + System.nanoTime();
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "username",
                        name,
                        "password",
                        PASSWORD,
                        "roles",
                        List.of("facilitator"),
                        "storyPoints",
                        List.of(slug)))
                .post("/api/users")
                .then()
                .statusCode(201);
        return name;
    }

    private static WebDriverWait waiting() {
        return (WebDriverWait) new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class);
    }

    private static void heading(String text) {
        waiting().until(ExpectedConditions.textToBe(By.cssSelector("main h1"), text));
    }

    private static String counter() {
        return browser.find("#queue-count").getText();
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
                browser.screenshot(String.format("verteltafel-%02d-%s-%d", shot, screen, width));
            }
        }
        browser.width(1280);
    }

    /** Opens the verteltafel of a story point in a browser without a session or anything stored by earlier tests. */
    private void openFresh(String slug) {
        browser.driver().manage().deleteAllCookies();
        browser.width(1280);
        browser.open(base + "werkplek/" + slug + "/verteltafel");
        ((JavascriptExecutor) browser.driver())
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1]; const r = indexedDB.deleteDatabase('vertelpunt-verteltafel');"
                                + " r.onsuccess = r.onerror = () => done(true); r.onblocked = () => done(false);");
        browser.driver().navigate().refresh();
    }

    private void signIn(String user) {
        heading("Inloggen voor de verteltafel");
        browser.find("#username").sendKeys(user);
        browser.find("#password").sendKeys(PASSWORD, Keys.ENTER);
    }

    /** Takes one story at the table: role, story, the first question, every page, read back, save. */
    private void takeStory(String role, String text, boolean check) {
        heading("Nieuwe verteller");
        browser.find("button[data-role='" + role + "']").click();
        heading("Jouw ervaring");
        browser.find("#story-text").sendKeys(text);
        browser.click("Verder");
        heading("Vragen over jouw ervaring");
        browser.find("#q-gevolg-positief").click();
        while (browser.find("main h1").getText().equals("Vragen over jouw ervaring")) {
            String before = browser.find("main .progress-label").getText();
            browser.find("main .nav .next").click();
            waiting()
                    .until(d -> !browser.find("main h1").getText().equals("Vragen over jouw ervaring")
                            || !browser.find("main .progress-label").getText().equals(before));
        }
        heading("Voorlezen en controleren");
        assertThat(browser.find(".review-text").getText()).isEqualTo(text);
        if (check) {
            check("read-back");
        }
        browser.click("Opslaan");
        heading("Opgeslagen");
        if (check) {
            check("saved");
        }
        browser.click("Volgende verteller");
    }

    /** Every record of the verteltafel's IndexedDB, each value as text (bytes as ISO-8859-1, so any byte shows). */
    private static String indexedDbAsText() {
        return (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const text = (v) => v instanceof ArrayBuffer || ArrayBuffer.isView(v)
                  ? Array.from(new Uint8Array(v.buffer ?? v, v.byteOffset ?? 0, v.byteLength), (b) => String.fromCharCode(b)).join('')
                  : typeof v === 'object' && v !== null ? Object.entries(v).map(([k, x]) => k + '=' + text(x)).join(';') : String(v);
                const open = indexedDB.open('vertelpunt-verteltafel');
                open.onsuccess = () => {
                  const db = open.result;
                  const stores = [...db.objectStoreNames];
                  const tx = db.transaction(stores, 'readonly');
                  const out = [];
                  let left = stores.length;
                  stores.forEach((s) => {
                    const req = tx.objectStore(s).getAll();
                    req.onsuccess = () => {
                      req.result.forEach((r) => out.push(s + ': ' + text(r)));
                      if (--left === 0) { db.close(); done(out.join('\\n')); }
                    };
                  });
                };
                open.onerror = () => done('error: ' + open.error);
                """);
    }

    private static boolean anyFileHolds(Path folder, String text) throws IOException {
        byte[][] forms = {text.getBytes(StandardCharsets.UTF_8), text.getBytes(StandardCharsets.UTF_16LE)};
        try (var files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(file);
                } catch (IOException e) {
                    continue; // locked or gone
                }
                for (byte[] form : forms) {
                    if (indexOf(bytes, form) >= 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * Waits until the page says it works without a connection too (the service worker controls it); says what
     * the worker's registration holds if it never does.
     */
    private static void awaitReadyForOffline() {
        try {
            new WebDriverWait(browser.driver(), Duration.ofSeconds(45))
                    .ignoring(StaleElementReferenceException.class)
                    .until(ExpectedConditions.textToBe(By.id("offline-ready"), "Werkt ook zonder verbinding"));
            assertThat(browser.script("return navigator.serviceWorker.controller !== null;"))
                    .as("controlled by the worker")
                    .isEqualTo(true);
        } catch (TimeoutException e) {
            Object state = ((JavascriptExecutor) browser.driver())
                    .executeAsyncScript("const done = arguments[arguments.length - 1];"
                            + "navigator.serviceWorker.getRegistration().then((r) => done(r === undefined ? 'no registration'"
                            + " : `scope ${r.scope}, installing ${r.installing?.state}, waiting ${r.waiting?.state}, active ${r.active?.state}`))"
                            + ".catch((x) => done('error ' + x));");
            throw new AssertionError("the service worker does not control the page: " + state, e);
        }
    }

    private List<List<String>> storedStories(String slug) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT s.channel, s.role, s.text, s.gathering FROM story s "
                        + "JOIN story_point p ON p.id = s.story_point_id WHERE p.slug = ? ORDER BY s.text")) {
            ps.setString(1, slug);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(List.of(
                            rs.getString(1), rs.getString(2), rs.getString(3), String.valueOf(rs.getString(4))));
                }
            }
        }
        return rows;
    }

    @Test
    void shouldKeepThreeStoriesTakenOfflineEncryptedThroughAReloadAndSendThemOnceWhenOnline() throws Exception {
        String slug = publishedStoryPoint("verteltafel");
        String user = facilitator(slug);
        openFresh(slug);
        signIn(user);
        heading("Verteltafel klaarzetten");
        check("setup");
        browser.find("#gathering").sendKeys(GATHERING);
        browser.find("#pin").sendKeys("12345");
        browser.find("#pin-repeat").sendKeys("12345", Keys.ENTER);
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("pin-error"), "minstens 6 tekens"));
        check("setup-short-pin");
        browser.find("#pin").clear();
        browser.find("#pin").sendKeys(PIN);
        browser.find("#pin-repeat").clear();
        browser.find("#pin-repeat").sendKeys(PIN, Keys.ENTER);
        heading("Nieuwe verteller");
        assertThat(counter()).isEqualTo("Alle verhalen zijn verstuurd");

        // the service worker controls the page and holds the page, its scripts and the story point
        awaitReadyForOffline();
        check("next-storyteller");
        String[] cached = {""};
        try {
            waiting().until(d -> {
                cached[0] = (String) ((JavascriptExecutor) browser.driver())
                        .executeAsyncScript(
                                "const done = arguments[arguments.length - 1]; const slug = arguments[0];"
                                        + "caches.keys().then(async (names) => { const out = [];"
                                        + " for (const n of names) { const c = await caches.open(n);"
                                        + "  for (const r of await c.keys()) { out.push(new URL(r.url).pathname); } }"
                                        + " done(out.sort().join(' ')); }).catch((e) => done('error ' + e));",
                                slug);
                List<String> paths = List.of(cached[0].split(" "));
                return paths.contains("/api/storypoints/" + slug)
                        && paths.contains("/werkplek/" + slug + "/verteltafel")
                        && paths.stream().anyMatch(p -> p.startsWith("/assets/verteltafel-") && p.endsWith(".js"))
                        && paths.stream().anyMatch(p -> p.startsWith("/assets/verteltafel-") && p.endsWith(".css"));
            });
        } catch (TimeoutException e) {
            throw new AssertionError("the service worker's cache holds only: " + cached[0], e);
        }

        List<String> texts = List.of(
                "Mijn mentor op school nam me eindelijk serieus toen ik vertelde over thuis.",
                "Bij het wijkteam moest ik drie keer mijn verhaal doen voordat er iets gebeurde.",
                "Als jongerenwerker zie ik dat jongeren pas praten als ze iemand echt vertrouwen.");
        List<String> roles = List.of("jongere", "ouder", "professional");
        try (DevTools devTools = DevTools.of(browser.driver())) {
            devTools.offline(true);
            waiting().until(d -> Boolean.FALSE.equals(browser.script("return navigator.onLine;")));
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("connection"), "Geen verbinding"));
            for (int i = 0; i < 3; i++) {
                takeStory(roles.get(i), texts.get(i), i == 0);
                heading("Nieuwe verteller");
                assertThat(counter())
                        .isEqualTo(i == 0 ? "1 verhaal nog niet verstuurd" : (i + 1) + " verhalen nog niet verstuurd");
            }
            assertThat(browser.find("#queue-count").getAttribute("aria-live")).isEqualTo("polite");
            check("offline-three-waiting");
            assertThat(Database.storyCount(dataSource, slug)).isZero();

            // the queue on the device is encrypted: neither its records nor the browser's files hold a story
            String stored = indexedDbAsText();
            assertThat(stored).contains("queue: ").doesNotContain("error:");
            assertThat(stored.split("\n"))
                    .filteredOn(line -> line.startsWith("queue: "))
                    .hasSize(3);
            for (String text : texts) {
                assertThat(stored).doesNotContain(text).doesNotContain(text.substring(0, 20));
            }
            assertThat(stored)
                    .doesNotContain(GATHERING)
                    .doesNotContain("jongere")
                    .doesNotContain("professional");

            // reload without a network: the service worker serves the page and its stored story point
            browser.driver().navigate().refresh();
            heading("Verteltafel ontgrendelen");
            assertThat(browser.find("#offline-copy").getText()).contains("zonder verbinding");
            assertThat(browser.script("return navigator.serviceWorker.controller !== null;"))
                    .as("controlled by the worker")
                    .isEqualTo(true);
            devTools.awaitAttached("service_worker", Duration.ofSeconds(10));
            assertThat(browser.find("#offline-ready").getText()).isEqualTo("Werkt ook zonder verbinding");
            assertThat((Number) browser.script("return performance.getEntriesByType('navigation')[0].workerStart;"))
                    .as("the page came through the worker")
                    .matches(n -> n.doubleValue() > 0);
            assertThat(browser.script("return navigator.onLine;")).as("online").isEqualTo(false);
            waiting().until(d -> counter().equals("3 verhalen nog niet verstuurd"));
            check("unlock-offline");
            for (String text : texts) {
                assertThat(anyFileHolds(browser.profile(), text))
                        .as("a file of the browser holds: " + text)
                        .isFalse();
            }
            browser.find("#pin").sendKeys("000000", Keys.ENTER);
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("pin-error"), "klopt niet"));
            check("unlock-wrong-pin");
            browser.find("#pin").sendKeys(PIN, Keys.ENTER);
            heading("Nieuwe verteller");
            assertThat(counter()).isEqualTo("3 verhalen nog niet verstuurd");
            assertThat(Database.storyCount(dataSource, slug)).isZero();

            // back online: each waiting story is sent once, and leaves the device only when acknowledged
            devTools.offline(false);
            waiting().until(d -> counter().equals("Alle verhalen zijn verstuurd"));
        }
        assertThat(storedStories(slug))
                .containsExactlyInAnyOrder(
                        List.of("verteltafel", "ouder", texts.get(1), GATHERING),
                        List.of("verteltafel", "professional", texts.get(2), GATHERING),
                        List.of("verteltafel", "jongere", texts.get(0), GATHERING));
        assertThat(indexedDbAsText().split("\n")).noneMatch(line -> line.startsWith("queue: "));
        // with the queue empty, "Nu versturen" sends nothing more (a story sent twice is stored once because of its
        // submission id: StoryIntakeTest checks that at the API)
        browser.click("Nu versturen");
        Thread.sleep(500);
        assertThat(Database.storyCount(dataSource, slug)).isEqualTo(3);
    }

    @Test
    void shouldKeepTheQueueWhenTheSessionEndedAndSendItAfterSigningInAgain() throws Exception {
        String slug = publishedStoryPoint("verteltafel-sessie");
        String user = facilitator(slug);
        openFresh(slug);
        signIn(user);
        heading("Verteltafel klaarzetten");
        browser.find("#pin").sendKeys(PIN);
        browser.find("#pin-repeat").sendKeys(PIN, Keys.ENTER);
        heading("Nieuwe verteller");

        // the session ends (signed out elsewhere, or expired) while the facilitator takes a story
        browser.driver().manage().deleteCookieNamed("vp_session");
        String text = "Ik durfde het pas te vertellen toen mijn coach naast me zat aan tafel.";
        takeStory("jongere", text, false);
        heading("Nieuwe verteller");
        waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".vt-problems"), "niet meer ingelogd"));
        assertThat(counter()).isEqualTo("1 verhaal nog niet verstuurd");
        check("session-ended");
        assertThat(Database.storyCount(dataSource, slug)).isZero();

        browser.click("Opnieuw inloggen");
        signIn(user);
        heading("Nieuwe verteller");
        waiting().until(d -> counter().equals("Alle verhalen zijn verstuurd"));
        assertThat(storedStories(slug)).containsExactly(List.of("verteltafel", "jongere", text, "null"));
    }

    @Test
    void shouldSayWhenAnAccountMayNotTakeStoriesHere() {
        String slug = publishedStoryPoint("verteltafel-geen");
        String other = publishedStoryPoint("verteltafel-ander");
        String user = facilitator(other);
        openFresh(slug);
        signIn(user);
        heading("Geen toegang");
        check("no-access");
    }
}
