package nl.vertelpunt.web;

import static nl.vertelpunt.testing.Fixtures.aDefinition;
import static nl.vertelpunt.testing.Fixtures.aSubmission;
import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.publishedStoryPoint;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import nl.vertelpunt.testing.Database;
import nl.vertelpunt.testing.Fixtures;
import nl.vertelpunt.testing.LoopbackHttp;
import nl.vertelpunt.testing.Planted;
import org.junit.jupiter.api.Test;

/**
 * A corpus of hostile input sent to every endpoint that reads input: U+0000 and lone surrogates in every text field,
 * bytes that are not UTF-8, wrong JSON types for every field, dates as numbers and out of range, numbers too large,
 * missing and wrong content types, empty and cut-off bodies, texts of invisible characters only, over-long texts,
 * {@code %00} and bytes that are not UTF-8 in paths and queries, and CSV files with bare quotes, NUL, bad UTF-8, byte
 * order marks and rows of the wrong width. Every case is sent as raw bytes (nothing re-encodes it on the way), from
 * addresses 127.0.5.x. Each must get a 4xx {@code application/problem+json} answer that names the field at fault,
 * and nothing may be stored: the rows of the test's story points, sessions, cards and users are compared before and
 * after every case. The report of the run is printed.
 */
@QuarkusTest
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARK = "\"@@hostile@@\"";
    private static final String ADMIN =
            "Basic " + Base64.getEncoder().encodeToString("admin:admin-test-password".getBytes(StandardCharsets.UTF_8));
    private static final String JSON_TYPE = "application/json";

    /** Byte sequences that are not UTF-8, each put inside a text. */
    static final Map<String, byte[]> NOT_UTF8 = new LinkedHashMap<>();

    static {
        NOT_UTF8.put("overlong slash C0 AF", new byte[] {(byte) 0xC0, (byte) 0xAF});
        NOT_UTF8.put("overlong NUL C0 80", new byte[] {(byte) 0xC0, (byte) 0x80});
        NOT_UTF8.put("overlong E0 80 AF", new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF});
        NOT_UTF8.put("beyond U+10FFFF F4 90 80 80", new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80});
        NOT_UTF8.put("surrogate ED A0 80", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
        NOT_UTF8.put("byte FF", new byte[] {(byte) 0xFF});
        NOT_UTF8.put("lone continuation 80", new byte[] {(byte) 0x80});
        NOT_UTF8.put("cut-off E2 82", new byte[] {(byte) 0xE2, (byte) 0x82});
    }

    /** What a field holds, and so which wrong values it is tried with. */
    enum Kind {
        TEXT,
        /** A required text that must have a visible character. */
        VISIBLE,
        INT,
        /** A whole number where -1 is out of range. */
        COUNT,
        NUMBER,
        BOOL,
        DATE,
        UUID,
        TEXTS,
        INTS,
        UUIDS,
        OBJECT
    }

    /** One hostile request, and the field its answer must name (null: any problem will do). */
    record Case(
            String name, String method, String path, boolean admin, String contentType, byte[] body, String field) {}

    /** How one case was answered. */
    record Outcome(Case c, int status, String type, List<String> fields, boolean stored, String body) {}

    @Inject
    AgroalDataSource dataSource;

    private String slug;
    /** A story point of its own with a stones question (kept without stories). */
    private String stonesSlug;

    private String planted;
    private String storyId;
    private String runId;
    private String pattern;
    private String cardId;
    private int cardVersion;
    private String cardStory;
    private long figureId;
    private String sessionId;
    private String tableId;
    private String token;
    private String proposalId;
    private String tableProposalId;
    private long noteId;
    private String user;
    private final List<Case> cases = new ArrayList<>();

    @Test
    void shouldRefuseEveryHostileInputWithAProblemNamingTheFieldAndStoreNothing() throws Exception {
        world();
        stories();
        stones();
        withdrawals();
        definitions();
        modules();
        searchesAndFilters();
        evaluations();
        monitoring();
        keywords();
        comparisons();
        cards();
        sessions();
        tables();
        tableCodes();
        users();
        moderation();
        paths();
        csvImports();
        mappedImports();
        figures();

        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            outcomes.add(run(cases.get(i), "127.0.5." + (i % 250 + 1)));
        }
        report(outcomes);
    }

    // ----------------------------------------------------------------------------------------------------------
    // The world the cases work on: a story point of their own (kept without stories), and a planted one with
    // stories, an evaluation, a card, a session with a table, its link, a note and proposals.
    // ----------------------------------------------------------------------------------------------------------

    private void world() throws Exception {
        slug = publishedStoryPoint("hostile");
        stonesSlug = Fixtures.publishedStonesStoryPoint("hostile-stones");
        Planted p = Planted.create("hostile-planted", 300, 11);
        planted = p.slug();
        runId = p.runId();
        pattern = Planted.EIGHT_CARD_PATTERNS.get(0);
        cardId = p.draftCards(List.of(pattern)).get(0);
        JsonNode card = JSON.readTree(asAdmin()
                .get("/api/cards/" + cardId)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        cardVersion = card.get("version").asInt();
        cardStory = card.get("stories").get(0).get("id").asText();
        figureId = ((Number) asAdmin()
                        .contentType("text/csv")
                        .body("indicator,region,period,value,unit,source\nJeugdhulp,Twente,2020,12.3,%,CBS\n"
                                .getBytes(StandardCharsets.UTF_8))
                        .put("/api/storypoints/" + planted + "/figures?set=Cijfers")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("figures[0].id"))
                .longValue();
        storyId = cardStory;
        sessionId = Fixtures.aSession(planted);
        tableId = Fixtures.aTable(sessionId, List.of(cardId), List.of(cardStory));
        token = Fixtures.aLink(sessionId, tableId);
        noteId = ((Number) io.restassured.RestAssured.given()
                        .contentType(ContentType.JSON)
                        .body(Map.of("kind", "worry", "text", "Wachten duurt lang"))
                        .post("/api/tables/" + token + "/notes")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
        proposalId = Fixtures.adminPost("/api/sessions/" + sessionId + "/proposals", proposal(), 201, "id");
        tableProposalId = io.restassured.RestAssured.given()
                .contentType(ContentType.JSON)
                .body(proposal())
                .post("/api/tables/" + token + "/proposals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        user = Fixtures.uniqueSlug("vijand");
        Fixtures.adminPost(
                "/api/users",
                Map.of(
                        "username",
                        user,
                        "password",
                        "een-lang-wachtwoord",
                        "roles",
                        List.of("analyst"),
                        "storyPoints",
                        List.of(planted)),
                201,
                "username");
    }

    private static Map<String, Object> proposal() {
        return Map.of("title", "Korter wachten", "action", "Bel terug", "goal", "Minder zorgen", "owner", "Team");
    }

    // ----------------------------------------------------------------------------------------------------------
    // The corpus
    // ----------------------------------------------------------------------------------------------------------

    private void stories() throws Exception {
        String path = "/api/storypoints/" + slug + "/stories";
        ObjectNode base = JSON.valueToTree(aSubmission());
        Map<String, Kind> fields = fields(
                "submissionId", Kind.TEXT,
                "role", Kind.TEXT,
                "language", Kind.TEXT,
                "title", Kind.TEXT,
                "text", Kind.VISIBLE,
                "answers", Kind.OBJECT,
                "answers.gevolg", Kind.TEXT,
                "answers.gehoord", Kind.COUNT,
                "answers.themas", Kind.TEXTS,
                "answers.balans", Kind.INTS,
                "answers.tip", Kind.TEXT,
                "channel", Kind.TEXT,
                "gathering", Kind.TEXT,
                "toldOn", Kind.DATE,
                "website", Kind.TEXT);
        jsonFields("story", "POST", path, false, base, fields, true);
        // a story taken in person: the date it was told, by a signed-in admin
        ObjectNode inPerson = base.deepCopy();
        inPerson.put("channel", "papier");
        Map<String, Kind> told = fields(
                "toldOn", Kind.DATE,
                "gathering", Kind.TEXT);
        jsonFields("paper story", "POST", path, true, inPerson, told, true);
        ObjectNode longText = base.deepCopy();
        longText.put("text", "woord ".repeat(3334) + "!");
        add("story: text of 20,002 characters", "POST", path, false, JSON_TYPE, bytes(longText), "text");
        ObjectNode longTitle = base.deepCopy();
        longTitle.put("title", "t".repeat(201));
        add("story: title of 201 characters", "POST", path, false, JSON_TYPE, bytes(longTitle), "title");
        rawBodies("story", "POST", path, false, base, "text", true);
    }

    /**
     * Answers to a stones question ({@code steun}: items familie, school, buurt, wijkteam) that are not an object of
     * items to places [x, y] of whole numbers 0..100 or "NA", through the form and in a CSV cell.
     */
    private void stones() throws Exception {
        String path = "/api/storypoints/" + stonesSlug + "/stories";
        ObjectNode base = JSON.valueToTree(aSubmission());
        Map<String, String> wrong = new LinkedHashMap<>();
        wrong.put("\"familie:1|2\"", "answers.steun");
        wrong.put("5", "answers.steun");
        wrong.put("true", "answers.steun");
        wrong.put("[[1, 2]]", "answers.steun");
        wrong.put("{\"onbekend\": [1, 2]}", "answers.steun.onbekend");
        wrong.put("{\"familie\": [1, 2], \"Familie\": [1, 2]}", "answers.steun.Familie");
        wrong.put("{\"familie\": [1]}", "answers.steun.familie");
        wrong.put("{\"familie\": []}", "answers.steun.familie");
        wrong.put("{\"familie\": [1, 2, 3]}", "answers.steun.familie");
        wrong.put("{\"familie\": [101, 2]}", "answers.steun.familie");
        wrong.put("{\"familie\": [2, -1]}", "answers.steun.familie");
        wrong.put("{\"familie\": [1.5, 2]}", "answers.steun.familie");
        wrong.put("{\"familie\": [1e400, 2]}", "answers.steun.familie");
        wrong.put("{\"familie\": [9223372036854775808, 2]}", "answers.steun.familie");
        wrong.put("{\"familie\": [\"1\", \"2\"]}", "answers.steun.familie");
        wrong.put("{\"familie\": [true, 2]}", "answers.steun.familie");
        wrong.put("{\"familie\": [[1], 2]}", "answers.steun.familie");
        wrong.put("{\"familie\": null}", "answers.steun.familie");
        wrong.put("{\"familie\": {\"x\": 1, \"y\": 2}}", "answers.steun.familie");
        wrong.put("{\"familie\": \"na\"}", "answers.steun.familie");
        wrong.put("{\"familie\": \"NA\\u0000\"}", "answers.steun.familie");
        wrong.put("{\"familie\": [1, 2], \"school\": \"\"}", "answers.steun.school");
        // a key that is no item, with characters no id may hold: any problem will do, nothing stored
        wrong.put("{\"fam\\u0000ilie\": [1, 2]}", null);
        wrong.put("{\"\\ud800\": [1, 2]}", null);
        wrong.put("{\"\": [1, 2]}", null);
        for (Map.Entry<String, String> w : wrong.entrySet()) {
            add(
                    "stones answer = " + w.getKey(),
                    "POST",
                    path,
                    false,
                    JSON_TYPE,
                    withValue(base, "answers.steun", w.getKey(), true).getBytes(StandardCharsets.UTF_8),
                    w.getValue());
        }
        String header = HEADER.replace("\r\n", ",steun\r\n");
        for (String cell : List.of(
                "familie:1|2;familie:3|4",
                "onbekend:1|2",
                "familie:1",
                "familie:1|2|3",
                "familie:101|2",
                "familie:1.5|2",
                "familie:99999999999|2",
                "familie:|",
                "familie:na",
                ";",
                ":1|2",
                "familie",
                "familie:1|2;")) {
            add(
                    "CSV import: stones cell " + cell,
                    "POST",
                    "/api/storypoints/" + stonesSlug + "/stories/import",
                    true,
                    "text/csv",
                    (header + "h-1,2024-03-01T09:00:00Z,ouder,import,nl,,Een verhaal,,,,,,,," + cell + "\r\n")
                            .getBytes(StandardCharsets.UTF_8),
                    "steun|steun.familie|steun.onbekend");
        }
    }

    private void withdrawals() throws Exception {
        String path = "/api/storypoints/" + slug + "/withdrawals";
        ObjectNode base = JSON.createObjectNode().put("receiptCode", "ABCD-EFGH-JKMN-PQRS");
        jsonFields("withdrawal", "POST", path, false, base, Map.of("receiptCode", Kind.TEXT), false);
        rawBodies("withdrawal", "POST", path, false, base, "receiptCode", false);
    }

    private void definitions() throws Exception {
        String path = "/api/storypoints/" + slug;
        ObjectNode base = JSON.valueToTree(aDefinition(slug));
        Map<String, Kind> fields = fields(
                "title.nl", Kind.VISIBLE,
                "intro.nl", Kind.VISIBLE,
                "roles[0].label.nl", Kind.VISIBLE,
                "questions[0].label.nl", Kind.VISIBLE,
                "questions[0].options[0].label.nl", Kind.TEXT,
                "questions[0].options[0].id", Kind.TEXT,
                "questions[0].number", Kind.INT,
                "questions[1].notApplicable", Kind.BOOL,
                "questions[3].max", Kind.INT,
                "completeness.minWords", Kind.COUNT);
        jsonFields("definition", "PUT", path, true, base, fields, false);
        rawBodies("definition", "PUT", path, true, base, "title.nl", false);
        // a stones question's axes and items (questions[7] of the stones story point)
        jsonFields(
                "stones definition",
                "PUT",
                "/api/storypoints/" + stonesSlug,
                true,
                JSON.valueToTree(Fixtures.aStonesDefinition(stonesSlug)),
                fields(
                        "questions[7].bottom.nl", Kind.VISIBLE,
                        "questions[7].top.nl", Kind.VISIBLE,
                        "questions[7].notApplicable", Kind.BOOL,
                        "questions[7].items[0].id", Kind.TEXT,
                        "questions[7].items[0].label.nl", Kind.TEXT),
                false);
    }

    private void modules() throws Exception {
        String id = slug + "-kern";
        ObjectNode module = JSON.createObjectNode().put("id", id);
        module.putObject("title").put("nl", "Kern");
        ObjectNode question = module.putArray("questions").addObject();
        question.put("id", "kern-gehoord").put("number", 1).put("type", "slider");
        question.putObject("label").put("nl", "Gehoord voelen");
        question.putObject("left").put("nl", "Zeker niet");
        question.putObject("right").put("nl", "Zeker wel");
        question.put("notApplicable", true);
        asAdmin()
                .contentType(JSON_TYPE)
                .body(module.toString())
                .put("/api/modules/" + id)
                .then()
                .statusCode(201);
        // a changed module body, so that a case that got through would store a new revision
        ObjectNode changed = module.deepCopy();
        ((ObjectNode) changed.get("title")).put("nl", "Kern, anders");
        Map<String, Kind> fields = fields(
                "title.nl", Kind.VISIBLE,
                "questions[0].label.nl", Kind.VISIBLE,
                "questions[0].id", Kind.TEXT,
                "questions[0].number", Kind.INT,
                "questions[0].notApplicable", Kind.BOOL);
        jsonFields("module", "PUT", "/api/modules/" + id, true, changed, fields, false);
        rawBodies("module", "PUT", "/api/modules/" + id, true, changed, "title.nl", false);
        // a story point that includes it
        ObjectNode including = JSON.valueToTree(aDefinition(slug));
        including.putArray("modules").addObject().put("id", id);
        jsonFields(
                "definition with a module",
                "PUT",
                "/api/storypoints/" + slug,
                true,
                including,
                fields("modules[0].id", Kind.TEXT, "modules[0].version", Kind.INT),
                false);
    }

    private void searchesAndFilters() throws Exception {
        Map<String, Kind> filter = fields(
                "filter", Kind.OBJECT,
                "filter.from", Kind.DATE,
                "filter.to", Kind.DATE,
                "filter.roles", Kind.TEXTS,
                "filter.channels", Kind.TEXTS,
                "filter.answers.gevolg", Kind.TEXTS,
                "filter.ranges.gehoord", Kind.INTS,
                "filter.includeIncomplete", Kind.BOOL,
                "filter.minWords", Kind.COUNT,
                "filter.maxWords", Kind.COUNT,
                "filter.contains", Kind.VISIBLE);
        Map<String, Kind> search = new LinkedHashMap<>(filter);
        search.put("q", Kind.TEXT);
        search.put("flagged", Kind.BOOL);
        search.put("hidden", Kind.BOOL);
        search.put("page", Kind.COUNT);
        search.put("size", Kind.COUNT);
        search.put("complete", Kind.BOOL);
        String searchPath = "/api/storypoints/" + slug + "/stories/search";
        jsonFields("search", "POST", searchPath, true, JSON.createObjectNode(), search, false);
        add(
                "search: q of 201 characters",
                "POST",
                searchPath,
                true,
                JSON_TYPE,
                bytes(JSON.createObjectNode().put("q", "w".repeat(201))),
                "q");
        rawBodies("search", "POST", searchPath, true, JSON.createObjectNode().put("q", "wachten"), "q", false);
        jsonFields(
                "dashboard",
                "POST",
                "/api/storypoints/" + slug + "/dashboard",
                true,
                JSON.createObjectNode(),
                filter,
                false);
        // the export's filter, as JSON in the query
        for (String bad : List.of(
                "{\"from\":20260101}",
                "{\"from\":\"1999-12-31\"}",
                "{\"to\":\"2100-01-01\"}",
                "{\"roles\":[\"a\\u0000b\"]}",
                "{\"roles\":\"ouder\"}",
                "{\"includeIncomplete\":\"true\"}",
                "{\"ranges\":{\"gehoord\":[\"1\",\"2\"]}}",
                "{\"minWords\":-1}",
                "{\"maxWords\":\"kort\"}",
                "{\"contains\":\"?!\"}")) {
            String field = "filter." + JSON.readTree(bad).fieldNames().next();
            if (bad.contains("\"roles\":[")) {
                field = "filter.roles[0]";
            }
            if (bad.contains("ranges")) {
                field = "filter.ranges.gehoord[0]";
            }
            add(
                    "export: ?filter=" + bad,
                    "GET",
                    "/api/storypoints/" + slug + "/stories.csv?filter="
                            + URLEncoder.encode(bad, StandardCharsets.UTF_8),
                    true,
                    null,
                    null,
                    field);
        }
    }

    private void evaluations() throws Exception {
        ObjectNode base = JSON.createObjectNode().put("storyPoint", planted);
        Map<String, Kind> fields = fields(
                "storyPoint", Kind.TEXT,
                "filter.from", Kind.DATE,
                "filter.roles", Kind.TEXTS,
                "settings", Kind.OBJECT,
                "settings.minGroupSize", Kind.COUNT,
                "settings.maxQ", Kind.NUMBER,
                "settings.minSpearman", Kind.NUMBER,
                "settings.minPartialEtaSquared", Kind.NUMBER,
                "settings.triadCornerShare", Kind.COUNT,
                "settings.triadEdgeShare", Kind.COUNT,
                "subset.filter.roles", Kind.TEXTS);
        jsonFields("evaluation", "POST", "/api/evaluations", true, base, fields, false);
        rawBodies("evaluation", "POST", "/api/evaluations", true, base, "storyPoint", false);
        // module-wide: the core module across the story points that include it (the samples)
        ObjectNode moduleWide = JSON.createObjectNode().put("module", "kern");
        moduleWide.putArray("storyPoints").add("voordejeugd").add("twente");
        jsonFields(
                "module evaluation",
                "POST",
                "/api/evaluations",
                true,
                moduleWide,
                fields(
                        "module", Kind.TEXT,
                        "storyPoints", Kind.TEXTS,
                        "filter.answers.storyPoint", Kind.TEXTS,
                        "filter.roles", Kind.TEXTS),
                false);
        rawBodies("module evaluation", "POST", "/api/evaluations", true, moduleWide, "module", false);
        ObjectNode selection = JSON.createObjectNode().put("pattern", "geen|patroon|hier");
        jsonFields(
                "selection",
                "POST",
                "/api/evaluations/" + runId + "/selections",
                true,
                selection,
                Map.of("pattern", Kind.TEXT),
                false);
    }

    private void monitoring() throws Exception {
        String monitor = "/api/storypoints/" + slug + "/monitor";
        ObjectNode base = JSON.createObjectNode().put("interval", "quarter");
        base.putArray("indicators")
                .addObject()
                .put("kind", "share-at-least")
                .put("question", "gehoord")
                .put("threshold", 70);
        base.putObject("compare")
                .putObject("filter")
                .putObject("answers")
                .putArray("gevolg")
                .add("positief");
        Map<String, Kind> fields = fields(
                "indicators[0].kind", Kind.TEXT,
                "indicators[0].question", Kind.TEXT,
                "indicators[0].threshold", Kind.COUNT,
                "indicators[0].option", Kind.TEXT,
                "interval", Kind.TEXT,
                "filter.from", Kind.DATE,
                "compare", Kind.OBJECT,
                "compare.filter.roles", Kind.TEXTS);
        jsonFields("monitor", "POST", monitor, true, base, fields, false);
        rawBodies("monitor", "POST", monitor, true, base, "interval", false);
        // across the core module, Twente against the rest
        String moduleMonitor = "/api/modules/kern/monitor";
        ObjectNode across = JSON.createObjectNode().put("interval", "quarter");
        across.putArray("indicators")
                .addObject()
                .put("kind", "share-at-least")
                .put("question", "gehoord")
                .put("threshold", 70);
        across.putObject("compare")
                .putObject("filter")
                .putObject("answers")
                .putArray("storyPoint")
                .add("twente");
        jsonFields(
                "module monitor",
                "POST",
                moduleMonitor,
                true,
                across,
                fields(
                        "indicators[0].question", Kind.TEXT,
                        "indicators[0].threshold", Kind.COUNT,
                        "interval", Kind.TEXT,
                        "compare.filter.answers.storyPoint", Kind.TEXTS),
                false);
        rawBodies("module monitor", "POST", moduleMonitor, true, across, "interval", false);
        String schedules = "/api/storypoints/" + slug + "/schedules";
        ObjectNode schedule = JSON.createObjectNode().put("interval", "quarter");
        schedule.putObject("evaluation").putObject("filter").putArray("roles").add("ouder");
        Map<String, Kind> scheduleFields = fields(
                "interval", Kind.TEXT,
                "covers", Kind.TEXT,
                "evaluation", Kind.OBJECT,
                "evaluation.storyPoint", Kind.TEXT,
                "evaluation.filter.to", Kind.DATE,
                "evaluation.filter.roles", Kind.TEXTS,
                "evaluation.settings.minGroupSize", Kind.COUNT);
        jsonFields("schedule", "POST", schedules, true, schedule, scheduleFields, false);
        rawBodies("schedule", "POST", schedules, true, schedule, "interval", false);
    }

    private void keywords() throws Exception {
        String path = "/api/storypoints/" + planted + "/keywords";
        ObjectNode base = JSON.createObjectNode();
        base.putObject("focus").putObject("answers").putArray("gevolg").add("positief");
        base.putObject("reference").putArray("roles").add("ouder");
        base.put("limit", 20);
        Map<String, Kind> fields = fields(
                "focus", Kind.OBJECT,
                "focus.from", Kind.DATE,
                "focus.answers.gevolg", Kind.TEXTS,
                "reference.roles", Kind.TEXTS,
                "reference.ranges.gehoord", Kind.INTS,
                "limit", Kind.COUNT);
        jsonFields("keywords", "POST", path, true, base, fields, false);
        // the reference is "rest" or a filter: any other text, a number, a list is refused
        for (String wrong : List.of("\"de rest\"", "\"rest\\u0000\"", "\"\\ud800\"", "5", "true", "[\"rest\"]")) {
            add(
                    "keywords: reference = " + wrong,
                    "POST",
                    path,
                    true,
                    JSON_TYPE,
                    withValue(base, "reference", wrong, false).getBytes(StandardCharsets.UTF_8),
                    "reference");
        }
        rawBodies("keywords", "POST", path, true, base, "limit", false);
    }

    private void comparisons() throws Exception {
        ObjectNode base = JSON.createObjectNode().put("storyPoint", planted);
        base.putObject("focus").putObject("filter").put("from", "2024-01-01");
        base.putObject("reference").putObject("filter").put("to", "2023-12-31");
        Map<String, Kind> fields = fields(
                "storyPoint", Kind.TEXT,
                "module", Kind.TEXT,
                "focus", Kind.OBJECT,
                "focus.filter.from", Kind.DATE,
                "focus.filter.roles", Kind.TEXTS,
                "reference", Kind.OBJECT,
                "reference.filter.to", Kind.DATE,
                "settings.maxQ", Kind.NUMBER,
                "resampling", Kind.OBJECT,
                "resampling.seed", Kind.INT,
                "resampling.bootstrap", Kind.COUNT,
                "resampling.permutations", Kind.COUNT);
        jsonFields("comparison", "POST", "/api/comparisons", true, base, fields, false);
        rawBodies("comparison", "POST", "/api/comparisons", true, base, "storyPoint", false);
    }

    private void cards() throws Exception {
        ObjectNode draft = JSON.createObjectNode().put("runId", runId).put("pattern", pattern);
        Map<String, Kind> drafting = fields(
                "runId", Kind.UUID,
                "pattern", Kind.TEXT);
        jsonFields("new card", "POST", "/api/cards", true, draft, drafting, false);
        String path = "/api/cards/" + cardId;
        ObjectNode edit = JSON.createObjectNode().put("version", cardVersion);
        Map<String, Kind> fields = fields(
                "version", Kind.INT,
                "title", Kind.VISIBLE,
                "observation", Kind.VISIBLE,
                "interpretations", Kind.TEXTS,
                "published", Kind.BOOL);
        jsonFields("card", "PUT", path, true, edit, fields, false);
        ObjectNode withFigure = edit.deepCopy();
        withFigure.putArray("figures").add(figureId);
        jsonFields("card", "PUT", path, true, withFigure, fields("figures", Kind.INTS), false);
        // a trend over time on the card: the monitoring request as for /monitor, and the module
        ObjectNode trend = edit.deepCopy();
        trend.putObject("request")
                .put("interval", "quarter")
                .putArray("indicators")
                .addObject()
                .put("kind", "share-at-least")
                .put("question", "gehoord")
                .put("threshold", 70);
        Map<String, Kind> trendFields = fields(
                "version", Kind.INT,
                "module", Kind.TEXT,
                "request", Kind.OBJECT,
                "request.indicators", Kind.OBJECT,
                "request.indicators[0].kind", Kind.TEXT,
                "request.indicators[0].question", Kind.TEXT,
                "request.indicators[0].threshold", Kind.COUNT,
                "request.interval", Kind.TEXT,
                "request.filter.from", Kind.DATE,
                "request.compare.filter.roles", Kind.TEXTS);
        jsonFields("card trend", "PUT", path + "/trend", true, trend, trendFields, false);
        rawBodies("card trend", "PUT", path + "/trend", true, trend, "module", false);
        ObjectNode withStory = edit.deepCopy();
        withStory
                .putArray("stories")
                .addObject()
                .put("id", cardStory)
                .put("quoteStart", 0)
                .put("quoteEnd", 5);
        Map<String, Kind> story = fields(
                "stories[0].id", Kind.TEXT,
                "stories[0].quoteStart", Kind.COUNT);
        jsonFields("card", "PUT", path, true, withStory, story, false);
        rawBodies("card", "PUT", path, true, edit.deepCopy().put("title", "Titel"), "title", false);
    }

    private void sessions() throws Exception {
        ObjectNode base = JSON.createObjectNode()
                .put("storyPoint", planted)
                .put("title", "Bijeenkomst")
                .put("heldOn", LocalDate.now().toString())
                .put("online", false)
                .put("place", "Utrecht");
        Map<String, Kind> fields = fields(
                "storyPoint", Kind.TEXT,
                "title", Kind.VISIBLE,
                "heldOn", Kind.DATE,
                "place", Kind.VISIBLE,
                "online", Kind.BOOL);
        jsonFields("new session", "POST", "/api/sessions", true, base, fields, false);
        rawBodies("new session", "POST", "/api/sessions", true, base, "title", false);
        String path = "/api/sessions/" + sessionId;
        jsonFields("session", "PUT", path, true, base, fields, false);
        ObjectNode plan = JSON.createObjectNode().put("name", "Tafel 2");
        plan.putArray("cards");
        plan.putArray("stories");
        Map<String, Kind> planFields = fields(
                "name", Kind.VISIBLE,
                "cards", Kind.UUIDS,
                "stories", Kind.TEXTS);
        jsonFields("new table", "POST", path + "/tables", true, plan, planFields, false);
        jsonFields("table", "PUT", path + "/tables/" + tableId, true, plan, planFields, false);
        jsonFields(
                "link",
                "POST",
                path + "/tables/" + tableId + "/link",
                true,
                JSON.createObjectNode().put("days", 1),
                Map.of("days", Kind.COUNT),
                false);
        ObjectNode proposal = JSON.valueToTree(proposal());
        Map<String, Kind> proposalFields = fields(
                "title", Kind.VISIBLE,
                "action", Kind.VISIBLE,
                "goal", Kind.VISIBLE,
                "owner", Kind.VISIBLE,
                "notes", Kind.INTS);
        jsonFields("session proposal", "POST", path + "/proposals", true, proposal, proposalFields, false);
        Map<String, Kind> editFields = new LinkedHashMap<>(proposalFields);
        editFields.put("published", Kind.BOOL);
        jsonFields("proposal", "PUT", "/api/proposals/" + proposalId, true, proposal, editFields, false);
        ObjectNode update = JSON.createObjectNode().put("status", "adopted").put("note", "Besloten");
        Map<String, Kind> updateFields = fields(
                "status", Kind.TEXT,
                "note", Kind.TEXT);
        jsonFields(
                "proposal update",
                "POST",
                "/api/proposals/" + proposalId + "/updates",
                true,
                update,
                updateFields,
                false);
        rawBodies("proposal update", "POST", "/api/proposals/" + proposalId + "/updates", true, update, "note", false);
    }

    private void tableCodes() throws Exception {
        String path = "/api/table-codes";
        ObjectNode base = JSON.createObjectNode().put("code", "ZZZ-ZZZ-ZZ9");
        jsonFields("table code", "POST", path, false, base, Map.of("code", Kind.TEXT), false);
        rawBodies("table code", "POST", path, false, base, "code", false);
    }

    private void tables() throws Exception {
        String path = "/api/tables/" + token;
        ObjectNode note = JSON.createObjectNode().put("kind", "worry").put("text", "Het duurt lang");
        Map<String, Kind> noteFields = fields(
                "kind", Kind.TEXT,
                "text", Kind.VISIBLE,
                "cardId", Kind.UUID);
        jsonFields("note", "POST", path + "/notes", false, note, noteFields, false);
        rawBodies("note", "POST", path + "/notes", false, note, "text", false);
        add(
                "note: text of 2,001 characters",
                "POST",
                path + "/notes",
                false,
                JSON_TYPE,
                bytes(note.deepCopy().put("text", "n".repeat(2001))),
                "text");
        jsonFields(
                "note move",
                "PUT",
                path + "/notes/" + noteId,
                false,
                JSON.createObjectNode().put("proposalId", tableProposalId),
                Map.of("proposalId", Kind.UUID),
                false);
        ObjectNode proposal = JSON.valueToTree(proposal());
        Map<String, Kind> fields = fields(
                "title", Kind.VISIBLE,
                "owner", Kind.VISIBLE,
                "notes", Kind.INTS);
        jsonFields("table proposal", "POST", path + "/proposals", false, proposal, fields, false);
        jsonFields("table proposal", "PUT", path + "/proposals/" + tableProposalId, false, proposal, fields, false);
    }

    private void users() throws Exception {
        ObjectNode login = JSON.createObjectNode().put("username", "admin").put("password", "fout-wachtwoord");
        Map<String, Kind> loginFields = fields(
                "username", Kind.TEXT,
                "password", Kind.TEXT);
        jsonFields("sign-in", "POST", "/api/session", false, login, loginFields, false);
        rawBodies("sign-in", "POST", "/api/session", false, login, "username", false);
        ObjectNode created = JSON.createObjectNode()
                .put("username", Fixtures.uniqueSlug("nieuw"))
                .put("password", "een-lang-wachtwoord");
        created.putArray("roles").add("analyst");
        created.putArray("storyPoints").add(planted);
        Map<String, Kind> fields = fields(
                "username", Kind.TEXT,
                "password", Kind.TEXT,
                "roles", Kind.TEXTS,
                "storyPoints", Kind.TEXTS,
                "enabled", Kind.BOOL);
        jsonFields("new user", "POST", "/api/users", true, created, fields, false);
        rawBodies("new user", "POST", "/api/users", true, created, "password", false);
        ObjectNode change = JSON.createObjectNode().put("password", "een-ander-wachtwoord");
        Map<String, Kind> changeFields = fields(
                "password", Kind.TEXT,
                "roles", Kind.TEXTS,
                "enabled", Kind.BOOL);
        jsonFields("user", "PUT", "/api/users/" + user, true, change, changeFields, false);
        // HTTP Basic with U+0000 in the user name
        for (String name : List.of("ad\u0000min", "\u0000", "admin\u0000")) {
            String auth = "Basic " + Base64.getEncoder().encodeToString((name + ":x").getBytes(StandardCharsets.UTF_8));
            cases.add(new Case(
                    "Basic sign-in with U+0000 in the name",
                    "GET",
                    "/api/me",
                    false,
                    "Authorization: " + auth,
                    null,
                    null));
        }
    }

    private void moderation() throws Exception {
        String path = "/api/storypoints/" + planted + "/moderation/stories/" + storyId;
        ObjectNode redaction =
                JSON.createObjectNode().put("field", "text").put("start", 0).put("end", 1);
        Map<String, Kind> fields = fields(
                "field", Kind.TEXT,
                "start", Kind.COUNT,
                // a span that is not one is named by its start
                "end|start", Kind.COUNT);
        jsonFields("redaction", "POST", path + "/redactions", true, redaction, fields, false);
        jsonFields(
                "visibility",
                "PUT",
                path + "/visibility",
                true,
                JSON.createObjectNode().put("hidden", false),
                Map.of("hidden", Kind.BOOL),
                false);
    }

    private void paths() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("%00", "U+0000");
        bad.put("a%00b", "U+0000 inside");
        bad.put("%C0%80", "overlong NUL");
        bad.put("%FF", "byte FF");
        bad.put("%ED%A0%80", "surrogate");
        bad.put("%E2%82", "cut-off");
        for (Map.Entry<String, String> e : bad.entrySet()) {
            String v = e.getKey();
            path("GET", "/api/storypoints/" + v, false, "slug", e.getValue());
            path("GET", "/api/storypoints/" + v + "/outcomes", false, "slug", e.getValue());
            path("POST", "/api/storypoints/" + v + "/stories", false, "slug", e.getValue());
            path("GET", "/api/storypoints/" + slug + "/stories/" + v, true, "id", e.getValue());
            path("GET", "/api/tables/" + v, false, "token", e.getValue());
            path("GET", "/api/users/" + v, true, "username", e.getValue());
            path("DELETE", "/api/storypoints/" + slug + "/schedules/" + v, true, "id", e.getValue());
            path("GET", "/api/storypoints/" + slug + "/paper.pdf?lang=" + v, false, "lang", e.getValue());
            path("GET", "/api/sessions/" + v, true, "id", e.getValue());
            path("GET", "/api/comparisons/" + v, true, "id", e.getValue());
            path("GET", "/v/" + v, false, null, e.getValue());
        }
        path("GET", "/api/storypoints/" + slug + "/stories.csv?filter=%00", true, "filter", "U+0000");
        path(
                "GET",
                "/api/storypoints/" + slug + "/stories.csv?filter=%7B%22roles%22%3A%5B%22%FF%22%5D%7D",
                true,
                "filter",
                "byte FF in JSON");
        path("GET", "/api/storypoints/" + planted + "/cards/deck.html?card=%00", true, "card", "U+0000");
        path("DELETE", "/api/evaluations/" + runId + "/selections?pattern=%00", true, "pattern", "U+0000");
        path("POST", "/api/storypoints/" + slug + "/stories/import?dryRun=%00", true, "dryRun", "U+0000");
        path("GET", "/api/cards/" + cardId + "/suggestions?count=%00", true, "count", "U+0000");
        path("GET", "/api/cards/" + cardId + "/suggestions?count=acht", true, "count", "a word for a number");
        path("GET", "/api/cards/" + cardId + "/suggestions?count=-1", true, "count", "a negative number");
        path("GET", "/api/cards/" + cardId + "/suggestions?count=99999999999", true, "count", "a huge number");
        path("DELETE", "/api/cards/" + cardId + "/trend?version=%00", true, "version", "U+0000");
        path("DELETE", "/api/cards/" + cardId + "/trend?version=acht", true, "version", "a word for a number");
        path("DELETE", "/api/cards/" + cardId + "/trend?version=99999999999", true, "version", "a huge number");
    }

    private void path(String method, String path, boolean admin, String field, String what) {
        boolean csv = path.contains("/stories/import");
        String type = method.equals("POST") ? (csv ? "text/csv" : JSON_TYPE) : null;
        byte[] body = method.equals("POST") ? (csv ? HEADER : "{}").getBytes(StandardCharsets.UTF_8) : null;
        cases.add(new Case(method + " with " + what + " in the address", method, path, admin, type, body, field));
    }

    private static final String HEADER =
            "id,submitted_at,role,channel,language,title,text,gevolg,gehoord,op-tijd,themas,balans,tip,werkdruk\r\n";

    /** An exchange-format import of this file, which must be refused naming the field. */
    private void csv(String what, byte[] file, String field) {
        add(
                "CSV import: " + what,
                "POST",
                "/api/storypoints/" + slug + "/stories/import",
                true,
                "text/csv",
                file,
                field);
    }

    private void csv(String what, String file, String field) {
        csv(what, file.getBytes(StandardCharsets.UTF_8), field);
    }

    /** A file of the header and one row with this text and slider answer, submitted at this time. */
    private static String oneRow(String time, String title, String text, String gehoord) {
        return HEADER + "a1," + time + ",ouder,,nl," + title + "," + text + ",positief," + gehoord + ",,,,,\r\n";
    }

    private void csvImports() {
        String good = "2019-05-20T08:15:00Z";
        csv("U+0000 in a text", oneRow(good, "", "Een\u0000verhaal", "50"), "text");
        csv("U+0000 in a title", oneRow(good, "Ti\u0000tel", "Een verhaal", "50"), "title");
        csv("U+0000 in an id", oneRow(good, "", "Een verhaal", "50").replace("\na1,", "\na\u00001,"), "id");
        csv("U+0000 in an answer", oneRow(good, "", "Een verhaal", "5\u00000"), "gehoord");
        csv("U+0000 in a quoted text", oneRow(good, "", "\"Een\u0000\r\nverhaal\"", "50"), "text");
        csv("invisible text", oneRow(good, "", "\u200b\u00ad\ufeff", "50"), "text");
        csv("a bare quote in an unquoted text", oneRow(good, "", "Hij zei \"nee\" en ging", "50"), "file");
        csv("a quote in an unquoted title", oneRow(good, "5\"", "Een verhaal", "50"), "file");
        csv("text after a closing quote", oneRow(good, "", "\"Een\"verhaal", "50"), "file");
        csv("a row too short", HEADER + "a1," + good + ",ouder,,nl\r\n", "row");
        csv("a row too long", oneRow(good, "", "Een verhaal", "50").replace(",\r\n", ",,x\r\n"), "row");
        csv("a date before 2000", oneRow("1999-12-31T12:00:00Z", "", "Een verhaal", "50"), "submitted_at");
        csv("a date in 2100", oneRow("2100-01-01T00:00:00Z", "", "Een verhaal", "50"), "submitted_at");
        csv("a date as a number", oneRow("20260101", "", "Een verhaal", "50"), "submitted_at");
        csv("a 30th of February", oneRow("2026-02-30T10:00:00Z", "", "Een verhaal", "50"), "submitted_at");
        for (String number : List.of("1e400", "9223372036854775808", "-1", "50.5")) {
            csv("a slider of " + number, oneRow(good, "", "Een verhaal", number), "gehoord");
        }
        csv("a text of 20,001 characters", oneRow(good, "", "x".repeat(20_001), "50"), "text");
        csv("an empty file", "", "header");
        csv("a header of NUL only", "\u0000\r\n", "file");
        for (Map.Entry<String, byte[]> e : NOT_UTF8.entrySet()) {
            String row = oneRow(good, "", "Een @@ verhaal", "50");
            csv("not UTF-8 (" + e.getKey() + ") in a text", spliced(row, e.getValue()), "text");
        }
        String file = oneRow(good, "", "Een verhaal", "50");
        csv(
                "UTF-16 with its byte order mark",
                concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, file.getBytes(StandardCharsets.UTF_16LE)),
                "file");
        csv("UTF-16 big-endian with its byte order mark", file.getBytes(StandardCharsets.UTF_16), "file");
        csv(
                "UTF-32 byte order mark",
                concat(new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF}, HEADER.getBytes(StandardCharsets.UTF_8)),
                "file");
        csv(
                "a byte order mark in the middle of the header",
                "id,\ufeffrole,text\r\na1,ouder,Een verhaal\r\n",
                "\ufeffrole");
        String path = "/api/storypoints/" + slug + "/stories/import";
        byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
        add("CSV import: no Content-Type", "POST", path, true, null, bytes, "Content-Type");
        add("CSV import: as JSON", "POST", path, true, JSON_TYPE, bytes, "Content-Type");
    }

    private static final String FIGURES_HEADER = "indicator;regio;periode;waarde;eenheid;bron\r\n";

    private void figureCsv(String what, byte[] file, String field) {
        add(
                "figures upload: " + what,
                "PUT",
                "/api/storypoints/" + slug + "/figures?set=Cijfers",
                true,
                "text/csv",
                file,
                field);
    }

    private void figureCsv(String what, String file, String field) {
        figureCsv(what, file.getBytes(StandardCharsets.UTF_8), field);
    }

    /** Context figures: hostile cells, files and addresses; the planted story point has a set whose rows must stay. */
    private void figures() {
        String good = FIGURES_HEADER + "Jongeren met jeugdhulp;Twente;2020;12,3;%;CBS\r\n";
        figureCsv("U+0000 in an indicator", good.replace("Jongeren", "Jon\u0000geren"), "rows[0].indicator");
        figureCsv("U+0000 in a quoted source", good.replace(";CBS", ";\"C\u0000BS\""), "rows[0].source");
        figureCsv(
                "invisible indicator",
                good.replace("Jongeren met jeugdhulp", "\u200b\u00ad\ufeff"),
                "rows[0].indicator");
        figureCsv("a bare quote", good.replace("Twente", "Twen\"te"), "file");
        figureCsv("text after a closing quote", good.replace("Twente", "\"Twen\"te"), "file");
        figureCsv("a row too short", FIGURES_HEADER + "Jongeren;Twente\r\n", "rows[0]");
        for (String number : List.of("1e400", "9223372036854775808999", "12,3,4", "NaN", "Infinity", "0x10", "--1")) {
            figureCsv("a value of " + number, good.replace("12,3", number), "rows[0].value");
        }
        figureCsv(
                "an indicator of 201 characters",
                good.replace("Jongeren met jeugdhulp", "x".repeat(201)),
                "rows[0].indicator");
        figureCsv("an empty file", "", "file");
        figureCsv("only a header", FIGURES_HEADER, "file");
        figureCsv("an unknown column", good.replace("bron", "b\u200bron"), "header");
        for (Map.Entry<String, byte[]> e : NOT_UTF8.entrySet()) {
            figureCsv(
                    "not UTF-8 (" + e.getKey() + ") in a region",
                    spliced(good.replace("Twente", "Twe@@nte"), e.getValue()),
                    "rows[0].region");
        }
        figureCsv(
                "UTF-16 with its byte order mark",
                concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, good.getBytes(StandardCharsets.UTF_16LE)),
                "file");
        String path = "/api/storypoints/" + slug + "/figures";
        byte[] bytes = good.getBytes(StandardCharsets.UTF_8);
        add("figures upload: no Content-Type", "PUT", path + "?set=Cijfers", true, null, bytes, "Content-Type");
        add("figures upload: as JSON", "PUT", path + "?set=Cijfers", true, JSON_TYPE, bytes, "Content-Type");
        add("figures upload: no set", "PUT", path, true, "text/csv", bytes, "set");
        add("figures upload: an invisible set", "PUT", path + "?set=%E2%80%8B", true, "text/csv", bytes, "set");
        add(
                "figures upload: a set of 101 characters",
                "PUT",
                path + "?set=" + "x".repeat(101),
                true,
                "text/csv",
                bytes,
                "set");
        for (String v : List.of("%00", "%FF", "%ED%A0%80", "%C0%80")) {
            add("figures upload: " + v + " in the set", "PUT", path + "?set=" + v, true, "text/csv", bytes, "set");
            add("figures: " + v + " in the set to delete", "DELETE", path + "?set=" + v, true, null, null, "set");
            add("figures: " + v + " as the figure to delete", "DELETE", path + "/" + v, true, null, null, "id");
        }
        add("figures: a word as the figure to delete", "DELETE", path + "/acht", true, null, null, "id");
        add("figures: a huge figure to delete", "DELETE", path + "/99999999999999999999", true, null, null, "id");
    }

    /** The text with the bytes in place of its {@code @@}. */
    private static byte[] spliced(String text, byte[] bytes) {
        int at = text.indexOf("@@");
        return concat(
                text.substring(0, at).getBytes(StandardCharsets.UTF_8),
                bytes,
                text.substring(at + 2).getBytes(StandardCharsets.UTF_8));
    }

    /** An import of another tool's export, with this mapping and file, which must be refused naming the field. */
    private void mapped(String what, String mapping, byte[] file, String field) {
        add(
                "mapped import: " + what,
                "POST",
                "/api/storypoints/" + slug + "/imports",
                true,
                "multipart/form-data; boundary=" + BOUNDARY,
                multipart(mapping.getBytes(StandardCharsets.UTF_8), file),
                field);
    }

    private void mappedImports() {
        String mapping = "{\"format\": \"columns\", \"text\": \"Tekst\", \"date\": \"Datum\", "
                + "\"role\": {\"fixed\": \"ouder\"}}";
        Map<String, String> files = new LinkedHashMap<>();
        files.put("Een\u0000verhaal,2021-07-28", "Tekst");
        files.put("\u200b\u2060,2021-07-28", "Tekst");
        files.put("Hij zei \"nee\",2021-07-28", "file");
        files.put("Een verhaal,1999-12-31", "Datum");
        files.put("Een verhaal,2100-01-01", "Datum");
        files.put("Een verhaal,20260101", "Datum");
        files.put("Een verhaal,2021-07-28,x", "row");
        files.forEach((row, field) -> mapped(
                "the row " + row, mapping, ("Tekst,Datum\r\n" + row + "\r\n").getBytes(StandardCharsets.UTF_8), field));
        for (Map.Entry<String, byte[]> e : NOT_UTF8.entrySet()) {
            mapped(
                    "not UTF-8 (" + e.getKey() + ")",
                    mapping,
                    spliced("Tekst,Datum\r\nEen @@ verhaal,2021-07-28\r\n", e.getValue()),
                    "Tekst");
        }
        byte[] good = "Tekst,Datum\r\nEen verhaal,2021-07-28\r\n".getBytes(StandardCharsets.UTF_8);
        Map<String, String> mappings = new LinkedHashMap<>();
        mappings.put("mapping.text", mapping.replace("\"Tekst\"", "\"Tek\\u0000st\""));
        mappings.put("mapping.format", mapping.replace("columns", "colu\\ud800mns"));
        mappings.put("mapping.separator", mapping.replace("{", "{\"separator\": 44, "));
        mappings.put("mapping.role.fixed", mapping.replace("\"ouder\"", "\"ou\\u0000der\""));
        mappings.put("mapping.date", mapping.replace("\"Datum\"", "20260101"));
        mappings.forEach((field, m) -> mapped("a mapping with " + m, m, good, field));
        for (Map.Entry<String, byte[]> e : NOT_UTF8.entrySet()) {
            String broken = mapping.replace("\"Tekst\"", "\"Tek@@st\"");
            add(
                    "mapped import: mapping not UTF-8 (" + e.getKey() + ")",
                    "POST",
                    "/api/storypoints/" + slug + "/imports",
                    true,
                    "multipart/form-data; boundary=" + BOUNDARY,
                    multipart(spliced(broken, e.getValue()), good),
                    "mapping");
        }
    }

    private static final String BOUNDARY = "vijandig-1234567890";

    private static byte[] multipart(byte[] mapping, byte[] file) {
        return concat(
                ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"mapping\"; filename=\"m.json\"\r\n"
                                + "Content-Type: application/json\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8),
                mapping,
                ("\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.csv\"\r\n"
                                + "Content-Type: text/csv\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8),
                file,
                ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    }

    // ----------------------------------------------------------------------------------------------------------
    // Making cases
    // ----------------------------------------------------------------------------------------------------------

    /** The fields of a body and their kinds, in order: a name, its kind, the next name… */
    private static Map<String, Kind> fields(Object... nameThenKind) {
        Map<String, Kind> fields = new LinkedHashMap<>();
        for (int i = 0; i < nameThenKind.length; i += 2) {
            fields.put((String) nameThenKind[i], (Kind) nameThenKind[i + 1]);
        }
        return fields;
    }

    /** Wrong values of each kind, as JSON: a value the field itself is wrong with. */
    private static final Map<Kind, List<String>> WRONG = new EnumMap<>(Kind.class);
    /** Wrong values of each kind of list, as JSON: a list whose first element is wrong. */
    private static final Map<Kind, List<String>> WRONG_ELEMENT = new EnumMap<>(Kind.class);

    static {
        List<String> texts = List.of(
                "\"Mijn\\u0000verhaal\"",
                "\"\\u0000\"",
                "\"a\\ud800b\"",
                "\"\\udfff\"",
                "\"\\ud83d\"",
                "5",
                "true",
                "[\"x\"]",
                "{\"x\": \"y\"}");
        List<String> invisible = List.of(
                "\"\\u200b\\u200b\"",
                "\" \\ufeff\\u00ad \"",
                "\"\\u0301\\u0308\"",
                "\"\\u3164\"",
                "\"\\u180e\\u2060\\u200d\"",
                "\"\\t\\r\\n\"");
        List<String> ints = List.of("\"1\"", "true", "1.5", "1e400", "9223372036854775808", "[1]", "{\"n\": 1}");
        WRONG.put(Kind.TEXT, texts);
        WRONG.put(Kind.VISIBLE, concat(texts, invisible));
        WRONG.put(Kind.INT, ints);
        WRONG.put(Kind.COUNT, concat(ints, List.of("-1")));
        WRONG.put(Kind.NUMBER, List.of("\"0.05\"", "true", "1e400", "-1e400", "[0.05]", "{}", "-1"));
        WRONG.put(Kind.BOOL, List.of("\"true\"", "1", "0", "\"yes\"", "[true]", "{}"));
        WRONG.put(
                Kind.DATE,
                List.of(
                        "20260101",
                        "\"2026-1-1\"",
                        "\"20260101\"",
                        "\"1999-12-31\"",
                        "\"2100-01-01\"",
                        "\"" + LocalDate.now().plusYears(1).plusDays(2) + "\"",
                        "\"2026-02-30\"",
                        "\"2026-03-12T10:00:00Z\"",
                        "\"+12026-01-01\"",
                        "\"2026-01-01\\u0000\"",
                        "true",
                        "[\"2026-01-01\"]"));
        WRONG.put(
                Kind.UUID,
                List.of("5", "\"geen-uuid\"", "\"\\u0000\"", "true", "[\"" + UUID.randomUUID() + "\"]", "{}"));
        WRONG.put(Kind.TEXTS, List.of("\"x\"", "5", "{\"a\": \"b\"}"));
        WRONG_ELEMENT.put(Kind.TEXTS, List.of("[5]", "[\"a\\u0000\"]", "[\"\\udc00\"]", "[[\"x\"]]", "[true]"));
        WRONG.put(Kind.INTS, List.of("\"1\"", "{}"));
        WRONG_ELEMENT.put(Kind.INTS, List.of("[\"1\"]", "[1.5]", "[1e400]", "[true]", "[[1]]"));
        WRONG.put(Kind.UUIDS, List.of("\"x\"", "{}"));
        WRONG_ELEMENT.put(Kind.UUIDS, List.of("[\"geen-uuid\"]", "[5]", "[\"\\u0000\"]"));
        WRONG.put(Kind.OBJECT, List.of("\"x\"", "5", "[]", "true"));
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    /** The wrong values a field of a kind is tried with, as JSON, and the field its answer must name. */
    private static Map<String, String> wrongValues(Kind kind, String field) {
        Map<String, String> values = new LinkedHashMap<>();
        WRONG.getOrDefault(kind, List.of()).forEach(v -> values.put(v, field));
        WRONG_ELEMENT.getOrDefault(kind, List.of()).forEach(v -> values.put(v, field + "[0]"));
        return values;
    }

    /** Every wrong value of every field, one at a time, in an otherwise good body. */
    private void jsonFields(
            String what,
            String method,
            String path,
            boolean admin,
            ObjectNode base,
            Map<String, Kind> fields,
            boolean freshSubmission)
            throws Exception {
        for (Map.Entry<String, Kind> f : fields.entrySet()) {
            for (Map.Entry<String, String> v :
                    wrongValues(f.getValue(), f.getKey()).entrySet()) {
                String json = withValue(base, f.getKey(), v.getKey(), freshSubmission);
                add(
                        what + ": " + f.getKey() + " = " + v.getKey(),
                        method,
                        path,
                        admin,
                        JSON_TYPE,
                        json.getBytes(StandardCharsets.UTF_8),
                        v.getValue());
            }
        }
    }

    /** Bodies that are not a readable JSON object of UTF-8, and bodies without or with another content type. */
    private void rawBodies(
            String what,
            String method,
            String path,
            boolean admin,
            ObjectNode base,
            String textField,
            boolean freshSubmission)
            throws Exception {
        String good = withValue(base, textField, "\"Een verhaal\"", freshSubmission);
        byte[] goodBytes = good.getBytes(StandardCharsets.UTF_8);
        add(what + ": no Content-Type", method, path, admin, null, goodBytes, "Content-Type");
        add(what + ": as text/plain", method, path, admin, "text/plain", goodBytes, "Content-Type");
        add(
                what + ": as form data",
                method,
                path,
                admin,
                "application/x-www-form-urlencoded",
                goodBytes,
                "Content-Type");
        add(
                what + ": JSON in Latin-1",
                method,
                path,
                admin,
                "application/json; charset=ISO-8859-1",
                withValue(base, textField, "\"Caf\u00e9\"", freshSubmission).getBytes(StandardCharsets.ISO_8859_1),
                null);
        add(what + ": JSON in UTF-16", method, path, admin, JSON_TYPE, good.getBytes(StandardCharsets.UTF_16), "body");
        add(what + ": empty body", method, path, admin, JSON_TYPE, new byte[0], "body");
        add(
                what + ": cut-off JSON",
                method,
                path,
                admin,
                JSON_TYPE,
                good.substring(0, good.length() / 2).getBytes(StandardCharsets.UTF_8),
                "body");
        add(
                what + ": a raw control character in a text",
                method,
                path,
                admin,
                JSON_TYPE,
                withValue(base, textField, "\"Een\u0001verhaal\"", freshSubmission)
                        .getBytes(StandardCharsets.UTF_8),
                "body");
        add(
                what + ": a raw NUL in a text",
                method,
                path,
                admin,
                JSON_TYPE,
                withValue(base, textField, "\"Een\u0000verhaal\"", freshSubmission)
                        .getBytes(StandardCharsets.UTF_8),
                "body");
        for (Map.Entry<String, byte[]> e : NOT_UTF8.entrySet()) {
            byte[] body = spliced(withValue(base, textField, "\"Een @@ verhaal\"", freshSubmission), e.getValue());
            add(
                    what + ": not UTF-8 (" + e.getKey() + ") in " + textField,
                    method,
                    path,
                    admin,
                    JSON_TYPE,
                    body,
                    "body");
        }
    }

    private void add(
            String name, String method, String path, boolean admin, String contentType, byte[] body, String field) {
        cases.add(new Case(name, method, path, admin, contentType, body, field));
    }

    /** The base body with the value at a dotted path ({@code a.b[0].c}) replaced by a JSON fragment. */
    private static String withValue(ObjectNode base, String path, String rawJson, boolean freshSubmission)
            throws Exception {
        ObjectNode body = base.deepCopy();
        if (freshSubmission) {
            body.put("submissionId", UUID.randomUUID().toString());
        }
        JsonNode parent = body;
        String[] parts = path.split("\\|")[0].split("\\.");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            int index = -1;
            if (part.endsWith("]")) {
                index = Integer.parseInt(part.substring(part.indexOf('[') + 1, part.length() - 1));
                part = part.substring(0, part.indexOf('['));
            }
            boolean last = i == parts.length - 1;
            ObjectNode object = (ObjectNode) parent;
            if (index < 0) {
                if (last) {
                    object.put(part, "@@hostile@@");
                } else {
                    if (!(object.get(part) instanceof ObjectNode)) {
                        object.putObject(part);
                    }
                    parent = object.get(part);
                }
            } else {
                ArrayNode array = (ArrayNode) object.get(part);
                if (last) {
                    array.set(index, JSON.getNodeFactory().textNode("@@hostile@@"));
                } else {
                    parent = array.get(index);
                }
            }
        }
        return JSON.writeValueAsString(body).replace(MARK, rawJson);
    }

    private static byte[] bytes(ObjectNode body) throws Exception {
        return JSON.writeValueAsBytes(body);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    // ----------------------------------------------------------------------------------------------------------
    // Running and judging
    // ----------------------------------------------------------------------------------------------------------

    private Outcome run(Case c, String from) {
        String before = fingerprint();
        Map<String, String> headers = new LinkedHashMap<>();
        if (c.admin()) {
            headers.put("Authorization", ADMIN);
        }
        if (c.contentType() != null && c.contentType().startsWith("Authorization: ")) {
            headers.put("Authorization", c.contentType().substring("Authorization: ".length()));
        } else if (c.contentType() != null) {
            headers.put("Content-Type", c.contentType());
        }
        int status;
        String type;
        String body;
        try {
            LoopbackHttp.Answer a = LoopbackHttp.sendBytes(from, c.method(), c.path(), headers, c.body());
            status = a.status();
            type = a.header("Content-Type");
            body = a.body();
        } catch (RuntimeException e) {
            status = 0;
            type = null;
            body = String.valueOf(e);
        }
        List<String> fields = new ArrayList<>();
        if (type != null && type.startsWith("application/problem+json")) {
            try {
                JsonNode problem = JSON.readTree(body);
                problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
            } catch (Exception e) {
                // judged below: not a problem document
            }
        }
        boolean stored = !fingerprint().equals(before);
        return new Outcome(c, status, type, fields, stored, body);
    }

    private void report(List<Outcome> outcomes) {
        int refused = 0;
        int serverErrors = 0;
        int notProblems = 0;
        int wrongField = 0;
        int stored = 0;
        Map<String, Integer> byStatus = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (Outcome o : outcomes) {
            byStatus.merge(String.valueOf(o.status()), 1, Integer::sum);
            boolean problem = o.type() != null && o.type().startsWith("application/problem+json");
            boolean clientError = o.status() >= 400 && o.status() < 500;
            List<String> why = new ArrayList<>();
            if (o.status() >= 500 || o.status() == 0) {
                serverErrors++;
                why.add("status " + o.status());
            } else if (!clientError) {
                why.add("status " + o.status());
            }
            if (!problem) {
                notProblems++;
                why.add("not problem+json (" + o.type() + ")");
            }
            if (clientError && problem) {
                refused++;
            }
            if (o.c().field() != null && problem && !names(o.fields(), o.c().field())) {
                wrongField++;
                why.add("names " + o.fields() + ", not " + o.c().field());
            }
            if (o.stored()) {
                stored++;
                why.add("something was stored");
            }
            if (!why.isEmpty()) {
                failures.add(o.c().name() + " [" + o.c().method() + " " + shorten(o.c().path()) + "]: "
                        + String.join("; ", why) + " :: " + shorten(o.body()));
            }
        }
        StringBuilder r = new StringBuilder("\n=== Hostile input corpus ===\n");
        r.append("cases tried:                        ").append(outcomes.size()).append('\n');
        r.append("answered 4xx problem+json:          ").append(refused).append('\n');
        r.append("answered 5xx (or not at all):       ").append(serverErrors).append('\n');
        r.append("not problem+json:                   ").append(notProblems).append('\n');
        r.append("problem without the expected field: ").append(wrongField).append('\n');
        r.append("wrongly stored:                     ").append(stored).append('\n');
        r.append("statuses: ").append(byStatus).append('\n');
        failures.forEach(f -> r.append("  FAIL ").append(f).append('\n'));
        System.out.println(r);
        assertThat(outcomes).hasSizeGreaterThanOrEqualTo(300);
        assertThat(failures).as(r.toString()).isEmpty();
        assertThat(refused).isEqualTo(outcomes.size());
    }

    /**
     * Whether the answer names the field, or the list a named element belongs to; {@code a|b} accepts either (a span
     * is named by its start).
     */
    private static boolean names(List<String> fields, String expected) {
        for (String field : expected.split("\\|")) {
            if (fields.contains(field) || fields.contains(field.replaceAll("\\[\\d+]$", ""))) {
                return true;
            }
        }
        return false;
    }

    private static String shorten(String s) {
        String oneLine = s == null ? "" : s.replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }

    /** The rows this test's world is made of, and the number of rows of every table that input could fill. */
    private String fingerprint() {
        String points =
                "(SELECT id FROM story_point WHERE slug IN ('" + slug + "', '" + stonesSlug + "', '" + planted + "'))";
        String sessions = "(SELECT id FROM sense_session WHERE story_point_id IN " + points + ")";
        String tables = "(SELECT id FROM session_table WHERE session_id IN " + sessions + ")";
        String proposals = "(SELECT id FROM proposal WHERE session_id IN " + sessions + ")";
        String cards = "(SELECT id FROM card WHERE story_point_id IN " + points + ")";
        StringBuilder sql = new StringBuilder("SELECT concat_ws('|'");
        for (String table : List.of(
                "story_point",
                "story_point_version",
                "question_module",
                "question_module_version",
                "story",
                "app_user",
                "app_user_role",
                "app_user_story_point",
                "evaluation_run",
                "evaluation_run_story_point",
                "evaluation_schedule",
                "evaluation_schedule_run",
                "comparison_run",
                "story_flag",
                "moderation_log",
                "export_log",
                "pattern_selection",
                "card",
                "card_story",
                "card_revision",
                "card_figure",
                "figure_set",
                "context_figure",
                "sense_session",
                "session_table",
                "session_table_card",
                "session_table_story",
                "proposal",
                "session_note",
                "proposal_update")) {
            sql.append(", (SELECT count(*) FROM ").append(table).append(')');
        }
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("story_point_version", "story_point_id IN " + points);
        rows.put("story", "story_point_id IN " + points);
        rows.put("sense_session", "story_point_id IN " + points);
        rows.put("session_table", "session_id IN " + sessions);
        rows.put("session_note", "table_id IN " + tables);
        rows.put("proposal", "session_id IN " + sessions);
        rows.put("proposal_update", "proposal_id IN " + proposals);
        rows.put("card", "story_point_id IN " + points);
        rows.put("card_story", "card_id IN " + cards);
        rows.put("app_user", "true");
        rows.put("question_module_version", "true");
        rows.put("pattern_selection", "true");
        rows.forEach(
                (table, where) -> sql.append(", (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), ''))")
                        .append(" FROM ")
                        .append(table)
                        .append(" t WHERE ")
                        .append(where)
                        .append(')'));
        sql.append(')');
        return Database.queryString(dataSource, sql.toString());
    }
}
