package nl.vertelpunt.story.imports;

import static nl.vertelpunt.testing.Fixtures.as;
import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.vertelpunt.testing.Database;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StoryImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    // ---- helpers -----------------------------------------------------------------------------------------

    private static byte[] resource(String name) {
        try (InputStream in = StoryImportTest.class.getResourceAsStream("/imports/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode mapping(String name) {
        try {
            return (ObjectNode) JSON.readTree(resource(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Publishes the test story point ({@code imports/storypoint.json}) under a fresh slug. */
    private static String publish(String prefix) {
        String slug = uniqueSlug(prefix);
        ObjectNode definition = mapping("storypoint.json");
        definition.put("slug", slug);
        asAdmin()
                .contentType("application/json")
                .body(definition.toString())
                .put("/api/storypoints/" + slug)
                .then()
                .statusCode(201);
        return slug;
    }

    private static ValidatableResponse post(
            RequestSpecification request, String slug, Object mapping, byte[] file, String query) {
        byte[] mappingBytes =
                mapping instanceof byte[] b ? b : mapping.toString().getBytes(StandardCharsets.UTF_8);
        return request.multiPart("mapping", "mapping.json", mappingBytes, "application/json")
                .multiPart("file", "stories.csv", file, "text/csv")
                .post("/api/storypoints/" + slug + "/imports" + query)
                .then()
                .log()
                .ifValidationFails();
    }

    private static ValidatableResponse importFile(String slug, Object mapping, byte[] file) {
        return post(asAdmin(), slug, mapping, file, "");
    }

    /** The story point's CSV export, each row as a map from column to cell, keyed by the story's title or else its text. */
    private static Map<String, Map<String, String>> exported(String slug) {
        String csv = asAdmin()
                .get("/api/storypoints/" + slug + "/stories.csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Map<String, Map<String, String>> stories = new HashMap<>();
        try (CSVParser parser =
                CSVParser.parse(csv, CSVFormat.RFC4180.builder().setHeader().get())) {
            for (CSVRecord r : parser) {
                Map<String, String> row = new LinkedHashMap<>(r.toMap());
                String key = row.get("title").isEmpty() ? row.get("text") : row.get("title");
                assertThat(stories.put(key, row)).as("one story for " + key).isNull();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stories;
    }

    /** Every column of an exported story but its id, in export order. */
    private static Map<String, String> withoutId(Map<String, String> row) {
        Map<String, String> copy = new LinkedHashMap<>(row);
        copy.remove("id");
        return copy;
    }

    private static Map<String, String> story(
            String submittedAt, String role, String language, String title, String text, String... answers) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("submitted_at", submittedAt);
        row.put("role", role);
        row.put("channel", "import");
        row.put("language", language);
        row.put("title", title);
        row.put("text", text);
        List<String> questions = List.of(
                "gevoel",
                "gevoel-anders",
                "gevolg",
                "omvang",
                "omvang-tekst",
                "omvang-naam",
                "omvang-mix",
                "omvang-anders",
                "nodig",
                "nodig-lijst",
                "nodig-index",
                "nodig-janee",
                "gehoord",
                "op-tijd",
                "balans",
                "werkdruk",
                "tip");
        questions.forEach(q -> row.put(q, ""));
        for (int i = 0; i < answers.length; i += 2) {
            assertThat(questions).contains(answers[i]);
            row.put(answers[i], answers[i + 1]);
        }
        return row;
    }

    // ---- reading ---------------------------------------------------------------------------------------

    @Test
    void shouldImportANarraFirmaExportReadingEveryKindOfColumn() {
        String slug = publish("narrafirma");
        importFile(slug, mapping("narrafirma-mapping.json"), resource("narrafirma-stories.csv"))
                .statusCode(200)
                .body("dryRun", equalTo(false))
                .body("rows", equalTo(4))
                .body("created", equalTo(4))
                .body("updated", equalTo(0))
                .body("refused", equalTo(0))
                .body("problemCount", equalTo(0));

        Map<String, Map<String, String>> stories = exported(slug);
        assertThat(stories).hasSize(4);
        String needed = "hulp|gehoord";
        assertThat(withoutId(stories.get("Eindelijk een vaste hulpverlener")))
                .containsExactlyEntriesOf(story(
                        "2021-07-27T22:00:00Z",
                        "ouder",
                        "nl",
                        "Eindelijk een vaste hulpverlener",
                        "Na maanden wachten kregen we een vaste hulpverlener. Ze luisterde echt naar ons.",
                        "gevoel",
                        "blij|opgelucht",
                        "omvang",
                        "gezin",
                        "omvang-tekst",
                        "gezin",
                        "omvang-naam",
                        "gezin",
                        "omvang-mix",
                        "gezin",
                        "nodig",
                        needed,
                        "nodig-lijst",
                        needed,
                        "nodig-index",
                        needed,
                        "nodig-janee",
                        needed,
                        "gehoord",
                        "100",
                        "op-tijd",
                        "67"));
        String both = "respect|vertrouwen";
        assertThat(withoutId(stories.get("Niemand belde terug")))
                .containsExactlyEntriesOf(story(
                        "2021-07-29T10:15:00Z",
                        "professional",
                        "en",
                        "Niemand belde terug",
                        "Ik had drie keer gebeld, maar \"niemand\" belde terug.\r\nToen heb ik het opgegeven, voor nu.",
                        "gevoel",
                        "boos|verdrietig",
                        "gevoel-anders",
                        "machteloos",
                        "omvang",
                        "keten",
                        "omvang-tekst",
                        "keten",
                        "omvang-naam",
                        "keten",
                        "omvang-anders",
                        "Iedereen",
                        "nodig",
                        both,
                        "nodig-lijst",
                        both,
                        "nodig-index",
                        both,
                        "nodig-janee",
                        both,
                        "gehoord",
                        "0",
                        "op-tijd",
                        "0"));
        assertThat(withoutId(stories.get("Mijn eigen plan")))
                .containsExactlyEntriesOf(story(
                        "2021-08-03T14:45:00Z",
                        "jongere",
                        "nl",
                        "Mijn eigen plan",
                        "Ik mocht zelf kiezen welke begeleider ik kreeg. Dat maakte het verschil.",
                        "gevoel-anders",
                        "trots",
                        "omvang",
                        "kind",
                        "omvang-tekst",
                        "kind",
                        "omvang-naam",
                        "kind",
                        "omvang-anders",
                        "Alleen ik",
                        "nodig",
                        "keuze",
                        "nodig-lijst",
                        "keuze",
                        "nodig-index",
                        "keuze",
                        "nodig-janee",
                        "keuze",
                        "gehoord",
                        "NA",
                        "op-tijd",
                        "100"));
        String untitled = "Het gesprek op school ging over ons allemaal, ook over de mentor.";
        assertThat(withoutId(stories.get(untitled)))
                .containsExactlyEntriesOf(story(
                        "2021-06-12T07:00:00Z",
                        "ouder",
                        "nl",
                        "",
                        untitled,
                        "omvang",
                        "team",
                        "omvang-tekst",
                        "team",
                        "omvang-naam",
                        "team",
                        "omvang-mix",
                        "team",
                        "gehoord",
                        "49",
                        "op-tijd",
                        "44"));

        String id = stories.get("Niemand belde terug").get("id");
        assertThat(id).matches("[0-9A-Z]{16}");
        asAdmin()
                .get("/api/storypoints/" + slug + "/stories/" + id)
                .then()
                .statusCode(200)
                .body("channel", equalTo("import"))
                .body("version", equalTo(1))
                .body(
                        "answers",
                        equalTo(Map.ofEntries(
                                Map.entry("gevoel", List.of("boos", "verdrietig")),
                                Map.entry("gevoel-anders", "machteloos"),
                                Map.entry("omvang", "keten"),
                                Map.entry("omvang-tekst", "keten"),
                                Map.entry("omvang-naam", "keten"),
                                Map.entry("omvang-anders", "Iedereen"),
                                Map.entry("nodig", List.of("respect", "vertrouwen")),
                                Map.entry("nodig-lijst", List.of("respect", "vertrouwen")),
                                Map.entry("nodig-index", List.of("respect", "vertrouwen")),
                                Map.entry("nodig-janee", List.of("respect", "vertrouwen")),
                                Map.entry("gehoord", 0),
                                Map.entry("op-tijd", 0))));
    }

    @Test
    void shouldImportASenseMakerStyleTableWithTriadsAndNotApplicableColumns() {
        String slug = publish("sensemaker");
        RequestSpecification request = asAdmin()
                .multiPart(new MultiPartSpecBuilder(
                                new String(resource("sensemaker-mapping.json"), StandardCharsets.UTF_8))
                        .controlName("mapping")
                        .mimeType("application/json")
                        .charset(StandardCharsets.UTF_8)
                        .build());
        request.multiPart("file", "stories.csv", resource("sensemaker-stories.csv"), "text/csv")
                .post("/api/storypoints/" + slug + "/imports")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("rows", equalTo(4))
                .body("created", equalTo(4))
                .body("unused.column", equalTo(List.of("Device")));

        String base = "/api/storypoints/" + slug + "/stories/";
        asAdmin()
                .get(base + "sm-001")
                .then()
                .statusCode(200)
                .body("role", equalTo("ouder"))
                .body("channel", equalTo("verteltafel"))
                .body("language", equalTo("nl"))
                .body("title", equalTo("Samen aan tafel"))
                .body("submittedAt", equalTo("2021-03-15T08:30:00Z"))
                .body(
                        "answers",
                        equalTo(Map.of(
                                "gevolg",
                                "positief",
                                "gehoord",
                                72,
                                "op-tijd",
                                35,
                                "balans",
                                List.of(50, 30, 20),
                                "tip",
                                "Meer tijd voor het eerste gesprek")));
        asAdmin()
                .get(base + "sm-002")
                .then()
                .statusCode(200)
                .body("role", equalTo("professional"))
                .body("language", equalTo("en"))
                .body("title", nullValue())
                .body("submittedAt", equalTo("2021-03-15T23:00:00Z"))
                .body(
                        "answers",
                        equalTo(Map.of(
                                "gevolg",
                                "zeer-negatief",
                                "gehoord",
                                "NA",
                                "op-tijd",
                                88,
                                "balans",
                                List.of(33, 33, 34),
                                "werkdruk",
                                64)));
        asAdmin()
                .get(base + "sm-003")
                .then()
                .statusCode(200)
                .body("role", equalTo("jongere"))
                .body("submittedAt", equalTo("2021-03-17T07:00:00Z"))
                .body("answers", equalTo(Map.of("gehoord", 0, "op-tijd", 100, "balans", List.of(11, 60, 29))));
        asAdmin()
                .get(base + "sm-004")
                .then()
                .statusCode(200)
                .body("submittedAt", equalTo("2021-03-18T12:00:00Z"))
                .body(
                        "answers",
                        equalTo(Map.of(
                                "gevolg",
                                "negatief",
                                "gehoord",
                                100,
                                "op-tijd",
                                0,
                                "balans",
                                List.of(20, 30, 50),
                                "werkdruk",
                                "NA")));
    }

    // ---- all or nothing, dry run -------------------------------------------------------------------------

    @Test
    void shouldStoreNothingWhenOneRowDoesNotFitAndListEveryBadLine() {
        String slug = publish("allornothing");
        String header = new String(resource("sensemaker-stories.csv"), StandardCharsets.UTF_8).split("\r\n")[0];
        StringBuilder file = new StringBuilder(header).append("\r\n");
        for (int i = 1; i <= 1200; i++) {
            file.append("ok-")
                    .append(i)
                    .append(",2021-03-15,Parent,nl,,Een verhaal van een ouder over de hulp,")
                    .append("Positive,")
                    .append(i % 101)
                    .append(",,50,20,30,50,,,,\r\n");
        }
        file.append("bad-1,2021-03-15,Parent,nl,,Een verhaal,Positive,50,,50,50,30,10,,,,\r\n") // line 1202
                .append("bad-2,15-03-2021,Parent,nl,,Een verhaal,Great,50,,50,,,,,,,\r\n") // line 1203
                .append("bad-3,2021-03-15,Parent,nl,Zonder tekst,,,50,,50,,,,70,,,\r\n") // line 1204
                .append("ok-7,2021-03-15,Youth,nl,,\"Twee\r\nregels\",,101,x,50,,,,,,,\r\n") // line 1205
                .append("bad-5,2021-03-15,Parent\r\n"); // line 1207
        post(
                        asAdmin(),
                        slug,
                        mapping("sensemaker-mapping.json"),
                        file.toString().getBytes(StandardCharsets.UTF_8),
                        "")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("title", equalTo("Import refused"))
                .body("detail", equalTo("8 problems in 5 of 1205 rows; nothing was stored"))
                .body("errors.line", equalTo(List.of(1202, 1203, 1203, 1204, 1204, 1205, 1205, 1207)))
                .body(
                        "errors.find { it.line == 1202 }.field",
                        equalTo("Balance - Help % + Balance - People % + Balance - Rules %"))
                .body(
                        "errors.find { it.line == 1202 }.message",
                        equalTo("question 'balans': the shares add up to 90, not 100 (± 1)"))
                .body("errors.findAll { it.line == 1203 }.field", equalTo(List.of("Date", "Outcome")))
                .body(
                        "errors.findAll { it.line == 1204 }.field",
                        equalTo(List.of("Story", "Workload + Workload - N/A")))
                .body(
                        "errors.find { it.line == 1204 && it.field == 'Workload + Workload - N/A' }.message",
                        equalTo("question 'werkdruk': is not asked to storytellers with role 'ouder'"))
                .body(
                        "errors.findAll { it.line == 1205 }.field",
                        equalTo(List.of("Respondent ID", "Heard + Heard - N/A")))
                .body(
                        "errors.find { it.line == 1205 && it.field == 'Respondent ID' }.message",
                        equalTo("'ok-7' is also the id of the story on line 8"))
                .body("errors.find { it.line == 1207 }.field", equalTo("row"));
        assertThat(Database.storyCount(dataSource, slug)).isZero();
    }

    @Test
    void shouldExplainEveryColumnOnADryRunAndStoreNothing() {
        String slug = publish("dryrun");
        String bad =
                "Te laat,Het duurde veel te lang voordat er iemand kwam.,2021-08-04,Nederlands,Ouder,,,,,,7,Team,Team,Team,"
                        + ",,,,,,,,,,,,50,12,\r\n";
        byte[] file = (new String(resource("narrafirma-stories.csv"), StandardCharsets.UTF_8) + bad)
                .getBytes(StandardCharsets.UTF_8);
        ValidatableResponse r = post(asAdmin(), slug, mapping("narrafirma-mapping.json"), file, "?dryRun=true")
                .statusCode(200)
                .body("dryRun", equalTo(true))
                .body("rows", equalTo(5))
                .body("created", equalTo(4))
                .body("updated", equalTo(0))
                .body("refused", equalTo(1))
                .body("problemCount", equalTo(2))
                .body(
                        "problems",
                        equalTo(List.of(
                                Map.of(
                                        "line",
                                        9,
                                        "column",
                                        "Omvang index",
                                        "question",
                                        "omvang",
                                        "message",
                                        "'7' is not an option number from 1 to 4"),
                                Map.of(
                                        "line",
                                        9,
                                        "column",
                                        "Op tijd",
                                        "question",
                                        "op-tijd",
                                        "message",
                                        "'12' is outside 1..10 (mapping.questions.op-tijd.from)"))))
                .body("unused", equalTo(List.of(Map.of("column", "Leeftijd", "number", 29, "filled", 3))));
        r.body(
                "columns.find { it.column == 'Omvang index' }",
                equalTo(Map.of(
                        "column",
                        "Omvang index",
                        "number",
                        11,
                        "question",
                        "omvang",
                        "read",
                        "index",
                        "how",
                        "an option number: 1 = kind, 2 = gezin, 3 = team, 4 = keten",
                        "filled",
                        5,
                        "examples",
                        List.of(
                                Map.of("cell", "2", "answer", "gezin"),
                                Map.of("cell", "4", "answer", "keten"),
                                Map.of("cell", "1", "answer", "kind")))));
        r.body("columns.find { it.column == 'Gevoel' && it.position == 4 }.option", equalTo("opgelucht"))
                .body(
                        "columns.find { it.column == 'Gevoel' && it.position == 4 }.examples",
                        equalTo(List.of(Map.of("cell", "opgelucht", "answer", "opgelucht"))))
                .body(
                        "columns.find { it.column == 'Gehoord' }.how",
                        equalTo(
                                "a number from 1 to 100, rescaled linearly to "
                                        + "0..100 and rounded (1 becomes 0, 100 becomes 100); 'Weet niet' means not applicable (NA); empty means unanswered"))
                .body(
                        "columns.find { it.column == 'Gehoord' }.examples",
                        equalTo(List.of(
                                Map.of("cell", "100", "answer", 100),
                                Map.of("cell", "1", "answer", 0),
                                Map.of("cell", "Weet niet", "answer", "NA"))))
                .body(
                        "columns.find { it.column == 'Omvang met eigen antwoorden' }.examples",
                        equalTo(List.of(
                                Map.of("cell", "Gezin", "answer", "gezin"),
                                Map.of("cell", "Team", "answer", "team"),
                                Map.of(
                                        "cell",
                                        "Iedereen",
                                        "answer",
                                        "Iedereen",
                                        "note",
                                        "write-in, kept as text in 'omvang-anders'"),
                                Map.of(
                                        "cell",
                                        "Alleen ik",
                                        "answer",
                                        "Alleen ik",
                                        "note",
                                        "write-in, kept as text in 'omvang-anders'"))))
                .body(
                        "columns.find { it.column == 'Nodig ja/nee: respect' }.how",
                        equalTo("'Yes' chooses 'respect'; empty or 'No' does not"))
                .body("columns.find { it.column == 'Position' }.field", equalTo("role"))
                .body(
                        "columns.find { it.column == 'Position' }.examples",
                        equalTo(List.of(
                                Map.of("cell", "Ouder", "answer", "ouder"),
                                Map.of("cell", "Hulpverlener", "answer", "professional"),
                                Map.of("cell", "Jongere", "answer", "jongere"))))
                .body(
                        "columns.find { it.column == 'Collection date' }.examples[0]",
                        equalTo(Map.of("cell", "2021-07-28", "answer", "2021-07-27T22:00:00Z")))
                .body(
                        "columns.column",
                        hasItems(
                                "Story title",
                                "Story text",
                                "Language",
                                "WRITEIN_Gevoel",
                                "Nodig lijst",
                                "Nodig index"))
                .body("columns.size()", equalTo(28));
        assertThat(Database.storyCount(dataSource, slug)).isZero();

        importFile(slug, mapping("narrafirma-mapping.json"), resource("narrafirma-stories.csv"))
                .statusCode(200);
        post(asAdmin(), slug, mapping("narrafirma-mapping.json"), file, "?dryRun=true")
                .statusCode(200)
                .body("created", equalTo(0))
                .body("updated", equalTo(4))
                .body("refused", equalTo(1));
        assertThat(Database.storyCount(dataSource, slug)).isEqualTo(4);
    }

    @Test
    void shouldRefuseAMappingThatDoesNotFitTheFileOrTheStoryPoint() {
        String slug = publish("mapping");
        ObjectNode mapping = mapping("narrafirma-mapping.json");
        mapping.put("text", "Verhaal");
        ((ObjectNode) mapping.get("questions").get("gehoord")).putArray("from").add(1);
        ((ObjectNode) mapping.get("questions"))
                .putObject("bestaat-niet")
                .put("read", "text")
                .put("column", "Leeftijd");
        ((ObjectNode) mapping.get("questions").get("op-tijd")).put("read", "triad");
        for (String query : List.of("", "?dryRun=true")) {
            post(asAdmin(), slug, mapping, resource("narrafirma-stories.csv"), query)
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("title", equalTo("Mapping refused"))
                    .body(
                            "errors.field",
                            equalTo(List.of(
                                    "mapping.text",
                                    "mapping.questions.gehoord.from",
                                    "mapping.questions.op-tijd.read",
                                    "mapping.questions.bestaat-niet")))
                    .body("errors[0].message", equalTo("'Verhaal' is not a column of the file"));
        }
        post(
                        asAdmin(),
                        slug,
                        "{\"format\": \"excel\", \"text\": \"Story text\"}",
                        resource("narrafirma-stories.csv"),
                        "")
                .statusCode(422)
                .body("errors.field", equalTo(List.of("mapping.format")));
        assertThat(Database.storyCount(dataSource, slug)).isZero();
    }

    // ---- re-import ---------------------------------------------------------------------------------------

    @Test
    void shouldNotDuplicateStoriesWhenTheSameFileIsImportedAgain() {
        String slug = publish("reimport");
        importFile(slug, mapping("narrafirma-mapping.json"), resource("narrafirma-stories.csv"))
                .statusCode(200)
                .body("created", equalTo(4));
        Map<String, Map<String, String>> first = exported(slug);
        importFile(slug, mapping("narrafirma-mapping.json"), resource("narrafirma-stories.csv"))
                .statusCode(200)
                .body("created", equalTo(0))
                .body("updated", equalTo(4));
        assertThat(exported(slug)).isEqualTo(first);

        ObjectNode fewer = mapping("narrafirma-mapping.json");
        ((ObjectNode) fewer.get("questions")).remove("op-tijd");
        importFile(slug, fewer, resource("narrafirma-stories.csv"))
                .statusCode(200)
                .body("created", equalTo(0))
                .body("updated", equalTo(4));
        assertThat(exported(slug)).hasSize(4).allSatisfy((title, row) -> {
            assertThat(row.get("id")).isEqualTo(first.get(title).get("id"));
            assertThat(row.get("op-tijd")).isEmpty();
        });

        importFile(slug, mapping("sensemaker-mapping.json"), resource("sensemaker-stories.csv"))
                .statusCode(200)
                .body("created", equalTo(4));
        importFile(slug, mapping("sensemaker-mapping.json"), resource("sensemaker-stories.csv"))
                .statusCode(200)
                .body("created", equalTo(0))
                .body("updated", equalTo(4));
        assertThat(Database.storyCount(dataSource, slug)).isEqualTo(8);
    }

    @Test
    void shouldKeepTheTimeOfAStoryWhenAFileWithoutDatesIsImportedAgain() throws InterruptedException {
        String slug = publish("nodates");
        ObjectNode mapping = mapping("sensemaker-mapping.json");
        mapping.remove("date");
        importFile(slug, mapping, resource("sensemaker-stories.csv"))
                .statusCode(200)
                .body("created", equalTo(4));
        String first = asAdmin()
                .get("/api/storypoints/" + slug + "/stories/sm-001")
                .then()
                .extract()
                .path("submittedAt");
        Thread.sleep(1100);
        importFile(slug, mapping, resource("sensemaker-stories.csv"))
                .statusCode(200)
                .body("updated", equalTo(4));
        asAdmin().get("/api/storypoints/" + slug + "/stories/sm-001").then().body("submittedAt", equalTo(first));
    }

    // ---- access and requests -----------------------------------------------------------------------------

    @Test
    void shouldLetOnlyAdminsImport() {
        String slug = publish("access");
        String analyst = uniqueSlug("analist");
        asAdmin()
                .contentType("application/json")
                .body(Map.of(
                        "username",
                        analyst,
                        "password",
                        "een-lang-wachtwoord",
                        "roles",
                        List.of("analyst"),
                        "storyPoints",
                        List.of(slug)))
                .post("/api/users")
                .then()
                .statusCode(201);
        byte[] file = resource("sensemaker-stories.csv");
        post(as(analyst, "een-lang-wachtwoord"), slug, mapping("sensemaker-mapping.json"), file, "?dryRun=true")
                .statusCode(403)
                .contentType("application/problem+json");
        post(RestAssured.given(), slug, mapping("sensemaker-mapping.json"), file, "")
                .statusCode(401)
                .contentType("application/problem+json");
        assertThat(Database.storyCount(dataSource, slug)).isZero();
    }

    @Test
    void shouldRefuseARequestWithoutItsPartsOrWithABrokenMappingOrFile() {
        String slug = publish("requests");
        String url = "/api/storypoints/" + slug + "/imports";
        byte[] mapping = mapping("sensemaker-mapping.json").toString().getBytes(StandardCharsets.UTF_8);
        asAdmin()
                .multiPart("mapping", "mapping.json", mapping, "application/json")
                .post(url)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("file"));
        asAdmin()
                .multiPart("file", "stories.csv", resource("sensemaker-stories.csv"), "text/csv")
                .post(url)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("mapping"));
        post(asAdmin(), slug, mapping, resource("sensemaker-stories.csv"), "?dryRun=maybe")
                .statusCode(400)
                .body("errors[0].field", equalTo("dryRun"));
        post(asAdmin(), slug, "{\"format\": \"columns\",", resource("sensemaker-stories.csv"), "")
                .statusCode(400)
                .body("errors[0].field", equalTo("mapping"))
                .body("errors[0].message", containsString("not valid JSON"));
        post(
                        asAdmin(),
                        slug,
                        "{\"format\": \"columns\", \"format\": \"narrafirma\"}",
                        resource("sensemaker-stories.csv"),
                        "")
                .statusCode(400)
                .body("errors[0].field", equalTo("mapping"))
                .body("errors[0].message", containsString("Duplicate field"));
        post(asAdmin(), slug, "[]", resource("sensemaker-stories.csv"), "")
                .statusCode(400)
                .body("errors[0].field", equalTo("mapping"));
        post(asAdmin(), slug, mapping, "\r\n,,\r\n".getBytes(StandardCharsets.UTF_8), "")
                .statusCode(422)
                .body("errors[0].field", equalTo("file"))
                .body("errors[0].message", containsString("no header line"));
        byte[] latin1 = (new String(resource("sensemaker-stories.csv"), StandardCharsets.UTF_8)
                        + "sm-9,2021-03-15,Parent,nl,,Caf\u00e9,,,,,,,,,,,\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        post(asAdmin(), slug, mapping, latin1, "")
                .statusCode(422)
                .body(
                        "errors",
                        equalTo(List.of(Map.of(
                                "field",
                                "Story",
                                "line",
                                6,
                                "message",
                                "'Caf\uFFFD' is not valid UTF-8; save the file as UTF-8"))));
        post(asAdmin(), "bestaat-niet", mapping, resource("sensemaker-stories.csv"), "")
                .statusCode(404)
                .contentType("application/problem+json");
        asAdmin()
                .contentType("text/csv")
                .body(resource("sensemaker-stories.csv"))
                .post(url)
                .then()
                .statusCode(415);
        byte[] cutShort = "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nStory"
                .getBytes(StandardCharsets.UTF_8);
        asAdmin()
                .contentType("multipart/form-data; boundary=XYZ")
                .body(cutShort)
                .post(url)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        assertThat(Database.storyCount(dataSource, slug)).isZero();
    }
}
