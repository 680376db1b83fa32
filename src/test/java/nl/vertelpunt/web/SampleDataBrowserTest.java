package nl.vertelpunt.web;

import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.vertelpunt.sample.SyntheticStories;
import nl.vertelpunt.storypoint.SampleStoryPoints;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import nl.vertelpunt.testing.Evaluations;
import nl.vertelpunt.testing.Planted;
import nl.vertelpunt.testing.WorkspaceTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 18's "done when", on the sample data (1,000 synthetic stories of the national sample, as {@code generate}
 * makes them): a facilitator opens the strongest triad pattern and sees its ternary plot, opens the strongest pattern
 * of a slider by the consequence of the help and sees the words that set its groups apart, and opens the stories behind
 * the first word, which all hold it.
 */
@QuarkusTest
class SampleDataBrowserTest extends WorkspaceTest {

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static String sample() throws Exception {
        ObjectNode definition = (ObjectNode) SampleStoryPoints.expanded("voordejeugd.json", JSON);
        String slug = uniqueSlug("voorbeeld");
        definition.put("slug", slug);
        // the module's questions are written out in the expanded definition: a story point of its own
        definition.remove("modules");
        asAdmin()
                .contentType(ContentType.JSON)
                .body(JSON.writeValueAsString(definition))
                .put("/api/storypoints/" + slug)
                .then()
                .statusCode(201);
        StringWriter csv = new StringWriter();
        new SyntheticStories(JSON.treeToValue(definition, StoryPointDefinition.class), 42).write(csv, 1000);
        asAdmin()
                .contentType("text/csv")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/storypoints/" + slug + "/stories/import")
                .then()
                .statusCode(200);
        return slug;
    }

    /** The rank of the first (strongest) strong pattern of this kind, whose second variable is {@code second}. */
    private static int strongest(JsonNode result, String kind, String second) {
        for (JsonNode p : result.get("patterns")) {
            if (p.get("kind").asText().equals(kind)
                    && p.get("strong").asBoolean()
                    && (second == null || p.at("/questions/1").asText().equals(second))) {
                return p.get("rank").asInt();
            }
        }
        throw new AssertionError("no strong " + kind + " pattern in the sample");
    }

    @Test
    void shouldShowATriadPatternAndTheWordsBehindAPatternOnTheSampleData() throws Exception {
        String slug = sample();
        String run = Planted.evaluate(slug);
        JsonNode result = Evaluations.finished(run).get("result");
        int triad = strongest(result, "triad_by_choice", null);
        int slider = strongest(result, "slider_by_choice", "gevolg");

        signInAsAdmin();
        browser.open(workspace("/" + slug + "/evaluaties/" + run + "/patronen/" + triad));
        WebElement plot = browser.waitFor(By.cssSelector(".ternary-plot svg[role='img']"));
        assertThat(plot.getAttribute("aria-label")).isNotBlank();
        assertThat(browser.findAll(".ternary-legend li")).hasSizeGreaterThanOrEqualTo(2);

        browser.open(workspace("/" + slug + "/evaluaties/" + run + "/patronen/" + slider));
        waitForText("#words-heading", "Woorden die opvallen in de verhalen van");
        WebElement link = waiting()
                .until(d -> d.findElements(By.cssSelector(".word-link")).stream()
                        .findFirst()
                        .orElse(null));
        String word = link.getText();
        browser.checkScreen("voorbeeld-woorden");
        link.click();
        waiting().until(d -> d.getCurrentUrl().contains("/verhalen"));
        waitForText("#results", "verhalen gevonden");
        assertThat(browser.find("#story-search").getAttribute("value")).isEqualTo(word);
        Matcher count = Pattern.compile("^([\\d.]+) verhal")
                .matcher(browser.find("#results").getText());
        assertThat(count.find()).isTrue();
        int found = Integer.parseInt(count.group(1).replace(".", ""));
        assertThat(found).isPositive();
        // every story shown holds the word, as the search reads it
        long total = asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("q", word, "size", 1))
                .post("/api/storypoints/" + slug + "/stories/search")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("total");
        assertThat((long) found).isLessThanOrEqualTo(total);
    }
}
