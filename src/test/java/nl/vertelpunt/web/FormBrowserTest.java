package nl.vertelpunt.web;

import static nl.vertelpunt.testing.Fixtures.publishedStoryPoint;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.vertelpunt.testing.BrowserTest;
import nl.vertelpunt.testing.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.interactions.Actions;

/**
 * The public form in a real browser (Debian's Chromium, headless) against the real service on the
 * embedded PostgreSQL. Uses the test story point of {@code Fixtures.aDefinition}: on the first page
 * gevolg (choice), gehoord (slider with "not applicable") and op-tijd (slider); then themas
 * (multichoice, parents and professionals), balans (triad), tip (text); werkdruk (slider) only for
 * professionals.
 */
@QuarkusTest
class FormBrowserTest extends BrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    private void openForm(String slug) {
        browser.width(1280);
        browser.open(base + "v/" + slug);
        browser.waitForHeading("Vertel over de jeugdhulp");
        browser.script("localStorage.clear();");
        browser.open(base + "v/" + slug);
        browser.waitForHeading("Vertel over de jeugdhulp");
    }

    private void writeStory(String text, String title) {
        browser.waitForHeading("Jouw ervaring");
        browser.find("#story-text").sendKeys(text);
        browser.find("#story-title").sendKeys(title);
        browser.click("Verder");
        browser.waitForHeading("Vragen over jouw ervaring");
    }

    /** The one story stored for a story point, as JSON with its answers. */
    private JsonNode storedStory(String slug) throws Exception {
        assertThat(Database.storyCount(dataSource, slug)).isEqualTo(1);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT json_build_object('role', s.role, 'channel', s.channel, "
                                + "'title', s.title, 'text', s.text, 'answers', s.answers, 'language', s.language)::text "
                                + "FROM story s JOIN story_point p ON p.id = s.story_point_id WHERE p.slug = ?")) {
            ps.setString(1, slug);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return JSON.readTree(rs.getString(1));
            }
        }
    }

    private static List<Integer> triadShares() {
        Matcher m = Pattern.compile("Hulp: (\\d+)%, Mensen: (\\d+)%, Regels: (\\d+)%")
                .matcher(browser.find(".triad-output").getText());
        assertThat(m.find()).as("triad shares shown as numbers").isTrue();
        return List.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    @ParameterizedTest(name = "role {0}")
    @ValueSource(strings = {"jongere", "ouder", "professional"})
    void shouldLetEachRoleShareAStoryWithExactlyTheAnswersGiven(String role) throws Exception {
        String slug = publishedStoryPoint("browser-" + role);
        openForm(slug);
        browser.waitFor(By.cssSelector("button[data-role='" + role + "']")).click();
        writeStory("Ik vertel hier wat er gebeurde toen we hulp zochten voor ons gezin.", "Mijn titel");

        Map<String, Object> expected = new LinkedHashMap<>();
        browser.find("#q-gevolg-positief").click();
        expected.put("gevolg", "positief");
        // the slider has no thumb and no value until touched
        assertThat(browser.find("#q-gehoord .slider").getAttribute("data-state"))
                .isEqualTo("untouched");
        assertThat(browser.find("#q-gehoord-input").getAttribute("aria-valuetext"))
                .isEqualTo("Nog niet ingevuld");
        switch (role) {
            case "jongere" -> {
                browser.find("#q-gehoord-na").click();
                expected.put("gehoord", "NA");
            }
            case "ouder" -> {
                browser.find("#q-gehoord-input").sendKeys(Keys.END, Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT);
                expected.put("gehoord", 97);
                assertThat(browser.find("#q-gehoord-input").getAttribute("aria-valuetext"))
                        .isEqualTo("97 van 100, dicht bij zeker WEL");
            }
            default -> {
                WebElement slider = browser.find("#q-gehoord-input");
                new Actions(browser.driver())
                        .moveToElement(slider, -slider.getSize().width / 4, 0)
                        .click()
                        .perform();
                int value = Integer.parseInt(slider.getAttribute("value"));
                assertThat(value).isBetween(15, 35);
                expected.put("gehoord", value);
            }
        }
        // op-tijd is left untouched and must stay unanswered
        browser.click("Verder");

        if (!role.equals("jongere")) {
            browser.find("#q-themas-school").click();
            browser.find("#q-themas-werk").click();
            assertThat(browser.find("#q-themas-thuis").isEnabled())
                    .as("max 2 options")
                    .isFalse();
            expected.put("themas", List.of("school", "werk"));
        } else {
            assertThat(browser.findAll("#q-themas"))
                    .as("themas is not asked to youth")
                    .isEmpty();
        }
        WebElement triangle = browser.find(".triad-surface");
        new Actions(browser.driver()).moveToElement(triangle).click().perform();
        expected.put("balans", triadShares());
        browser.find("#q-tip-input").sendKeys("Luister naar ons");
        expected.put("tip", "Luister naar ons");

        if (role.equals("professional")) {
            browser.click("Verder");
            browser.find("#q-werkdruk-input").sendKeys(Keys.HOME);
            expected.put("werkdruk", 0);
        } else {
            assertThat(browser.findAll("#q-werkdruk")).isEmpty();
        }
        browser.click("Bekijk en verstuur");
        browser.waitForHeading("Klopt alles?");
        assertThat(browser.find(".review-answers").getText())
                .contains("Op tijd")
                .contains("Niet ingevuld");
        browser.click("Verstuur mijn verhaal");
        browser.waitForHeading("Dank je wel!");

        JsonNode story = storedStory(slug);
        assertThat(story.get("role").asText()).isEqualTo(role);
        assertThat(story.get("channel").asText()).isEqualTo("online");
        assertThat(story.get("title").asText()).isEqualTo("Mijn titel");
        assertThat(story.get("text").asText())
                .isEqualTo("Ik vertel hier wat er gebeurde toen we hulp zochten voor ons gezin.");
        assertThat(JSON.convertValue(story.get("answers"), Map.class)).isEqualTo(expected);
        assertThat(story.get("answers").has("op-tijd")).isFalse();
        assertThat(browser.script("return localStorage.length;"))
                .as("draft removed after success")
                .isEqualTo(0L);
    }

    @Test
    void shouldBeCompletedWithTheKeyboardAlone() throws Exception {
        String slug = publishedStoryPoint("keyboard");
        openForm(slug);
        browser.tabTo("button[data-role='ouder']");
        browser.keys(Keys.ENTER);
        browser.waitForHeading("Jouw ervaring");
        browser.tabTo("#story-text");
        browser.keys("Met alleen het toetsenbord verteld, zonder muis of touch.");
        browser.tabTo("#story-title");
        browser.keys("Toetsen");
        browser.tabTo("button.next");
        browser.keys(Keys.ENTER);
        browser.waitForHeading("Vragen over jouw ervaring");

        browser.tabTo("input[name='q-gevolg']");
        browser.keys(Keys.SPACE, Keys.ARROW_DOWN);
        browser.tabTo("#q-gehoord-input");
        browser.keys(
                Keys.HOME, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        browser.tabTo("#q-op-tijd-input");
        browser.keys(Keys.PAGE_UP);
        browser.tabTo("button.next");
        browser.keys(Keys.ENTER);
        browser.waitFor(By.id("q-themas"));

        browser.tabTo("#q-themas-thuis");
        browser.keys(Keys.SPACE);
        browser.tabTo(".triad-surface");
        browser.keys(Keys.ARROW_UP);
        List<Integer> shares = triadShares();
        assertThat(shares).isEqualTo(List.of(34, 33, 33));
        browser.keys(Keys.ARROW_UP, Keys.ARROW_UP);
        List<Integer> moved = triadShares();
        assertThat(moved.get(0)).isGreaterThan(34);
        browser.tabTo("#q-tip-input");
        browser.keys("Blijf luisteren");
        browser.tabTo("button.next");
        browser.keys(Keys.ENTER);
        browser.waitForHeading("Klopt alles?");
        browser.tabTo("button.next");
        browser.keys(Keys.ENTER);
        browser.waitForHeading("Dank je wel!");

        JsonNode answers = storedStory(slug).get("answers");
        assertThat(answers.get("gevolg").asText()).isEqualTo("negatief");
        assertThat(answers.get("gehoord").asInt()).isEqualTo(5);
        assertThat(answers.get("op-tijd").asInt())
                .as("Page Up on an untouched slider starts from the middle")
                .isEqualTo(60);
        assertThat(answers.get("themas").get(0).asText()).isEqualTo("thuis");
        assertThat(JSON.convertValue(answers.get("balans"), List.class)).isEqualTo(moved);
        assertThat(answers.get("tip").asText()).isEqualTo("Blijf luisteren");
    }

    @Test
    void shouldKeepTheDraftWhenThePageIsReloaded() throws Exception {
        String slug = publishedStoryPoint("reload");
        openForm(slug);
        browser.find("button[data-role='ouder']").click();
        writeStory("Dit verhaal mag niet verloren gaan als de pagina opnieuw laadt.", "Bewaard");
        browser.find("#q-gevolg-negatief").click();
        browser.driver().navigate().refresh();

        browser.waitForHeading("Vertel over de jeugdhulp");
        browser.click("Ga verder met mijn verhaal");
        browser.waitForHeading("Vragen over jouw ervaring");
        assertThat(browser.find("#q-gevolg-negatief").isSelected()).isTrue();
        browser.click("Terug");
        browser.waitForHeading("Jouw ervaring");
        assertThat(browser.find("#story-text").getAttribute("value"))
                .isEqualTo("Dit verhaal mag niet verloren gaan als de pagina opnieuw laadt.");
        assertThat(browser.find("#story-title").getAttribute("value")).isEqualTo("Bewaard");
        browser.click("Verder");
        browser.click("Verder");
        browser.click("Bekijk en verstuur");
        browser.click("Verstuur mijn verhaal");
        browser.waitForHeading("Dank je wel!");
        assertThat(storedStory(slug).get("answers").get("gevolg").asText()).isEqualTo("negatief");
    }

    @Test
    void shouldStoreExactlyOneStoryWhenSendingFailsAndIsRetried() throws Exception {
        String slug = publishedStoryPoint("offline");
        openForm(slug);
        browser.find("button[data-role='professional']").click();
        writeStory("Een verhaal dat eerst niet aankomt omdat de verbinding weg is.", "");
        browser.click("Verder");
        browser.click("Verder");
        browser.click("Bekijk en verstuur");
        browser.waitForHeading("Klopt alles?");
        String draft =
                (String) browser.script("return localStorage.getItem('vertelpunt:draft:' + arguments[0]);", slug);
        assertThat(draft).contains("submissionId");

        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        browser.driver().setNetworkConditions(offline);
        browser.click("Verstuur mijn verhaal");
        browser.waitForHeading("Het versturen is niet gelukt");
        assertThat(browser.find("main").getText()).contains("Je verhaal is niet kwijt");
        assertThat(Database.storyCount(dataSource, slug)).isZero();
        assertThat(browser.script("return localStorage.getItem('vertelpunt:draft:' + arguments[0]);", slug))
                .isEqualTo(draft);

        browser.driver().deleteNetworkConditions();
        browser.click("Probeer opnieuw te versturen");
        browser.waitForHeading("Dank je wel!");
        assertThat(Database.storyCount(dataSource, slug)).isEqualTo(1);

        // the answer to a successful send can be lost too: sending the same draft again stores nothing new
        browser.script("localStorage.setItem('vertelpunt:draft:' + arguments[0], arguments[1]);", slug, draft);
        browser.driver().navigate().refresh();
        browser.click("Ga verder met mijn verhaal");
        browser.waitForHeading("Klopt alles?");
        new Actions(browser.driver())
                .doubleClick(browser.button("Verstuur mijn verhaal"))
                .perform();
        browser.waitForHeading("Dank je wel!");
        assertThat(Database.storyCount(dataSource, slug)).isEqualTo(1);
    }

    @Test
    void shouldAskForTheStoryTextBeforeGoingOn() {
        String slug = publishedStoryPoint("empty");
        openForm(slug);
        browser.find("button[data-role='jongere']").click();
        browser.waitForHeading("Jouw ervaring");
        browser.click("Verder");
        assertThat(browser.find("#story-error").isDisplayed()).isTrue();
        assertThat(browser.focused().getAttribute("id")).isEqualTo("story-text");
        assertThat(browser.find("#story-text").getAttribute("aria-invalid")).isEqualTo("true");
        browser.find("#story-text").sendKeys("Kort.");
        assertThat(browser.waitFor(By.id("story-short")).getText()).contains("nog kort");
    }

    @Test
    void shouldKeepTheHoneypotAwayFromPeopleAndRefuseAStoryWithItFilledIn() throws Exception {
        String slug = publishedStoryPoint("honeypot");
        openForm(slug);
        browser.find("button[data-role='professional']").click();
        browser.waitForHeading("Jouw ervaring");
        browser.find("#story-text").sendKeys("Een robot vult elk veld in, ook het veld dat mensen niet zien.");
        // people do not see it, cannot tab to it, and screen readers skip it
        assertThat((Boolean)
                        browser.script("const r = document.getElementById('story-website').getBoundingClientRect();"
                                + " return r.right < 0 || r.bottom < 0;"))
                .isTrue();
        assertThat(browser.find("#story-website").getAttribute("tabindex")).isEqualTo("-1");
        assertThat(
                        (String)
                                browser.script(
                                        "return document.getElementById('story-website').closest('[aria-hidden]').getAttribute('aria-hidden');"))
                .isEqualTo("true");
        // a robot fills it in
        browser.script("const f = document.getElementById('story-website'); f.value = 'https://spam.example';"
                + " f.dispatchEvent(new Event('input'));");
        browser.click("Verder");
        browser.waitForHeading("Vragen over jouw ervaring");
        browser.click("Verder");
        browser.click("Verder");
        browser.click("Bekijk en verstuur");
        browser.waitForHeading("Klopt alles?");
        browser.click("Verstuur mijn verhaal");
        browser.waitForHeading("Het versturen is niet gelukt");
        assertThat(Database.storyCount(dataSource, slug)).isZero();
    }
}
