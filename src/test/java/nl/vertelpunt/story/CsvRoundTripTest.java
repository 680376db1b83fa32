package nl.vertelpunt.story;

import static io.restassured.RestAssured.given;
import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.publishedStoryPoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.vertelpunt.sample.SyntheticStories;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import nl.vertelpunt.testing.Database;
import nl.vertelpunt.testing.Fixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CsvRoundTripTest {

    private static final String HEADER =
            "id,submitted_at,role,channel,language,title,text,gevolg,gehoord,op-tijd,themas,balans,tip,werkdruk\r\n";

    /** Written by hand in the exchange format: quotes, commas, CRLF and LF inside texts, emoji, '|' in a text answer. */
    static final String FILE = HEADER
            + "ext-001,2019-05-20T08:15:00Z,ouder,import,nl,\"Wachten, wachten, wachten\","
            + "\"We wachtten 9 maanden. De hulpverlener zei: \"\"Daar kan ik niets aan doen.\"\"\r\nToen hebben we zelf gebeld.\","
            + "zeer-negatief,NA,0,school|thuis,10|20|70,,\r\n"
            + "A.b_c-9,2019-06-01T12:00:00Z,jongere,online,nl,,\"Ik voelde me gehoord \uD83D\uDE42\nEcht waar, één keer!\","
            + "positief,100,55,,50|50|0,\"Tip: luister | en \"\"vraag door\"\"\",\r\n"
            + "syn-000003,2019-07-14T23:59:59Z,professional,verteltafel,en,Café & co,Plain text without specials,"
            + "negatief,,,werk,0|0|100,,73\r\n"
            + "x4,2019-08-01T00:00:00Z,ouder,papier,nl,Titel,\"Één, twee, drie \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 — klaar\",,,,,,,\r\n";

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Inject
    AgroalDataSource dataSource;

    private static ValidatableResponse importCsv(String slug, byte[] body, String query) {
        return asAdmin()
                .contentType("text/csv; charset=UTF-8")
                .body(body)
                .post("/api/storypoints/" + slug + "/stories/import" + query)
                .then()
                .log()
                .ifValidationFails();
    }

    private static byte[] exportCsv(String slug) {
        return asAdmin()
                .get("/api/storypoints/" + slug + "/stories.csv")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
    }

    @Test
    void shouldExportExactlyTheBytesThatWereImported() {
        String slug = publishedStoryPoint("roundtrip");
        byte[] file = FILE.getBytes(StandardCharsets.UTF_8);
        importCsv(slug, file, "")
                .statusCode(200)
                .body("rows", equalTo(4))
                .body("created", equalTo(4))
                .body("updated", equalTo(0))
                .body("dryRun", equalTo(false));

        byte[] exported = asAdmin()
                .get("/api/storypoints/" + slug + "/stories.csv")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString(slug + "-stories.csv"))
                .extract()
                .asByteArray();
        assertThat(new String(exported, StandardCharsets.UTF_8)).isEqualTo(FILE);
        assertThat(exported).isEqualTo(file);

        asAdmin()
                .get("/api/storypoints/" + slug + "/stories/ext-001")
                .then()
                .statusCode(200)
                .body("channel", equalTo("import"))
                .body(
                        "text",
                        equalTo(
                                "We wachtten 9 maanden. De hulpverlener zei: \"Daar kan ik niets aan doen.\"\r\nToen hebben we zelf gebeld."))
                .body(
                        "answers",
                        equalTo(Map.of(
                                "gevolg",
                                "zeer-negatief",
                                "gehoord",
                                "NA",
                                "op-tijd",
                                0,
                                "themas",
                                List.of("school", "thuis"),
                                "balans",
                                List.of(10, 20, 70))));
    }

    @Test
    void shouldNotDuplicateStoriesWhenTheSameFileIsImportedAgain() {
        String slug = publishedStoryPoint("reimport");
        byte[] file = FILE.getBytes(StandardCharsets.UTF_8);
        importCsv(slug, file, "").statusCode(200).body("created", equalTo(4));
        importCsv(slug, file, "").statusCode(200).body("created", equalTo(0)).body("updated", equalTo(4));
        assertThat(Database.storyCount(dataSource, slug)).isEqualTo(4);
    }

    @Test
    void shouldOnlyCheckTheFileOnADryRun() {
        String slug = publishedStoryPoint("dryrun");
        importCsv(slug, FILE.getBytes(StandardCharsets.UTF_8), "?dryRun=true")
                .statusCode(200)
                .body("rows", equalTo(4))
                .body("created", equalTo(4))
                .body("dryRun", equalTo(true));
        assertThat(Database.storyCount(dataSource, slug)).isZero();
        importCsv(slug, FILE.getBytes(StandardCharsets.UTF_8), "?dryRun=maybe")
                .statusCode(400)
                .body("errors[0].field", equalTo("dryRun"));
    }

    @Test
    void shouldStoreNothingWhenAnyRowIsWrongAndListEveryBadLine() {
        String slug = publishedStoryPoint("allornothing");
        String file = HEADER
                + "ok-1,2019-05-20T08:15:00Z,ouder,,nl,,Een goed verhaal van genoeg woorden,positief,50,,,,,\r\n"
                + "bad-2,2019-05-21T08:15:00Z,ouder,,nl,,\"Een verhaal\r\nover drie\r\nregels\",positief,101,,,,,\r\n"
                + "bad-3,2019-05-22T08:15:00Z,opa,,nl,,Tekst,,,,,,,\r\n"
                + "bad-4,2019-05-22T08:15:00Z,ouder\r\n"
                + "bad-5,gisteren,ouder,fax,nl,,Tekst,,,,school|school,1|2|3,,\r\n"
                + "ok-1,2019-05-23T08:15:00Z,ouder,,nl,,Dubbel,,,,,,,\r\n";
        importCsv(slug, file.getBytes(StandardCharsets.UTF_8), "")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("nothing was stored"))
                .body("errors.line", hasItems(3, 6, 7, 8, 9))
                .body("errors.find { it.line == 3 }.field", equalTo("gehoord"))
                .body("errors.find { it.line == 6 }.field", equalTo("role"))
                .body("errors.find { it.line == 7 }.field", equalTo("row"))
                .body(
                        "errors.findAll { it.line == 8 }.field",
                        hasItems("submitted_at", "channel", "themas[1]", "balans"))
                .body("errors.find { it.line == 9 }.field", equalTo("id"));
        assertThat(Database.storyCount(dataSource, slug)).isZero();
    }

    private static String validRow(String id) {
        return id + ",2019-05-20T08:15:00Z,ouder,,nl,,Een goed verhaal van genoeg woorden,positief,50,,,,,\r\n";
    }

    /** More good rows than one write batch (1000) before the bad one: the rows already written are rolled back. */
    @Test
    void shouldStoreNothingWhenARowAfterTheFirstBatchIsWrong() {
        String slug = publishedStoryPoint("batches");
        StringBuilder file = new StringBuilder(HEADER);
        for (int i = 1; i <= 2500; i++) {
            file.append(validRow("good-" + i));
        }
        // line 1 is the header, so the 2,500 good rows are lines 2..2501
        file.append("bad-2502,2019-05-21T08:15:00Z,ouder,,nl,,Een verhaal,positief,101,,,,,\r\n");
        importCsv(slug, file.toString().getBytes(StandardCharsets.UTF_8), "")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("nothing was stored"))
                .body("errors", hasSize(1))
                .body("errors[0].line", equalTo(2502))
                .body("errors[0].field", equalTo("gehoord"));
        assertThat(Database.storyCount(dataSource, slug)).isZero();
    }

    @Test
    void shouldStoreNothingWhenARowBetweenBatchesIsWrong() {
        String slug = publishedStoryPoint("batches-mid");
        StringBuilder file = new StringBuilder(HEADER);
        for (int i = 1; i <= 1200; i++) {
            file.append(validRow("before-" + i));
        }
        file.append("bad-1202,2019-05-21T08:15:00Z,opa,,nl,,Een verhaal,,,,,,,\r\n");
        for (int i = 1; i <= 1200; i++) {
            file.append(validRow("after-" + i));
        }
        importCsv(slug, file.toString().getBytes(StandardCharsets.UTF_8), "")
                .statusCode(422)
                .body("errors", hasSize(1))
                .body("errors[0].line", equalTo(1202))
                .body("errors[0].field", equalTo("role"));
        assertThat(Database.storyCount(dataSource, slug)).isZero();
        // and the same file without the bad row is stored whole
        String good = file.toString().replace("bad-1202,2019-05-21T08:15:00Z,opa,,nl,,Een verhaal,,,,,,,\r\n", "");
        importCsv(slug, good.getBytes(StandardCharsets.UTF_8), "")
                .statusCode(200)
                .body("created", equalTo(2400));
        assertThat(Database.storyCount(dataSource, slug)).isEqualTo(2400);
    }

    /** Ids of other systems: 1 to 64 letters, digits, '.', '_' and '-' in any position. */
    @Test
    void shouldKeepIdsThatStartWithAPunctuationMark() {
        String slug = publishedStoryPoint("ids");
        String longest = "-".repeat(32) + "Z".repeat(32);
        List<String> ids = List.of("_x1", "-7", ".hidden", "a..b", "...", "x_", "9", longest);
        StringBuilder file = new StringBuilder(HEADER);
        int second = 0;
        for (String id : ids) {
            file.append(id)
                    .append(",2019-05-20T08:15:")
                    .append(String.format("%02d", second++))
                    .append("Z,ouder,import,nl,,Een verhaal met een vreemd id,positief,50,,,,,\r\n");
        }
        byte[] bytes = file.toString().getBytes(StandardCharsets.UTF_8);
        importCsv(slug, bytes, "").statusCode(200).body("created", equalTo(ids.size()));
        // ids that begin with '-' are written with an apostrophe before them, as a spreadsheet would run them
        byte[] exported = exportCsv(slug);
        assertThat(new String(exported, StandardCharsets.UTF_8))
                .isEqualTo(file.toString().replace("\r\n-", "\r\n'-"))
                .contains("\r\n'-7,");
        // and the export imports as the same stories again
        importCsv(slug, exported, "").statusCode(200).body("created", equalTo(0));
        for (String id : List.of("_x1", "-7", ".hidden", "...", longest)) {
            asAdmin()
                    .get("/api/storypoints/" + slug + "/stories/" + id)
                    .then()
                    .statusCode(200)
                    .body("id", equalTo(id));
        }
        // a second import of the same file replaces, never duplicates
        importCsv(slug, bytes, "").statusCode(200).body("created", equalTo(0)).body("updated", equalTo(ids.size()));
        assertThat(Database.storyCount(dataSource, slug)).isEqualTo(ids.size());
    }

    /**
     * Texts a spreadsheet would run as formulas are exported with an apostrophe before them, and the import of the
     * export takes it off again: every text comes back exactly, also one that begins with an apostrophe of its own.
     */
    @Test
    void shouldNeutraliseFormulasInTheExportAndGiveEveryTextBackOnImport() {
        String slug = publishedStoryPoint("formulas");
        List<String> texts = List.of(
                "=HYPERLINK(\"http://example.org\", \"klik\")",
                "+31 6 12345678 belde ik",
                "-7 graden en nog moest ik wachten",
                "@SUM(A1:A9) is geen verhaal",
                "\tverborgen achter een tab",
                "\rachter een regelterugloop",
                "'s avonds belde ik de crisisdienst",
                "'=1+1 met een eigen apostrof",
                "''@twee apostroffen",
                "Gewoon een verhaal = geen formule");
        for (String text : texts) {
            Map<String, Object> story = Fixtures.aSubmission();
            story.put("text", text);
            story.put("title", text.length() > 20 ? text.substring(0, 20) : text);
            story.put("answers", Map.of("gevolg", "positief", "tip", text));
            given().contentType("application/json")
                    .body(story)
                    .post("/api/storypoints/" + slug + "/stories")
                    .then()
                    .statusCode(201);
        }
        byte[] exported = exportCsv(slug);
        String csv = new String(exported, StandardCharsets.UTF_8);
        for (String text : texts) {
            String written = StoryCsv.neutralise(text);
            assertThat(csv)
                    .contains(
                            written.contains("\"") || written.contains("\r")
                                    ? "\"" + written.replace("\"", "\"\"")
                                    : written);
        }
        assertThat(csv)
                .contains("\"'=HYPERLINK(")
                .contains(",'+31 6")
                .contains(",'-7 graden")
                .contains(",'@SUM(");
        assertThat(csv).contains(",'s avonds belde ik").doesNotContain(",''s avonds");

        String copy = publishedStoryPoint("formulas-copy");
        importCsv(copy, exported, "").statusCode(200).body("created", equalTo(texts.size()));
        assertThat(exportCsv(copy)).isEqualTo(exported);
        List<String> ids = asAdmin()
                .contentType("application/json")
                .body(Map.of("size", 100))
                .post("/api/storypoints/" + copy + "/stories/search")
                .then()
                .statusCode(200)
                .extract()
                .path("stories.id");
        List<String> found = new java.util.ArrayList<>();
        for (String id : ids) {
            Map<String, Object> story = asAdmin()
                    .get("/api/storypoints/" + copy + "/stories/" + id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("");
            String text = (String) story.get("text");
            found.add(text);
            assertThat(((Map<?, ?>) story.get("answers")).get("tip")).isEqualTo(text);
            assertThat(text).startsWith((String) story.get("title"));
        }
        assertThat(found).containsExactlyInAnyOrderElementsOf(texts);
    }

    @Test
    void shouldRefuseIdsOutsideTheAlphabetOrLongerThan64() {
        String slug = publishedStoryPoint("bad-ids");
        String file = HEADER
                + validRow("-".repeat(65))
                + validRow("met spatie")
                + validRow("caf\u00e9")
                + validRow("a/b")
                + validRow("x\uD83D\uDE42")
                // these two fit the alphabet, but an address ending in /stories/.. would never reach the story
                + validRow(".")
                + validRow("..");
        importCsv(slug, file.getBytes(StandardCharsets.UTF_8), "")
                .statusCode(422)
                .body("errors.line", equalTo(List.of(2, 3, 4, 5, 6, 7, 8)))
                .body("errors.field", everyItem(equalTo("id")));
        assertThat(Database.storyCount(dataSource, slug)).isZero();
    }

    /** PostgreSQL counts characters as code points: an emoji is one character, in Java too. */
    @Test
    void shouldCountTheStoryTextInCodePointsAsTheDatabaseDoes() {
        String slug = publishedStoryPoint("emoji");
        String smile = "\uD83D\uDE42";
        String longest = smile.repeat(StoryRules.MAX_TEXT);
        String file = HEADER + "emoji-1,2019-05-20T08:15:00Z,ouder,import,nl,," + longest + ",,,,,,,\r\n";
        byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
        importCsv(slug, bytes, "").statusCode(200).body("created", equalTo(1));
        assertThat(exportCsv(slug)).isEqualTo(bytes);
        assertThat(Database.queryInt(dataSource, "SELECT char_length(text) FROM story WHERE id = 'emoji-1'"))
                .isEqualTo(20_000);

        String tooLong = HEADER + "emoji-2,2019-05-20T08:15:00Z,ouder,import,nl,," + longest + smile + ",,,,,,,\r\n";
        importCsv(slug, tooLong.getBytes(StandardCharsets.UTF_8), "")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("text"))
                .body("errors[0].line", equalTo(2))
                .body("errors[0].message", containsString("20001"));
        assertThat(Database.storyCount(dataSource, slug)).isEqualTo(1);
    }

    @Test
    void shouldRefuseAnUnknownColumnAndMissingRequiredColumns() {
        String slug = publishedStoryPoint("header");
        importCsv(slug, "id,role,text,email\r\nx,ouder,Tekst,a@b.nl\r\n".getBytes(StandardCharsets.UTF_8), "")
                .statusCode(422)
                .body("errors[0].field", equalTo("email"))
                .body("errors[0].line", equalTo(1));
        importCsv(slug, "id,title\r\nx,Titel\r\n".getBytes(StandardCharsets.UTF_8), "")
                .statusCode(422)
                .body("errors.field", hasItems("role", "text"));
        importCsv(slug, new byte[0], "").statusCode(422);
        assertThat(Database.storyCount(dataSource, slug)).isZero();
    }

    @Test
    void shouldRefuseAFileThatIsNotUtf8OrNotCsv() {
        String slug = publishedStoryPoint("encoding");
        byte[] latin1 = "id,role,text\r\nx,ouder,Caf\u00e9 en zo\r\n".getBytes(StandardCharsets.ISO_8859_1);
        importCsv(slug, latin1, "").statusCode(422).body("errors[0].message", containsString("UTF-8"));
        importCsv(slug, "id,role,text\r\nx,ouder,\"open quote\r\n".getBytes(StandardCharsets.UTF_8), "")
                .statusCode(422)
                .body("errors[0].field", equalTo("file"));
        assertThat(Database.storyCount(dataSource, slug)).isZero();
        asAdmin()
                .contentType("text/plain")
                .body("id,role,text\r\n")
                .post("/api/storypoints/" + slug + "/stories/import")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void shouldGiveStoriesWithoutIdANewIdAndChannelImport() {
        String slug = publishedStoryPoint("noid");
        importCsv(slug, "role,text\r\nouder,Een verhaal zonder id\r\n".getBytes(StandardCharsets.UTF_8), "")
                .statusCode(200)
                .body("created", equalTo(1));
        String csv = new String(exportCsv(slug), StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[1])
                .matches(
                        "[0-9A-Z]{12},\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ,ouder,import,nl,,Een verhaal zonder id,,,,,,,");
    }

    @Test
    void shouldGiveBackTheStoriesOfAStoryPointWithTwoModulesExactly() throws Exception {
        // the regional sample includes the core module and a module of its own, among its own questions
        List<String> copies = new ArrayList<>();
        for (String prefix : List.of("csv-twente", "csv-twente-bis")) {
            copies.add(Fixtures.publishedSample(prefix, "twente.json", d -> {}));
        }
        StoryPointDefinition definition = JSON.treeToValue(
                JSON.readTree(asAdmin().get("/api/storypoints/" + copies.get(0)).asString())
                        .get("definition"),
                StoryPointDefinition.class);
        assertThat(definition.moduleUses()).extracting(m -> m.id()).containsExactly("kern", "twente-gewoon-leven");
        StringWriter generated = new StringWriter();
        new SyntheticStories(definition, 17).write(generated, 300);
        byte[] file = generated.toString().getBytes(StandardCharsets.UTF_8);
        importCsv(copies.get(0), file, "").statusCode(200).body("created", equalTo(300));

        byte[] exported = exportCsv(copies.get(0));
        assertThat(new String(exported, StandardCharsets.UTF_8).split("\r\n")[0])
                .contains(",gehoord,")
                .contains(",gemeente,gewoon-leven,meehelpers,dichtbij,");
        importCsv(copies.get(1), exported, "").statusCode(200).body("created", equalTo(300));
        assertThat(exportCsv(copies.get(1))).isEqualTo(exported);
        assertThat(exported).isEqualTo(file);
    }

    @Test
    void shouldListTheSampleInTheCsvHeaderInQuestionnaireOrder() {
        String header = asAdmin()
                .get("/api/storypoints/voordejeugd/stories.csv")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .split("\r\n")[0];
        assertThat(header)
                .startsWith("id,submitted_at,role,channel,language,title,text,gevoel,gevolg,betrokken,")
                .contains(",gehoord,")
                .endsWith(",tip");
        asAdmin().get("/api/storypoints/voordejeugd/versions").then().body("version", hasItem(1));
    }
}
