package nl.vertelpunt.evaluation;

import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.vertelpunt.sample.PatternedStones;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import nl.vertelpunt.testing.Planted;
import org.junit.jupiter.api.Test;

/**
 * Each item of a stones question is two slider variables in the evaluation ({@code question:item:x}, {@code
 * question:item:y}): read from the database, tested like every slider, found when planted, named for staff, and
 * made into a card.
 */
@QuarkusTest
class StonesEvaluationTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /** Publishes the stones story point, imports {@code count} generated stories, evaluates them; the result. */
    private static Result evaluated(boolean planted, long seed, int count) throws Exception {
        String slug = Planted.stonesStoryPoint(planted ? "stones-planted" : "stones-plain", planted, seed, count);
        String run = Planted.evaluate(slug);
        JsonNode result = JSON.readTree(asAdmin().get("/api/evaluations/" + run).asString())
                .path("result");
        return new Result(slug, run, result);
    }

    private record Result(String slug, String run, JsonNode result) {

        List<String> strong() {
            List<String> keys = new ArrayList<>();
            result.path("patterns").forEach(p -> {
                if (p.path("strong").asBoolean()) {
                    List<String> parts = new ArrayList<>();
                    p.path("questions").forEach(q -> parts.add(q.asText()));
                    keys.add(String.join("|", parts));
                }
            });
            return keys;
        }
    }

    @Test
    void shouldFindThePlantedPatternOnAStonesAxis() throws Exception {
        Result planted = evaluated(true, 18, 400);
        assertThat(planted.strong()).contains(PatternedStones.PLANTED);
        assertThat(planted.strong()).allMatch(k -> k.startsWith("steun:familie:y|"), "only the planted axis is strong");
        // every item gives its two axes as sliders, with the labels staff read
        List<String> sliders = new ArrayList<>();
        planted.result().path("distributions").forEach(d -> {
            if (d.path("type").asText().equals("slider")) {
                sliders.add(d.path("variable").asText());
            }
        });
        assertThat(sliders)
                .containsExactly(
                        "gehoord",
                        "steun:familie:x",
                        "steun:familie:y",
                        "steun:school:x",
                        "steun:school:y",
                        "steun:buurt:x",
                        "steun:buurt:y",
                        "steun:wijkteam:x",
                        "steun:wijkteam:y");
        JsonNode familyUp = distribution(planted.result(), "steun:familie:y");
        assertThat(familyUp.path("label").asText()).isEqualTo("Wie hielp?: familie (Weinig hulp – Veel hulp)");
        assertThat(familyUp.path("number").asInt()).isEqualTo(3);
        // items marked "not applicable" and items left off are kept apart
        assertThat(familyUp.path("notApplicable").asInt()).isPositive();
        assertThat(familyUp.path("unanswered").asInt()).isPositive();

        // a card of the pattern finds typical stories by the item's place
        String card = asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("runId", planted.run(), "pattern", "slider_by_choice|" + PatternedStones.PLANTED))
                .post("/api/cards")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201)
                .extract()
                .path("id");
        JsonNode view = JSON.readTree(asAdmin().get("/api/cards/" + card).asString());
        assertThat(view.toString()).contains("Wie hielp?: familie (Weinig hulp – Veel hulp)");
        assertThat(view.path("stories").size()).isPositive();
    }

    @Test
    void shouldFindNothingStrongWithoutAPlantedPattern() throws Exception {
        Result plain = evaluated(false, 18, 400);
        assertThat(plain.strong()).isEmpty();
        assertThat(plain.result().path("summary").path("tests").asInt()).isPositive();
    }

    /** The columns straight from PostgreSQL's text of a jsonb answer, without a database. */
    @Test
    void shouldReadEveryKindOfPlacementIntoTheAxes() {
        StoryPointDefinition d = PatternedStones.definition("x");
        DatasetBuilder builder = new DatasetBuilder(d, false, 3);
        // columns: gehoord (slider), gevolg (choice), steun (stones)
        assertThat(builder.columns().stream().map(q -> q.id()).toList()).containsExactly("gehoord", "gevolg", "steun");
        builder.add(
                "a",
                "ouder",
                "online",
                new String[] {"10", "positief", "{\"buurt\": \"NA\", \"familie\": [7, 93]}"},
                true,
                false,
                false);
        builder.add("b", "ouder", "online", new String[] {null, null, "{\"wijkteam\":[100,0]}"}, true, false, false);
        builder.add("c", "ouder", "online", new String[] {null, null, null}, true, false, false);
        Dataset data = builder.build();
        Map<String, byte[]> columns = new HashMap<>();
        data.sliders().forEach(s -> columns.put(s.name(), s.values()));
        assertThat(columns.get("steun:familie:x")).containsExactly(7, -1, -1);
        assertThat(columns.get("steun:familie:y")).containsExactly(93, -1, -1);
        assertThat(columns.get("steun:buurt:x")).containsExactly(-2, -1, -1);
        assertThat(columns.get("steun:wijkteam:x")).containsExactly(-1, 100, -1);
        assertThat(columns.get("steun:wijkteam:y")).containsExactly(-1, 0, -1);
        assertThat(columns.get("steun:school:y")).containsExactly(-1, -1, -1);
    }

    private static JsonNode distribution(JsonNode result, String variable) {
        for (JsonNode d : result.path("distributions")) {
            if (d.path("variable").asText().equals(variable)) {
                return d;
            }
        }
        throw new AssertionError("no distribution of " + variable);
    }
}
