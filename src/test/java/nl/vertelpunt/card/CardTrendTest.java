package nl.vertelpunt.card;

import static nl.vertelpunt.testing.Fixtures.aStaffMember;
import static nl.vertelpunt.testing.Fixtures.as;
import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.publishedSample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.vertelpunt.sample.PatternedStories;
import nl.vertelpunt.testing.Evaluations;
import nl.vertelpunt.testing.HeardStories;
import nl.vertelpunt.testing.Planted;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A trend on a card ("Door de tijd"): a monitoring result put on an observation card is a snapshot that later stories
 * do not change, keeps its suppression, makes a new version, prints in the HTML and PDF deck with its heading and
 * period labels, is refused naming the field, is only for staff of the card's story point, and across a module only
 * one that the card's story point includes.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CardTrendTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "een-lang-wachtwoord";
    /** Share of stories with 'gehoord' at 70 or more per quarter, region 'noord' against the rest. */
    private static final Map<String, Object> HEARD_BY_REGION = Map.of(
            "indicators",
            List.of(Map.of("kind", "share-at-least", "question", "gehoord", "threshold", 70)),
            "interval",
            "quarter",
            "compare",
            Map.of("filter", Map.of("answers", Map.of("regio", List.of("noord")))));

    private Planted planted;

    /**
     * The planted story point with 400 stories told evenly over 2024 and 2025, 3 more in the first quarter of 2026 (too
     * few for a figure), and a finished evaluation of them.
     */
    private Planted planted() throws Exception {
        if (planted == null) {
            StringWriter csv = new StringWriter();
            long start = Instant.parse("2024-01-02T10:00:00Z").getEpochSecond();
            long step = (Instant.parse("2025-12-30T10:00:00Z").getEpochSecond() - start) / 400;
            Planted.writeOverTime(csv, 0, 400, start, step, 23);
            String slug = Planted.storyPoint("trend", csv.toString(), 400);
            importStories(slug, 3000, 3, Instant.parse("2026-02-10T10:00:00Z").getEpochSecond(), 60);
            planted = new Planted(slug, Planted.evaluate(slug));
        }
        return planted;
    }

    /** Imports {@code count} more stories, ids from {@code first}, from {@code start} every {@code step} seconds. */
    private static void importStories(String slug, int first, int count, long start, long step) throws Exception {
        StringWriter csv = new StringWriter();
        Planted.writeOverTime(csv, first, count, start, step, first);
        asAdmin()
                .contentType("text/csv")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/storypoints/" + slug + "/stories/import")
                .then()
                .statusCode(200)
                .body("created", equalTo(count));
    }

    /** A card of one of the planted patterns; each test takes another, as a pattern has one card. */
    private String aCard(int pattern) throws Exception {
        return planted()
                .draftCards(List.of(Planted.EIGHT_CARD_PATTERNS.get(pattern)))
                .get(0);
    }

    private static JsonPath putTrend(String card, Object body, int status) {
        return asAdmin()
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/cards/" + card + "/trend")
                .then()
                .statusCode(status)
                .extract()
                .jsonPath();
    }

    @Test
    void shouldKeepASnapshotThatLaterStoriesDoNotChangeWithItsSuppressionAsANewVersion() throws Exception {
        String card = aCard(0);
        String slug = planted().slug();
        JsonPath put = putTrend(card, Map.of("version", 1, "request", HEARD_BY_REGION), 200);
        assertThat(put.getInt("version")).isEqualTo(2);
        assertThat(put.getString("trend.scope"))
                .isEqualTo(PatternedStories.definition(slug).title().in("nl"));
        assertThat(put.getString("trend.focus")).isEqualTo("noord");
        assertThat(put.getString("trend.rest")).isEqualTo("De andere verhalen");
        assertThat(put.getString("trend.module")).isNull();
        assertThat(put.getString("trend.takenBy")).isEqualTo("admin");
        assertThat(put.getList("trend.monitor.periods", String.class))
                .hasSize(9)
                .startsWith("2024-Q1")
                .endsWith("2025-Q4", "2026-Q1");
        // the quarter of 3 stories: its count as "<5", no value, in both groups
        assertThat(put.getString("trend.monitor.indicators[0].series[0].points[8].stories"))
                .isIn("0", "<5");
        assertThat(put.getString("trend.monitor.indicators[0].series[1].points[8].stories"))
                .isEqualTo("<5");
        assertThat(put.getString("trend.monitor.indicators[0].series[0].points[8].value"))
                .isNull();
        assertThat(put.getString("trend.monitor.indicators[0].series[1].points[0].value"))
                .isNotNull();
        JsonNode before =
                JSON.readTree(asAdmin().get("/api/cards/" + card).asString()).get("trend");

        // 60 more stories in the first quarter of 2024: the monitor changes, the card does not
        importStories(slug, 5000, 60, Instant.parse("2024-02-01T10:00:00Z").getEpochSecond(), 3600);
        JsonNode now = JSON.readTree(asAdmin()
                .contentType(ContentType.JSON)
                .body(HEARD_BY_REGION)
                .post("/api/storypoints/" + slug + "/monitor")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        JsonNode kept = JSON.readTree(asAdmin().get("/api/cards/" + card).asString());
        assertThat(kept.get("trend")).isEqualTo(before);
        assertThat(now.at("/indicators/0/series/1/points/0/stories"))
                .isNotEqualTo(kept.at("/trend/monitor/indicators/0/series/1/points/0/stories"));
        // an edit of the text keeps the trend; every version holds the trend it had
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("version", 2, "title", "Met een trend"))
                .put("/api/cards/" + card)
                .then()
                .statusCode(200)
                .body("trend.focus", equalTo("noord"));
        JsonPath revisions = asAdmin()
                .get("/api/cards/" + card + "/revisions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(revisions.getList("version", Integer.class)).containsExactly(3, 2, 1);
        assertThat(revisions.getString("content[1].trend.focus")).isEqualTo("noord");
        assertThat(revisions.getString("content[2].trend")).isNull();

        // a stale version is refused, then it is taken off as version 4
        asAdmin()
                .queryParam("version", 2)
                .delete("/api/cards/" + card + "/trend")
                .then()
                .statusCode(409);
        asAdmin()
                .queryParam("version", 3)
                .delete("/api/cards/" + card + "/trend")
                .then()
                .statusCode(200)
                .body("version", equalTo(4))
                .body("trend", equalTo(null));
        asAdmin().get("/api/storypoints/" + slug + "/cards").then().statusCode(200);
    }

    @Test
    void shouldPrintTheTrendWithItsHeadingPeriodsAndTheNoteOnSmallNumbers() throws Exception {
        String card = aCard(1);
        String slug = planted().slug();
        Map<String, Object> two = Map.of(
                "indicators",
                List.of(
                        Map.of("kind", "share-at-least", "question", "gehoord", "threshold", 70),
                        Map.of("kind", "median", "question", "op-tijd")),
                "compare",
                Map.of("filter", Map.of("answers", Map.of("regio", List.of("noord")))));
        putTrend(card, Map.of("request", two), 200);
        assertThat(asAdmin()
                        .get("/api/storypoints/" + slug + "/cards")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("findAll { it.id == '" + card + "' }.hasTrend", Boolean.class))
                .containsExactly(true);

        String html = new String(planted().deck(card, "deck.html"), StandardCharsets.UTF_8);
        assertThat(html)
                .contains(">Door de tijd</h2>")
                .contains("per kwartaal: noord tegenover de andere verhalen.")
                .contains("Aandeel verhalen met 70 of hoger bij ‘")
                .contains("Middelste waarde (mediaan) bij ‘")
                .contains("<th scope=\"row\" class=\"\">2024 K1</th>")
                .contains("Geen punt, minder dan 5 verhalen: 2026 K1 (noord), 2026 K1 (De andere verhalen).")
                .contains("stroke-dasharray=\"5 3\"")
                .contains("Momentopname van ");

        byte[] pdf = planted().deck(card, "deck.pdf");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replace('\u00a0', ' ');
            assertThat(text)
                    .containsIgnoringCase("Door de tijd")
                    .contains("2024 K1")
                    .contains("2025 K4")
                    .contains("2026 K1")
                    .contains("minder dan 5 verhalen")
                    .contains("noord");
        }
    }

    @Test
    void shouldRefuseBadInputNamingTheField() throws Exception {
        String card = aCard(2);
        assertThat(putTrend(card, Map.of("version", 1), 422).getList("errors.field", String.class))
                .containsExactly("request");
        Map<String, Object> indicator = Map.of("kind", "median", "question", "gehoord");
        assertThat(putTrend(
                                card,
                                Map.of("request", Map.of("indicators", List.of(indicator, indicator, indicator))),
                                422)
                        .getList("errors.field", String.class))
                .containsExactly("request.indicators");
        assertThat(putTrend(
                                card,
                                Map.of(
                                        "request",
                                        Map.of(
                                                "indicators",
                                                List.of(Map.of("kind", "median", "question", "regio")),
                                                "interval",
                                                "week")),
                                422)
                        .getList("errors.field", String.class))
                .containsExactly("request.indicators[0].question", "request.interval");
        // 24 months do not fit on a card
        assertThat(putTrend(card, Map.of("request", Map.of("indicators", List.of(indicator), "interval", "month")), 422)
                        .getList("errors.field", String.class))
                .containsExactly("request.filter");
        // the planted story point includes no module
        assertThat(putTrend(card, Map.of("module", "kern", "request", Map.of("indicators", List.of(indicator))), 422)
                        .getList("errors.field", String.class))
                .containsExactly("module");
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("version", "1", "request", Map.of("indicators", List.of(indicator))))
                .put("/api/cards/" + card + "/trend")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        putTrend(card, Map.of("version", 7, "request", Map.of("indicators", List.of(indicator))), 409);
        putTrend(UUID.randomUUID().toString(), Map.of("request", Map.of("indicators", List.of(indicator))), 404);
        assertThat(asAdmin().get("/api/cards/" + card).jsonPath().getInt("version"))
                .isEqualTo(1);
    }

    @Test
    void shouldPutAModuleTrendOnlyForStaffOfTheCardsStoryPointThatIncludesTheModule() throws Exception {
        String national = publishedSample("trend-nl", "voordejeugd.json", d -> {});
        String twente = publishedSample("trend-tw", "twente.json", d -> {});
        HeardStories.importInto(national, "tnl-", 300, 31, 0, 20);
        HeardStories.importInto(twente, "ttw-", 250, 32, 30, 45);
        String run = asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("module", "kern", "storyPoints", List.of(national, twente)))
                .post("/api/evaluations")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        assertThat(Evaluations.finished(run).get("status").asText()).isEqualTo("done");
        String card = asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("runId", run, "pattern", "slider_by_choice|gehoord|storyPoint", "storyPoint", twente))
                .post("/api/cards")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String ownFacilitator = aStaffMember("begeleider-" + twente, PASSWORD, "facilitator", twente);
        String nationalAnalyst = aStaffMember("analist-" + national, PASSWORD, "analyst", national);
        Map<String, Object> body = Map.of(
                "module",
                "kern",
                "request",
                Map.of(
                        "indicators",
                        List.of(Map.of("kind", "share-at-least", "question", "gehoord", "threshold", 25)),
                        "compare",
                        Map.of("filter", Map.of("answers", Map.of("storyPoint", List.of(twente))))));

        // the national analyst's story point includes 'kern' too, but the card is Twente's
        as(nationalAnalyst, PASSWORD)
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/cards/" + card + "/trend")
                .then()
                .statusCode(403);
        as(nationalAnalyst, PASSWORD)
                .delete("/api/cards/" + card + "/trend")
                .then()
                .statusCode(403);
        JsonPath put = as(ownFacilitator, PASSWORD)
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/cards/" + card + "/trend")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(put.getString("trend.module")).isEqualTo("kern");
        assertThat(put.getString("trend.scope")).startsWith("alle vertelpunten met de vragen van ‘");
        assertThat(put.getString("trend.focus")).contains("Twente");
        assertThat(put.getString("trend.rest")).isEqualTo("De andere vertelpunten");
        assertThat(put.getList("trend.monitor.periods", String.class)).containsExactly("2019-Q2", "2019-Q3");
        // every story of this Twente put the slider at 30 to 45, of this national story point at 20 or lower (which
        // are among the rest, with those of other story points with the module); every count is a multiple of the
        // threshold or "<k". (All of these stories stay under 50, which ModuleEvaluationTest counts on in the rest.)
        List<Double> focus = put.getList("trend.monitor.indicators[0].series[0].points.value", Double.class);
        List<Double> rest = put.getList("trend.monitor.indicators[0].series[1].points.value", Double.class);
        assertThat(focus.get(0)).isEqualTo(1.0);
        assertThat(rest.get(0)).isLessThan(1.0);
        int threshold = put.getInt("trend.monitor.threshold");
        for (Object stories : put.getList("trend.monitor.indicators[0].series.points.stories.flatten()")) {
            assertThat(stories instanceof Number n ? n.intValue() % threshold == 0 : stories.equals("<" + threshold))
                    .isTrue();
        }
    }
}
