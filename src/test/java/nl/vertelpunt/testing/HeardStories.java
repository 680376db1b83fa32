package nl.vertelpunt.testing;

import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import nl.vertelpunt.sample.SyntheticStories;
import nl.vertelpunt.story.StoryCsv;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Synthetic stories of a published story point (told from mid-May to mid-August 2019) whose slider {@code gehoord}
 * is drawn evenly from a range of the caller's choice, so that story points can be made to differ on it.
 */
public final class HeardStories {

    private static final ObjectMapper JSON = new ObjectMapper()
            .findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private HeardStories() {}

    /** Imports {@code count} stories, ids starting with {@code idPrefix}, with {@code gehoord} from low to high. */
    public static void importInto(String slug, String idPrefix, int count, long seed, int low, int high)
            throws Exception {
        StoryPointDefinition definition = JSON.treeToValue(
                JSON.readTree(asAdmin().get("/api/storypoints/" + slug).asString())
                        .get("definition"),
                StoryPointDefinition.class);
        StringWriter generated = new StringWriter();
        new SyntheticStories(definition, seed).write(generated, count);
        List<String> ids = definition.questions().stream().map(q -> q.id()).toList();
        StringWriter planted = new StringWriter();
        StoryCsv.Printer printer = new StoryCsv.Printer(planted, ids);
        Random random = new Random(seed);
        try (CSVParser parser = CSVParser.parse(
                new StringReader(generated.toString()),
                StoryCsv.FORMAT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            List<String> header = parser.getHeaderNames();
            for (CSVRecord row : parser) {
                List<String> cells = new ArrayList<>(row.toList());
                cells.set(header.indexOf("id"), idPrefix + row.get("id"));
                cells.set(header.indexOf("gehoord"), Integer.toString(low + random.nextInt(high - low + 1)));
                printer.row(cells);
            }
        }
        printer.flush();
        asAdmin()
                .contentType("text/csv")
                .body(planted.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/storypoints/" + slug + "/stories/import")
                .then()
                .statusCode(200)
                .body("created", equalTo(count));
    }
}
