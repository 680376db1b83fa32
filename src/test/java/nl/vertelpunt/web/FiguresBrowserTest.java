package nl.vertelpunt.web;

import static nl.vertelpunt.testing.Fixtures.publishedStoryPoint;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.vertelpunt.testing.WorkspaceTest;
import org.junit.jupiter.api.Test;

/**
 * Context figures next to the dashboard in Chromium: a refused file lists its bad cells by line and column in Dutch,
 * the sample file is added and shown per indicator, and the page passes axe-core and fits at 375 and 1280 px
 * (screenshots werkplek-cijfers-*.png).
 */
@QuarkusTest
class FiguresBrowserTest extends WorkspaceTest {

    @Test
    void shouldUploadFiguresAndShowThemNextToTheDashboard() throws Exception {
        String slug = publishedStoryPoint("cijfers-browser");
        Path bad = Files.createTempFile("cijfers-fout", ".csv");
        Files.writeString(
                bad,
                "indicator;regio;periode;waarde;eenheid;bron\nGoed;Twente;2020;1,5;%;CBS\nFout;Twente;2020;veel;%;CBS\n",
                StandardCharsets.UTF_8);
        Path sample = Path.of("samples/figures/twente-voorbeeld.csv").toAbsolutePath();

        signInAsAdmin();
        openPage("/" + slug, "Dashboard");
        waitForText("#figures-list", "nog geen cijfers");

        browser.find("#figures-file").sendKeys(bad.toAbsolutePath().toString());
        assertThat(browser.find("#figures-name").getAttribute("value")).startsWith("cijfers-fout");
        browser.find("#figures-send").click();
        waitForText("#figures-problems", "Regel 3, kolom ‘waarde’: is geen getal.");
        assertThat(browser.find("#figures-status").getText()).contains("Er is niets opgeslagen");
        browser.width(375);
        assertThat(browser.sidewaysOverflow()).isLessThanOrEqualTo(0);
        browser.assertAccessible("werkplek-cijfers-fout-375");
        browser.screenshot("werkplek-cijfers-fout-375");

        browser.width(1280);
        browser.find("#figures-name").clear();
        browser.find("#figures-file").sendKeys(sample.toString());
        browser.find("#figures-name").clear();
        browser.find("#figures-name").sendKeys("Voorbeeldcijfers Twente");
        browser.find("#figures-send").click();
        waitForText("#figures-status", "7 cijfers toegevoegd als reeks ‘Voorbeeldcijfers Twente’");
        waitForText("#figures-list", "Jongeren met jeugdhulp");
        String shown = browser.find("#figures-list").getText().replace('\u00a0', ' ');
        assertThat(shown)
                .contains("Gemiddelde wachttijd tot de eerste afspraak")
                .contains("12,3%")
                .contains("1.250 jongeren")
                .contains("312,40 euro")
                .contains("CBS (voorbeeld)");
        assertThat(browser.findAll("#figures-list caption")).hasSize(4);
        assertThat(browser.find("#figures-problems").getText()).isEmpty();

        for (int width : new int[] {375, 1280}) {
            browser.width(width);
            assertThat(browser.sidewaysOverflow()).as("sideways at " + width).isLessThanOrEqualTo(0);
            browser.assertAccessible("werkplek-cijfers-" + width);
            browser.screenshot("werkplek-cijfers-" + width);
        }
    }
}
