package nl.vertelpunt.sample;

import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.vertelpunt.story.StoryCsv;
import nl.vertelpunt.storypoint.SampleStoryPoints;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import nl.vertelpunt.testing.Evaluations;
import nl.vertelpunt.testing.Planted;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The synthetic set looks like the national vertelpunt's stories and fits its definition exactly. */
@QuarkusTest
class SyntheticStoriesTest {

    private static String generate(int stories, long seed) throws Exception {
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        StoryPointDefinition definition =
                json.treeToValue(SampleStoryPoints.expanded("voordejeugd.json", json), StoryPointDefinition.class);
        StringWriter out = new StringWriter();
        new SyntheticStories(definition, seed).write(out, stories);
        return out.toString();
    }

    @Test
    void shouldWriteStoriesThatTheSampleStoryPointAccepts() throws Exception {
        String csv = generate(1000, 42);
        asAdmin()
                .contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/storypoints/voordejeugd/stories/import?dryRun=true")
                .then()
                .statusCode(200)
                .body("rows", equalTo(1000));
    }

    @Test
    void shouldHaveRealisticRolesAndHeapedSliders() throws Exception {
        List<CSVRecord> rows;
        try (CSVParser parser = CSVParser.parse(
                new StringReader(generate(4000, 1)),
                StoryCsv.FORMAT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            rows = parser.getRecords();
        }
        assertThat(rows).hasSize(4000);
        Map<String, Long> roles =
                rows.stream().collect(Collectors.groupingBy(r -> r.get("role"), Collectors.counting()));
        assertThat(roles.get("ouder") / 4000.0).isCloseTo(0.75, within(0.03));
        assertThat(roles.get("professional") / 4000.0).isCloseTo(0.20, within(0.03));
        assertThat(roles.get("jongere") / 4000.0).isCloseTo(0.05, within(0.02));

        List<String> heard = rows.stream()
                .map(r -> r.get("gehoord"))
                .filter(v -> !v.isEmpty() && !v.equals("NA"))
                .toList();
        long heaped = heard.stream()
                .filter(v -> v.equals("0") || v.equals("50") || v.equals("100"))
                .count();
        // 101 possible values; without heaping these three would hold about 3%
        assertThat(heaped / (double) heard.size()).isGreaterThan(0.25);
        assertThat(rows.stream().filter(r -> r.get("gehoord").equals("NA")).count())
                .isPositive();
        assertThat(rows.stream().filter(r -> r.get("gehoord").isEmpty()).count())
                .isPositive();
        // same seed, same stories
        assertThat(generate(50, 9)).isEqualTo(generate(50, 9));
    }

    /** Done when: on the sample data a facilitator opens a strong triad pattern (README, "Try it"). */
    @Test
    void shouldHoldAStrongTriadPatternInTheSampleStories() throws Exception {
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        ObjectNode definition = (ObjectNode) SampleStoryPoints.expanded("voordejeugd.json", json);
        String slug = uniqueSlug("voorbeeld");
        definition.put("slug", slug);
        definition.remove("modules");
        asAdmin()
                .contentType(ContentType.JSON)
                .body(json.writeValueAsString(definition))
                .put("/api/storypoints/" + slug)
                .then()
                .statusCode(201);
        asAdmin()
                .contentType("text/csv")
                .body(generate(1000, 42).getBytes(StandardCharsets.UTF_8))
                .post("/api/storypoints/" + slug + "/stories/import")
                .then()
                .statusCode(200);
        String id = Planted.evaluate(slug);
        JsonNode result = Evaluations.finished(id).get("result");
        System.out.printf(
                "Sample, 1,000 synthetic stories (seed 42): %d strong patterns of %d tests, %d triad x choice strong%n",
                result.at("/summary/strong").asInt(),
                result.at("/summary/tests").asInt(),
                result.at("/summary/triadByChoice").asInt());
        boolean strongTriad = false;
        for (JsonNode p : result.get("patterns")) {
            strongTriad |= p.get("kind").asText().equals("triad_by_choice")
                    && p.get("strong").asBoolean();
        }
        assertThat(strongTriad)
                .as("a strong triad × choice pattern in the sample")
                .isTrue();
    }
}
