package nl.vertelpunt.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver (never a downloaded browser),
 * with helpers for waiting, keyboard use, full-page screenshots and axe-core accessibility checks.
 */
public final class Browser implements AutoCloseable {

    private static final String CHROMIUM = System.getProperty("vertelpunt.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("vertelpunt.chromedriver", "/usr/bin/chromedriver");
    private static final Path AXE = Path.of("frontend/node_modules/axe-core/axe.min.js");
    public static final Path SCREENSHOTS = Path.of("target/screenshots");

    private final ChromeDriver driver;
    private final Path profile;

    public Browser() {
        try {
            profile = Files.createTempDirectory("vertelpunt-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile,
                "--window-size=1280,900",
                "--lang=nl-NL");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** The browser's profile folder, where it keeps what pages store (to check what is on disk). */
    public Path profile() {
        return profile;
    }

    public void open(String url) {
        driver.get(url);
    }

    public void width(int width) {
        driver.manage().window().setSize(new Dimension(width, 900));
    }

    public WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits until the page's main heading shows this text. */
    public void waitForHeading(String text) {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBe(By.cssSelector("main h1"), text));
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public WebElement button(String text) {
        return waitFor(
                By.xpath("//button[normalize-space()=\"" + text + "\"] | //a[normalize-space()=\"" + text + "\"]"));
    }

    public void click(String buttonText) {
        button(buttonText).click();
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Presses keys on whatever has focus, as a keyboard user does. */
    public void keys(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /**
     * Presses Tab (at most 60 times) until the focused element matches the CSS selector, proving it can
     * be reached with the keyboard.
     */
    public WebElement tabTo(String css) {
        for (int i = 0; i < 60; i++) {
            if ((Boolean)
                    script("return document.activeElement && document.activeElement.matches(arguments[0]);", css)) {
                return focused();
            }
            keys(Keys.TAB);
        }
        return fail("Tab never reached " + css);
    }

    /** Saves a picture of the whole page at the current width in target/screenshots. */
    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
            long width = Math.round(((Number) size.get("width")).doubleValue());
            long height = Math.round(((Number) size.get("height")).doubleValue());
            Map<String, Object> shot = driver.executeCdpCommand(
                    "Page.captureScreenshot",
                    Map.of(
                            "format",
                            "png",
                            "captureBeyondViewport",
                            true,
                            "clip",
                            Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
            Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page and fails with every violation found. */
    public void assertAccessible(String screen) {
        try {
            script(Files.readString(AXE, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core is missing; run npm install in frontend/", e);
        }
        String violations = (String) ((JavascriptExecutor) driver)
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
                        + ".then(r => done(JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                        + " nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.failureSummary)})))))"
                        + ".catch(e => done('axe failed: ' + e));");
        assertThat(violations).as("axe-core violations on " + screen).isEqualTo("[]");
    }

    /**
     * How many pixels the page sticks out sideways (0 or less: it fits). A layout may take a few frames to
     * settle after the window changed size (charts redraw on a resize observer), so this waits up to 3 s for
     * the page to fit and then gives the last measurement: a page that keeps sticking out still fails.
     */
    public long sidewaysOverflow() {
        long[] last = {0};
        try {
            new WebDriverWait(driver, Duration.ofSeconds(3), Duration.ofMillis(100)).until(d -> {
                last[0] = (Long)
                        script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                return last[0] <= 0;
            });
        } catch (TimeoutException e) {
            // the page does not fit: the caller's assertion says so
        }
        return last[0];
    }

    /**
     * What is wrong with the layout of the page as it is now, in words (empty: nothing): text clipped by its box,
     * an element sticking out of the box of the block it is in, boxes of neighbours in the flow that overlap, and
     * (from 768 px) a part of the page that needs sideways scrolling of its own. Hidden elements, text meant for
     * screen readers only (boxes of 1 px) and the insides of charts (SVG, canvas) are left out.
     */
    @SuppressWarnings("unchecked")
    public List<String> layoutProblems() {
        return (List<String>) script(LAYOUT_CHECK);
    }

    private static final String LAYOUT_CHECK = """
            const problems = [];
            const vw = document.documentElement.clientWidth;
            const shown = (e) => {
              const r = e.getBoundingClientRect();
              if (r.width < 2 || r.height < 2) return false;
              for (let a = e; a; a = a.parentElement) {
                const st = getComputedStyle(a);
                if (st.display === 'none' || st.visibility === 'hidden' || st.opacity === '0') return false;
              }
              return true;
            };
            const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
              + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
            const text = (e) => (e.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 50);
            const skip = (e) => e.closest('svg, canvas, script, style, template, option, head') !== null
              && e.tagName.toLowerCase() !== 'svg';
            const all = [...document.body.querySelectorAll('*')].filter((e) => !skip(e) && shown(e));
            for (const e of all) {
              const st = getComputedStyle(e);
              const clipsX = st.overflowX === 'hidden' || st.overflowX === 'clip' || st.textOverflow === 'ellipsis';
              const clipsY = st.overflowY === 'hidden' || st.overflowY === 'clip';
              const control = ['input', 'textarea', 'select'].includes(e.tagName.toLowerCase());
              if (!control && ((clipsX && e.scrollWidth > e.clientWidth + 1) || (clipsY && e.scrollHeight > e.clientHeight + 1))) {
                problems.push('text clipped in ' + name(e) + ' "' + text(e) + '"');
              }
              const scrolls = (st.overflowX === 'auto' || st.overflowX === 'scroll') && e.scrollWidth > e.clientWidth + 1;
              if (scrolls && vw >= 768) {
                problems.push('scrolls sideways at ' + vw + ' px: ' + name(e) + ' "' + text(e) + '"');
              }
              if (st.position === 'absolute' || st.position === 'fixed' || st.position === 'sticky') continue;
              let block = e.parentElement;
              while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
              if (!block || block === document.documentElement) continue;
              const bs = getComputedStyle(block);
              if (bs.overflowX === 'auto' || bs.overflowX === 'scroll') continue;
              const r = e.getBoundingClientRect();
              const b = block.getBoundingClientRect();
              if (r.right > b.right + 1 || r.left < b.left - 1) {
                problems.push(name(e) + ' "' + text(e) + '" sticks out of ' + name(block) + ' by '
                  + Math.round(Math.max(r.right - b.right, b.left - r.left)) + ' px');
              }
            }
            for (const parent of new Set(all.map((e) => e.parentElement))) {
              if (!parent) continue;
              const kids = [...parent.children].filter((k) => all.includes(k)
                && !['absolute', 'fixed', 'sticky'].includes(getComputedStyle(k).position)
                && getComputedStyle(k).float === 'none');
              // inline boxes are compared line by line (a span that wraps covers two lines, not their rectangle)
              const boxes = kids.map((k) => [...k.getClientRects()].filter((r) => r.width > 1 && r.height > 1));
              const meet = (p, q) => p.some((a) => q.some((c) =>
                Math.min(a.right, c.right) - Math.max(a.left, c.left) > 1
                && Math.min(a.bottom, c.bottom) - Math.max(a.top, c.top) > 1));
              for (let i = 0; i < kids.length; i++) {
                for (let j = i + 1; j < kids.length; j++) {
                  if (meet(boxes[i], boxes[j])) {
                    problems.push(name(kids[i]) + ' "' + text(kids[i]) + '" overlaps ' + name(kids[j]) + ' "'
                      + text(kids[j]) + '"');
                  }
                }
              }
            }
            return [...new Set(problems)].slice(0, 20);
            """;

    /** Starts recording layout shifts of the page (Cumulative Layout Shift, shifts without recent input). */
    public void recordLayoutShifts() {
        script("window.__layoutShift = 0; new PerformanceObserver((list) => { for (const e of list.getEntries()) {"
                + " if (!e.hadRecentInput) window.__layoutShift += e.value; } })"
                + ".observe({type: 'layout-shift', buffered: true});");
    }

    /** The layout shift recorded since {@link #recordLayoutShifts} (0: nothing moved on its own). */
    public double layoutShift() {
        Object shift = script("return window.__layoutShift;");
        return shift == null ? 0 : ((Number) shift).doubleValue();
    }

    /**
     * Checks the page as it is now: no sideways scrolling at 320, 375, 640, 768 and 1280 px, no axe-core violation at 375
     * and 1280 px, and a full-page screenshot at both in target/screenshots ({@code name}-375.png, -1280.png).
     * Leaves the window at 1280 px.
     */
    public void checkScreen(String name) {
        check(name, false);
    }

    /**
     * {@link #checkScreen}, and at each of 320, 375, 640 (a 1280 px window at 200% zoom), 768 and 1280 px no
     * {@link #layoutProblems}: no clipped text,
     * nothing sticking out of its block or overlapping a neighbour, no sideways scrolling inside the page from 768
     * px. (Every screen is to be checked this way; {@code checkScreen} is for those not yet brought up to it.)
     */
    public void checkScreenStrictly(String name) {
        check(name, true);
    }

    private void check(String name, boolean strict) {
        // 640 px is what a 1280 px window shows at 200% zoom (WCAG 1.4.4): as wide as the page then is in CSS pixels
        for (int w : List.of(320, 375, 640, 768, 1280)) {
            width(w);
            if (strict) {
                // charts redraw a few frames after the window changed size: give the layout 3 s to settle
                List<String> problems = new ArrayList<>();
                try {
                    new WebDriverWait(driver, Duration.ofSeconds(3), Duration.ofMillis(200)).until(d -> {
                        problems.clear();
                        problems.addAll(layoutProblems());
                        return problems.isEmpty();
                    });
                } catch (TimeoutException e) {
                    // the assertion names what is wrong
                }
                assertThat(problems).as(name + " at " + w + " px").isEmpty();
            }
            long overflow = sidewaysOverflow();
            if (overflow > 0) {
                // name what sticks out, to make the failure easy to fix
                Object wide = script(
                        "const max = document.documentElement.clientWidth; return [...document.querySelectorAll('body *')]"
                                + ".filter(e => e.getBoundingClientRect().right > max + 0.5).slice(-5)"
                                + ".map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + e.className.trim().split(/\\s+/).join('.') : '')"
                                + " + ' ' + Math.round(e.getBoundingClientRect().right) + 'px: ' + (e.textContent || '').trim().slice(0, 40)).join(' | ');");
                assertThat(overflow)
                        .as(name + " fits " + w + " px without sideways scrolling; sticking out: " + wide)
                        .isLessThanOrEqualTo(0L);
            }
            if (w == 375 || w == 1280) {
                assertAccessible(name + " at " + w + " px");
                screenshot(name + "-" + w);
            }
        }
        width(1280);
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp folder is harmless
        }
    }
}
