package nl.vertelpunt.sample;

import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.vertelpunt.story.StoryCsv;
import nl.vertelpunt.storypoint.SampleStoryPoints;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
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
}
