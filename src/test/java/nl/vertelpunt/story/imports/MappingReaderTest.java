package nl.vertelpunt.story.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import nl.vertelpunt.web.FieldError;
import nl.vertelpunt.web.ProblemException;
import org.junit.jupiter.api.Test;

/** The mapping's strict checks and each way of reading, without a server. */
class MappingReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StoryPointDefinition DEFINITION = definition();

    private static final String HEADER = "Story title,Story text,Position,Gevoel,Gevoel,WRITEIN_Gevoel,Omvang,"
            + "Nodig,Nodig,Nodig,Nodig codes,Ja hulp,Ja respect,Gehoord,Gehoord NVT,A %,B %,C %\r\n";
    private static final String COMMENT = "; opties,,,blij,boos,,,hulp,respect,keuze,,,,,,,,\r\n";

    private static StoryPointDefinition definition() {
        try (InputStream in = MappingReaderTest.class.getResourceAsStream("/imports/storypoint.json")) {
            return JSON.readValue(in, StoryPointDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ImportPlan plan(String csv, String mapping) {
        JsonNode root = json(mapping);
        MappingReader.Layout layout = MappingReader.layout(root);
        try {
            SourceFile file = SourceFile.open(
                    new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                    layout.separator(),
                    layout.commentPrefix());
            return MappingReader.plan(root, file.header(), DEFINITION);
        } catch (SourceFile.Unreadable e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> errors(String csv, String mapping) {
        ProblemException e = catchThrowableOfType(ProblemException.class, () -> plan(csv, mapping));
        assertThat(e).as("the mapping should be refused").isNotNull();
        assertThat(e.status()).isEqualTo(422);
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldError error : e.errors()) {
            assertThat(byField.put(error.field(), error.message()))
                    .as("one problem per field: " + error.field())
                    .isNull();
        }
        return byField;
    }

    /** The answers one row gives (as the web form would send them), and the problems it has. */
    private static Map<String, Object> read(ImportPlan plan, String row) {
        List<String> cells = Arrays.asList(row.split(",", -1));
        RowContext context = new RowContext(3, cells);
        Map<String, Object> answers = new LinkedHashMap<>();
        for (AnswerReads.AnswerRead read : plan.answers()) {
            JsonNode answer = read.read(context);
            if (answer != null) {
                answers.put(read.id(), answer.toString());
            }
        }
        context.writeIns.forEach((q, texts) -> answers.put(q, "writein:" + String.join(", ", texts)));
        context.problems.forEach(p -> answers.put("problem:" + p.column(), p.message()));
        return answers;
    }

    private static String mapping(String questions) {
        return "{'format': 'narrafirma', 'text': 'Story text', 'role': {'fixed': 'ouder'}, 'questions': {" + questions
                + "}}";
    }

    @Test
    void shouldRefuseAnUnknownFormatSeparatorOrFieldBeforeReadingTheFile() {
        ProblemException e = catchThrowableOfType(
                ProblemException.class,
                () -> MappingReader.layout(
                        json("{'format': 'sensemaker', 'separator': ';;', 'commentPrefix': 1, 'colums': {}}")));
        assertThat(e.errors())
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder(
                        "mapping.colums", "mapping.format", "mapping.separator", "mapping.commentPrefix");
        assertThat(catchThrowableOfType(ProblemException.class, () -> MappingReader.layout(json("{}")))
                        .errors())
                .extracting(FieldError::field)
                .containsExactly("mapping.format");
    }

    @Test
    void shouldNameEveryProblemWithItsPlaceInTheMapping() {
        String csv = HEADER + COMMENT;
        Map<String, String> errors = errors(
                csv,
                "{'format': 'narrafirma', 'text': 'story text', 'title': 'Titel',"
                        + " 'role': {'fixed': 'opa'}, 'language': {'fixed': 'fr'}, 'channel': 'fax', 'questions': {"
                        + "'bestaat-niet': {'read': 'text', 'column': 'Omvang'},"
                        + "'gehoord': {'read': 'index', 'column': 'Gehoord'},"
                        + "'op-tijd': {'read': 'scale', 'column': 'Gehoord', 'from': [5, 5], 'na': 'n.v.t.'},"
                        + "'werkdruk': {'read': 'scale', 'column': 'Gehoord', 'naColum': 'Gehoord NVT'},"
                        + "'omvang': {'read': 'index', 'column': 'Omvang', 'delimiter': ' ', 'options': ['kind', 'kind']},"
                        + "'omvang-tekst': {'read': 'text', 'column': 'Omvang', 'values': {'Tm': 'tm'}},"
                        + "'omvang-mix': {'read': 'text', 'column': 'Omvang', 'writeIns': {'question': 'omvang'}},"
                        + "'gevoel-anders': {'read': 'writein', 'column': 'Gevoel'},"
                        + "'tip': {'read': 'text', 'column': 'WRITEIN_Gevoel', 'values': {}},"
                        + "'nodig': {'read': 'columns', 'columns': [{'column': 'Nodig', 'option': 'hulp'}]},"
                        + "'nodig-janee': {'read': 'yesno', 'options': {'hulp': 'Ja hulp', 'steun': 'Ja respect'}},"
                        + "'balans': {'read': 'triad', 'columns': ['A %', 'B %']},"
                        + "'gevoel': {'read': 'columns', 'column': 'Gevoel', 'values': {'boos': 'woedend'}}}}");
        assertThat(errors)
                .containsOnlyKeys(
                        "mapping.text",
                        "mapping.title",
                        "mapping.role.fixed",
                        "mapping.language.fixed",
                        "mapping.channel",
                        "mapping.questions.bestaat-niet",
                        "mapping.questions.gehoord.read",
                        "mapping.questions.op-tijd.from",
                        "mapping.questions.op-tijd.na",
                        "mapping.questions.werkdruk.naColum",
                        "mapping.questions.omvang.delimiter",
                        "mapping.questions.omvang.options[1]",
                        "mapping.questions.omvang-tekst.values.Tm",
                        "mapping.questions.omvang-mix.writeIns.question",
                        "mapping.questions.gevoel-anders.column",
                        "mapping.questions.tip.values",
                        "mapping.questions.nodig.columns[0].position",
                        "mapping.questions.nodig-janee.options.steun",
                        "mapping.questions.balans.columns",
                        "mapping.questions.gevoel.values.boos");
        assertThat(errors.get("mapping.text"))
                .isEqualTo("'story text' is not a column of the file (did you mean 'Story text'?)");
        assertThat(errors.get("mapping.questions.gehoord.read"))
                .isEqualTo("'index' does not fit question 'gehoord', a slider question; that is read with text, scale");
        assertThat(errors.get("mapping.questions.op-tijd.na")).contains("does not allow not applicable");
        assertThat(errors.get("mapping.questions.werkdruk.naColum")).contains("is not a setting of read 'scale'");
        assertThat(errors.get("mapping.questions.gevoel-anders.column"))
                .contains("is the header of 2 columns (numbers 4, 5)");
        assertThat(errors.get("mapping.questions.nodig.columns[0].position"))
                .contains("'Nodig' is the header of 3 columns");
        assertThat(errors.get("mapping.questions.omvang-mix.writeIns.question")).contains("must be a text question");
        assertThat(errors.get("mapping.role.fixed"))
                .isEqualTo("must be a role of this story point: one of [jongere, ouder, professional]");
        assertThat(errors.get("mapping.language.fixed")).contains("languages are [en, nl]");
    }

    @Test
    void shouldRequireTextAndRoleAndRefuseAWrongShape() {
        Map<String, String> errors = errors(
                HEADER,
                "{'format': 'columns', 'languages': {'Nederlands': 'nl'}, 'questions': {"
                        + "'gevolg': 'Omvang', 'omvang': {'column': 'Omvang'}, 'gevoel': {'read': 'kleur'}}}");
        assertThat(errors)
                .containsOnlyKeys(
                        "mapping.text",
                        "mapping.role",
                        "mapping.languages",
                        "mapping.questions.gevolg",
                        "mapping.questions.omvang.read",
                        "mapping.questions.gevoel.read");
        assertThat(errors.get("mapping.questions.omvang.read"))
                .isEqualTo("is required; a choice question is read with text, index");
    }

    @Test
    void shouldRefuseMultiColumnOptionsThatNoCommentRowNames() {
        Map<String, String> errors = errors(HEADER, mapping("'nodig': {'read': 'columns', 'column': 'Nodig'}"));
        assertThat(errors).containsOnlyKeys("mapping.questions.nodig.column");
        assertThat(errors.get("mapping.questions.nodig.column"))
                .isEqualTo("the file has no comment row under the header to name the options of columns 8, 9, 10; "
                        + "list the columns with their options in 'columns' instead");
    }

    @Test
    void shouldRefuseTwoPlacesFillingOneTextQuestion() {
        Map<String, String> errors = errors(
                HEADER + COMMENT,
                mapping(
                        "'omvang-anders': {'read': 'writein', 'column': 'WRITEIN_Gevoel'},"
                                + "'omvang-mix': {'read': 'text', 'column': 'Omvang', 'writeIns': {'question': 'omvang-anders'}}"));
        assertThat(errors).containsOnlyKeys("mapping.questions.omvang-mix.writeIns.question");
        assertThat(errors.get("mapping.questions.omvang-mix.writeIns.question"))
                .isEqualTo("'omvang-anders' is already answered by mapping.questions.omvang-anders");
    }

    @Test
    void shouldReadMultiColumnOptionsFromTheCommentRowOrAnExplicitList() {
        ImportPlan byComment = plan(HEADER + COMMENT, mapping("'nodig': {'read': 'columns', 'column': 'Nodig'}"));
        assertThat(read(byComment, "t,x,,,,,,hulp,,keuze,,,,,,,,"))
                .containsExactly(Map.entry("nodig", "[\"hulp\",\"keuze\"]"));
        assertThat(read(byComment, "t,x,,,,,,,,,,,,,,,,")).isEmpty();

        ImportPlan explicit = plan(
                HEADER,
                mapping(
                        "'nodig': {'read': 'columns', 'columns': ["
                                + "{'column': 'Nodig', 'position': 3, 'option': 'vertrouwen'}, {'column': 'Nodig', 'position': 1, 'option': 'gehoord'}]}"));
        assertThat(read(explicit, "t,x,,,,,,ja,ja,ja,,,,,,,,"))
                .containsExactly(Map.entry("nodig", "[\"vertrouwen\",\"gehoord\"]"));
        assertThat(explicit.unused()).contains(8);
    }

    @Test
    void shouldMapValuesToNoAnswerAndIgnoreOrKeepWriteIns() {
        ImportPlan plan = plan(
                HEADER + COMMENT,
                mapping(
                        "'omvang': {'read': 'text', 'column': 'Omvang', 'values': {'Weet niet': null, 'Gezin': 'gezin'}, 'writeIns': 'ignore'},"
                                + "'nodig-lijst': {'read': 'delimited', 'column': 'Nodig codes', 'delimiter': ';', "
                                + "'values': {'H': 'hulp', 'R': 'respect'}, 'writeIns': {'question': 'tip'}}"));
        assertThat(read(plan, "t,x,,,,,Gezin,,,,H; R,,,,,,,"))
                .containsExactly(Map.entry("omvang", "\"gezin\""), Map.entry("nodig-lijst", "[\"hulp\",\"respect\"]"));
        assertThat(read(plan, "t,x,,,,,Weet niet,,,,keuze;H;Alles,,,,,,,"))
                .containsExactly(Map.entry("nodig-lijst", "[\"keuze\",\"hulp\"]"), Map.entry("tip", "writein:Alles"));
        assertThat(read(plan, "t,x,,,,,Oma,,,,,,,,,,,")).isEmpty();
    }

    @Test
    void shouldRefuseUnknownValuesUnlessTheyAreWriteIns() {
        ImportPlan plan = plan(HEADER, mapping("'omvang': {'read': 'text', 'column': 'Omvang'}"));
        assertThat(read(plan, "t,x,,,,,keten,,,,,,,,,,,")).containsExactly(Map.entry("omvang", "\"keten\""));
        assertThat(read(plan, "t,x,,,,,Keten,,,,,,,,,,,"))
                .containsExactly(
                        Map.entry(
                                "problem:Omvang",
                                "'Keten' is not an option of 'omvang' (kind, gezin, team, keten) and not in mapping.questions.omvang.values"));
    }

    @Test
    void shouldReadOptionNumbersSplitBySpacesInTheFilesOwnOrder() {
        ImportPlan plan = plan(
                HEADER,
                mapping(
                        "'nodig': {'read': 'index', 'column': 'Nodig codes', 'delimiter': ' ', 'options': ['keuze', 'hulp', 'respect']},"
                                + "'omvang': {'read': 'index', 'column': 'Omvang'}"));
        assertThat(read(plan, "t,x,,,,,4,,,,1  3,,,,,,,"))
                .containsExactly(Map.entry("nodig", "[\"keuze\",\"respect\"]"), Map.entry("omvang", "\"keten\""));
        assertThat(read(plan, "t,x,,,,,5,,,,4,,,,,,,")).containsOnlyKeys("problem:Omvang", "problem:Nodig codes");
        assertThat(read(plan, "t,x,,,,,twee,,,,,,,,,,,"))
                .containsExactly(Map.entry("problem:Omvang", "'twee' is not an option number from 1 to 4"));
    }

    @Test
    void shouldReadYesNoColumnsStrictly() {
        ImportPlan plan = plan(
                HEADER,
                mapping("'nodig': {'read': 'yesno', 'yes': 'Ja', 'no': 'Nee', "
                        + "'options': {'hulp': 'Ja hulp', 'respect': 'Ja respect'}}"));
        assertThat(read(plan, "t,x,,,,,,,,,,ja,Nee,,,,,")).containsExactly(Map.entry("nodig", "[\"hulp\"]"));
        assertThat(read(plan, "t,x,,,,,,,,,,Nee,,,,,,")).isEmpty();
        assertThat(read(plan, "t,x,,,,,,,,,,Ja,misschien,,,,,"))
                .containsExactly(Map.entry("problem:Ja respect", "'misschien' is neither 'Ja' nor 'Nee' (nor empty)"));
    }

    @Test
    void shouldRescaleSlidersAndReadNotApplicableFromAValueOrAColumn() {
        ImportPlan plan = plan(
                HEADER,
                mapping("'gehoord': {'read': 'scale', 'column': 'Gehoord', 'from': [1, 10], "
                        + "'na': 'NVT', 'naColumn': 'Gehoord NVT'}"));
        assertThat(read(plan, "t,x,,,,,,,,,,,,6,,,,")).containsExactly(Map.entry("gehoord", "56"));
        assertThat(read(plan, "t,x,,,,,,,,,,,,nvt,,,,")).containsExactly(Map.entry("gehoord", "\"NA\""));
        assertThat(read(plan, "t,x,,,,,,,,,,,,,ja,,,")).containsExactly(Map.entry("gehoord", "\"NA\""));
        assertThat(read(plan, "t,x,,,,,,,,,,,,,,,,")).isEmpty();
        assertThat(read(plan, "t,x,,,,,,,,,,,,6,ja,,,"))
                .containsExactly(Map.entry(
                        "problem:Gehoord + Gehoord NVT",
                        "has both a value ('6') and not applicable ('ja' in Gehoord NVT)"));
        assertThat(read(plan, "t,x,,,,,,,,,,,,11,,,,"))
                .containsExactly(
                        Map.entry("problem:Gehoord", "'11' is outside 1..10 (mapping.questions.gehoord.from)"));
        assertThat(read(plan, "t,x,,,,,,,,,,,,veel,,,,"))
                .containsExactly(Map.entry("problem:Gehoord", "'veel' is not a number nor 'NVT'"));
    }

    @Test
    void shouldNormalizeTriadsAndRefuseIncompleteOnes() {
        ImportPlan plan = plan(HEADER, mapping("'balans': {'read': 'triad', 'columns': ['A %', 'B %', 'C %']}"));
        assertThat(read(plan, "t,x,,,,,,,,,,,,,,33.3,33.3,33.4")).containsExactly(Map.entry("balans", "[33,33,34]"));
        assertThat(read(plan, "t,x,,,,,,,,,,,,,,,,")).isEmpty();
        assertThat(read(plan, "t,x,,,,,,,,,,,,,,50,50,"))
                .containsExactly(Map.entry("problem:A % + B % + C %", "only 2 of the three shares are given"));
        assertThat(read(plan, "t,x,,,,,,,,,,,,,,50,30,10"))
                .containsExactly(Map.entry("problem:A % + B % + C %", "the shares add up to 90, not 100 (± 1)"));
        assertThat(read(plan, "t,x,,,,,,,,,,,,,,50,veel,10"))
                .containsExactly(Map.entry("problem:B %", "'veel' is not a number (a percentage)"));
    }

    @Test
    void shouldListUnusedColumns() {
        ImportPlan plan = plan(
                HEADER,
                "{'format': 'columns', 'text': 'Story text', 'title': 'Story title', "
                        + "'role': {'column': 'Position'}, 'questions': {'tip': {'read': 'writein', 'column': 'WRITEIN_Gevoel'}}}");
        assertThat(plan.unused()).containsExactly(3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17);
    }
}
