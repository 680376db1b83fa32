package nl.vertelpunt.web;

import static nl.vertelpunt.testing.Fixtures.publishedSample;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import nl.vertelpunt.monitor.ScheduleTicker;
import nl.vertelpunt.testing.HeardStories;
import nl.vertelpunt.testing.WorkspaceTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The schedules screen in Chromium: reached from the evaluations page, an analyst sees there is nothing scheduled, plans
 * an evaluation every month, sees its first run (made by a tick of the ticker) with a link to it, and stops it; and on
 * the monitoring page a story point that includes the core module is set against the others with it, and a chart
 * appears. axe-core finds nothing at 375 and 1280 px (screenshots werkplek-geplande-evaluaties-*.png,
 * werkplek-monitor-module.png).
 */
@QuarkusTest
class ScheduleBrowserTest extends WorkspaceTest {

    @Inject
    ScheduleTicker ticker;

    private static String national;
    private static String twente;

    private static void storyPoints() throws Exception {
        if (twente == null) {
            national = publishedSample("plan-nl", "voordejeugd.json", d -> {});
            twente = publishedSample("plan-tw", "twente.json", d -> {});
            HeardStories.importInto(national, "pnl-", 200, 41, 0, 20);
            // under 50, as ModuleEvaluationTest expects of every story point with the module but its own Twente
            HeardStories.importInto(twente, "ptw-", 160, 42, 30, 45);
        }
    }

    @Test
    void shouldPlanAnEvaluationEveryMonthShowItsRunAndStopIt() throws Exception {
        storyPoints();
        signInAsAdmin();
        openPage("/" + twente + "/evaluaties", "Patroonevaluaties");
        browser.find("#to-schedules").click();
        browser.waitForHeading("Geplande evaluaties");
        waitForText("#schedules-none", "Er is nog niets gepland.");
        browser.checkScreenStrictly("werkplek-geplande-evaluaties-leeg");
        WorkspaceAccessibilityTest.assertNoInternals("schedules, none");

        WebElement month = browser.find("#schedule-interval input[value='month']");
        browser.script("arguments[0].scrollIntoView({block: 'center'});", month);
        month.click();
        browser.click("Plan de evaluatie");
        waitForText("#schedules-status", "De evaluatie is gepland.");
        WebElement row = browser.find(".schedules-table tbody tr");
        assertThat(row.getText())
                .contains("De verhalen van de vorige maand", "Elke maand", "Nog niet", "Binnen een paar minuten");

        // the ticker makes this month's run; the page shows it with a link to the evaluation
        assertThat(ticker.tick(Instant.now())).isPositive();
        browser.driver().navigate().refresh();
        browser.waitForHeading("Geplande evaluaties");
        WebElement last = waitForLink();
        assertThat(browser.find(".schedules-table tbody tr").getText()).doesNotContain("Binnen een paar minuten");
        browser.checkScreenStrictly("werkplek-geplande-evaluaties");
        WorkspaceAccessibilityTest.assertNoInternals("schedules");
        String href = last.getAttribute("href");
        assertThat(href).contains("/werkplek/" + twente + "/evaluaties/");

        browser.click("Stop deze planning");
        waitForText("#schedules-status", "De planning is gestopt.");
        waitForText("#schedules-none", "Er is nog niets gepland.");
        // the run it made stays among the evaluations
        browser.open(href);
        waitForHeadingStart("Patroonevaluatie");
    }

    @Test
    void shouldSetThisStoryPointAgainstTheOthersWithTheModuleOnTheMonitoringPage() throws Exception {
        storyPoints();
        signInAsAdmin();
        openPage("/" + twente + "/monitoring", "Monitoren door de tijd");
        new Select(browser.find("#monitor-kind")).selectByValue("share-at-least");
        new Select(browser.find("#monitor-question")).selectByValue("gehoord");
        WebElement threshold = browser.find("#monitor-threshold");
        threshold.clear();
        threshold.sendKeys("30");
        new Select(browser.find("#monitor-compare")).selectByValue("module:kern");
        browser.click("Toon de grafiek");
        waitForText("#monitor-heading", "Aandeel verhalen met 30 of hoger");
        assertThat(browser.findAll(".monitor-chart svg")).hasSize(1);
        assertThat(browser.findAll(".monitor-chart polyline, .monitor-chart circle"))
                .isNotEmpty();
        assertThat(browser.findAll(".monitor-legend li"))
                .extracting(WebElement::getText)
                .containsExactly("Vertelpunt Twente: jouw ervaring met de jeugdhulp", "De andere vertelpunten");
        browser.checkScreenStrictly("werkplek-monitor-module");
        WorkspaceAccessibilityTest.assertNoInternals("monitor across a module");
    }

    private static WebElement waitForLink() {
        return waiting().until(d -> {
            var links = d.findElements(By.cssSelector(".schedules-table tbody tr a"));
            return links.isEmpty() ? null : links.get(0);
        });
    }
}
