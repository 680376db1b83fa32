package nl.vertelpunt.evaluation;

import static io.restassured.RestAssured.given;
import static nl.vertelpunt.testing.Fixtures.as;
import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.vertelpunt.sample.PatternedStories;
import nl.vertelpunt.testing.Evaluations;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pattern evaluation as a job, end to end: story import, API, background run on the real PostgreSQL. */
@QuarkusTest
class EvaluationJobTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static String planted;
    private static String independent;
    private static String tiny;

    @Inject
    AgroalDataSource dataSource;

    /** The two story points with generated stories, made once (REST Assured knows the port only inside a test). */
    @BeforeEach
    void storyPoints() throws Exception {
        if (planted == null) {
            planted = storyPointWith(new PatternedStories(true, 11), 1200);
            independent = storyPointWith(new PatternedStories(false, 12), 1200);
            tiny = storyPointWith(new PatternedStories(false, 13), 7);
        }
    }

    private static String storyPointWith(PatternedStories stories, int count) throws Exception {
        String slug = uniqueSlug("patterns");
        asAdmin()
                .contentType(ContentType.JSON)
                .body(JSON.writeValueAsString(PatternedStories.definition(slug)))
                .put("/api/storypoints/" + slug)
                .then()
                .statusCode(201);
        StringWriter csv = new StringWriter();
        stories.write(csv, count);
        asAdmin()
                .contentType("text/csv")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/storypoints/" + slug + "/stories/import")
                .then()
                .statusCode(200)
                .body("created", equalTo(count));
        return slug;
    }

    private static String start(Object request) {
        return asAdmin()
                .contentType(ContentType.JSON)
                .body(request)
                .post("/api/evaluations")
                .then()
                .statusCode(202)
                .header("Location", containsString("/api/evaluations/"))
                .body("status", equalTo("queued"))
                .extract()
                .path("id");
    }

    static JsonNode finished(String id) throws Exception {
        return Evaluations.finished(id);
    }

    private static Set<String> strongPairs(JsonNode patterns) {
        Set<String> pairs = new HashSet<>();
        for (JsonNode p : patterns) {
            if (p.get("strong").asBoolean()) {
                List<String> q = new ArrayList<>(List.of(
                        p.get("questions").get(0).asText(),
                        p.get("questions").get(1).asText()));
                q.sort(String::compareTo);
                pairs.add(String.join("|", q));
            }
        }
        return pairs;
    }

    @Test
    void shouldFindEveryPlantedPatternStrong() throws Exception {
        JsonNode run = finished(start(Map.of("storyPoint", planted)));
        assertThat(run.get("status").asText()).isEqualTo("done");
        JsonNode result = run.get("result");
        assertThat(result.get("stories").asInt()).isEqualTo(1200);
        assertThat(result.get("fingerprint").asText())
                .matches("[0-9a-f]{64}")
                .isEqualTo(run.get("fingerprint").asText());
        assertThat(strongPairs(result.get("patterns"))).containsAll(PatternedStories.PLANTED);

        JsonNode heard = find(result.get("patterns"), "gehoord", "gevolg");
        assertThat(heard.get("test").asText()).isEqualTo("kruskal-wallis");
        assertThat(heard.get("df").asInt()).isEqualTo(4);
        assertThat(heard.get("effectSize").get("name").asText()).isEqualTo("epsilon-squared");
        assertThat(heard.get("pairwise")).hasSize(10);
        assertThat(heard.get("groups")).hasSize(5);
        assertThat(heard.get("q").asDouble())
                .isGreaterThanOrEqualTo(heard.get("p").asDouble());
        JsonNode waiting = find(result.get("patterns"), "wachttijd", "themas:wachten");
        assertThat(waiting.get("test").asText()).isEqualTo("mann-whitney");
        assertThat(waiting.get("effectSize").get("name").asText()).isEqualTo("rank-biserial");
        JsonNode regions = find(result.get("patterns"), "regio", "soort-hulp");
        assertThat(regions.get("test").asText()).isEqualTo("chi-square");
        assertThat(regions.get("table").get("adjustedResiduals")).hasSize(4);
        JsonNode triad = find(result.get("patterns"), "balans", "fase");
        assertThat(triad.get("kind").asText()).isEqualTo("triad_by_choice");
        assertThat(triad.get("test").asText()).isEqualTo("pillai");
        assertThat(triad.get("df")).hasSize(2);
        assertThat(triad.get("df").get(0).asInt()).isEqualTo(4);
        assertThat(triad.get("effectSize").get("name").asText()).isEqualTo("partial-eta-squared");
        assertThat(triad.get("groups")).hasSize(3);
        // the planted centres: "eerste" towards Hulp, "afsluiting" towards Mensen
        JsonNode first = triad.get("groups").get(0).get("meanShares");
        JsonNode last = triad.get("groups").get(2).get("meanShares");
        assertThat(first.get(0).asDouble()).isGreaterThan(first.get(1).asDouble());
        assertThat(last.get(1).asDouble()).isGreaterThan(last.get(0).asDouble());
        assertThat(triad.get("ternary").get("cells")).hasSize(100);
        assertThat(triad.get("ternary").get("corners").get(0).asText()).isEqualTo("Hulp");
        assertThat(triad.get("zoneRule").get("cornerShare").asInt()).isEqualTo(60);
        assertThat(strongPairs(result.get("patterns"))).contains("balans:zone|fase");
        assertThat(result.get("summary").get("triadByChoice").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode correlation = find(result.get("patterns"), "gehoord", "op-tijd");
        assertThat(correlation.get("test").asText()).isEqualTo("spearman");
        assertThat(correlation.get("joint").get("bins")).hasSize(10);
        assertThat(correlation.get("effectSize").get("value").asDouble()).isBetween(0.4, 0.8);

        // two options of one multichoice question are never tested against each other
        for (JsonNode p : result.get("patterns")) {
            String a = p.get("questions").get(0).asText();
            String b = p.get("questions").get(1).asText();
            assertThat(a.contains(":") && b.contains(":") && a.split(":")[0].equals(b.split(":")[0]))
                    .as(a + " vs " + b)
                    .isFalse();
        }
        // ranked by effect on the common scale
        double previous = Double.MAX_VALUE;
        int rank = 1;
        for (JsonNode p : result.get("patterns")) {
            assertThat(p.get("rank").asInt()).isEqualTo(rank++);
            assertThat(p.get("standardizedEffect").asDouble()).isLessThanOrEqualTo(previous);
            previous = p.get("standardizedEffect").asDouble();
        }
    }

    private static JsonNode find(JsonNode patterns, String a, String b) {
        for (JsonNode p : patterns) {
            Set<String> q = Set.of(
                    p.get("questions").get(0).asText(),
                    p.get("questions").get(1).asText());
            if (q.equals(Set.of(a, b))) {
                return p;
            }
        }
        throw new AssertionError("no pattern for " + a + " and " + b);
    }

    @Test
    void shouldFindNoStrongPatternInIndependentAnswers() throws Exception {
        JsonNode result = finished(start(Map.of("storyPoint", independent))).get("result");
        // 8 sliders, 15 choice-like variables (role, 5 choices, 8 multichoice options, the triad's zone) and the triad
        // by each of the 14 that are no zone: every pair tested
        assertThat(result.get("summary").get("tests").asInt())
                .isEqualTo(8 * 15 + (15 * 14 / 2 - 6 - 6) + 8 * 7 / 2 + 14);
        assertThat(result.get("summary").get("triadByChoice").asInt()).isZero();
        assertThat(strongPairs(result.get("patterns"))).isEmpty();
        assertThat(result.get("summary").get("strong").asInt()).isZero();
        assertThat(result.get("notes").toString()).contains("No pattern is strong");
    }

    @Test
    void shouldGiveTheSameResultByteForByteWhenRunAgain() throws Exception {
        Map<String, Object> request = Map.of(
                "storyPoint",
                planted,
                "filter",
                Map.of("roles", List.of("ouder", "professional")),
                "settings",
                Map.of("minGroupSize", 10));
        String first = rawResult(finished(start(request)).get("id").asText());
        String second = rawResult(finished(start(request)).get("id").asText());
        assertThat(second).isEqualTo(first);
        assertThat(first).doesNotContain("createdAt").contains("\"minGroupSize\":10");
    }

    private String rawResult(String id) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT result FROM evaluation_run WHERE id = ?")) {
            ps.setObject(1, UUID.fromString(id));
            var rs = ps.executeQuery();
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void shouldCountNotApplicableAndUnansweredAsMissingNeverAsZero() throws Exception {
        // exact counts: the stored result (the API shows them rounded, see shouldSuppressSmallCountsInTheApi)
        JsonNode result = JSON.readTree(rawResult(
                finished(start(Map.of("storyPoint", planted))).get("id").asText()));
        JsonNode heard = null;
        for (JsonNode d : result.get("distributions")) {
            if (d.get("variable").asText().equals("gehoord")) {
                heard = d;
            }
        }
        assertThat(heard).isNotNull();
        int answered = heard.get("answered").asInt();
        assertThat(heard.get("notApplicable").asInt()).isPositive();
        assertThat(heard.get("unanswered").asInt()).isPositive();
        assertThat(answered
                        + heard.get("notApplicable").asInt()
                        + heard.get("unanswered").asInt())
                .isEqualTo(1200);
        assertThat(heard.get("stats").get("n").asInt()).isEqualTo(answered);
        long binned = 0;
        for (JsonNode b : heard.get("stats").get("bins")) {
            binned += b.asLong();
        }
        assertThat(binned).isEqualTo(answered);
    }

    @Test
    void shouldNarrowByFilterAndCompareASubset() throws Exception {
        Map<String, Object> request = Map.of(
                "storyPoint",
                planted,
                "filter",
                Map.of("answers", Map.of("regio", List.of("noord", "oost")), "from", "2024-01-01", "to", "2024-12-31"),
                "subset",
                Map.of("filter", Map.of("roles", List.of("professional"))));
        JsonNode result = finished(start(request)).get("result");
        int stories = result.get("stories").asInt();
        assertThat(stories).isBetween(450, 700);
        JsonNode exact =
                JSON.readTree(rawResult(finished(start(request)).get("id").asText()));
        JsonNode subset = exact.get("subset");
        assertThat(subset.get("subsetStories").asInt()
                        + subset.get("otherStories").asInt())
                .isEqualTo(exact.get("stories").asInt());
        assertThat(subset.get("overlapping").asBoolean()).isFalse();
        assertThat(strongPairs(subset.get("patterns"))).contains("duidelijk|subset");
        // the subset is chosen by role: comparing role would only show that choice, so it is left out and said so
        assertThat(subset.get("leftOutVariables")).extracting(JsonNode::asText).containsExactly("role");
        assertThat(subset.get("notes").toString()).contains("Not compared").contains("role");
        assertThat(subset.get("patterns"))
                .noneSatisfy(p -> assertThat(p.get("questions").get(0).asText()).isEqualTo("role"));
        assertThat(subset.get("skipped"))
                .noneSatisfy(p -> assertThat(p.get("questions").get(0).asText()).isEqualTo("role"));
    }

    @Test
    void shouldCountStoriesWithoutTheSubsetAnswerAmongTheRest() throws Exception {
        // about 5% of the stories did not answer regio: they are not in the subset, so they are the rest
        Map<String, Object> request = Map.of(
                "storyPoint",
                planted,
                "subset",
                Map.of("filter", Map.of("answers", Map.of("regio", List.of("noord")))));
        JsonNode exact =
                JSON.readTree(rawResult(finished(start(request)).get("id").asText()));
        JsonNode subset = exact.get("subset");
        assertThat(subset.get("subsetStories").asInt()
                        + subset.get("otherStories").asInt())
                .isEqualTo(1200);
        JsonNode regio = null;
        for (JsonNode d : exact.get("distributions")) {
            if (d.get("variable").asText().equals("regio")) {
                regio = d;
            }
        }
        assertThat(subset.get("otherWithoutSubsetAnswer").asInt())
                .isPositive()
                .isEqualTo(regio.get("unanswered").asInt()
                        + regio.get("notApplicable").asInt()
                        + regio.get("notAsked").asInt());
        assertThat(subset.get("notes").toString()).contains("otherWithoutSubsetAnswer");
        assertThat(subset.get("leftOutVariables")).extracting(JsonNode::asText).containsExactly("regio");
    }

    @Test
    void shouldCountAStoryInBothSetsOnlyInTheSubset() throws Exception {
        // parents and professionals of region noord, against every story: the subset lies inside the other set
        Map<String, Object> request = Map.of(
                "storyPoint",
                planted,
                "filter",
                Map.of("roles", List.of("ouder", "professional")),
                "subset",
                Map.of("filter", Map.of("answers", Map.of("regio", List.of("noord"))), "against", Map.of()));
        JsonNode exact =
                JSON.readTree(rawResult(finished(start(request)).get("id").asText()));
        JsonNode subset = exact.get("subset");
        int inSubset = subset.get("subsetStories").asInt();
        assertThat(inSubset).isPositive();
        assertThat(subset.get("overlapping").asBoolean()).isTrue();
        assertThat(subset.get("overlappingStories").asInt()).isEqualTo(inSubset);
        assertThat(subset.get("otherStories").asInt()).isEqualTo(1200 - inSubset);
        assertThat(subset.get("notes").toString()).contains("counted in the subset only");
        // the evaluated set (by role) and the subset (by regio) choose the stories: neither is compared
        assertThat(subset.get("leftOutVariables")).extracting(JsonNode::asText).containsExactly("role", "regio");
        for (JsonNode p : subset.get("patterns")) {
            long n = 0;
            for (JsonNode g : p.path("groups")) {
                n += g.get("tested").asBoolean() ? g.get("n").asLong() : 0;
            }
            if (p.has("groups")) {
                assertThat(n)
                        .as(p.get("questions").toString())
                        .isEqualTo(p.get("n").asLong())
                        .isLessThanOrEqualTo(1200);
            }
        }
    }

    @Test
    void shouldNotShowExactSmallCountsInRunsOrSkipReasons() throws Exception {
        // 7 stories: the run list and the run show 5 (the nearest multiple of k = 5), the stored run keeps 7
        String id = start(Map.of("storyPoint", tiny, "settings", Map.of("minGroupSize", 2)));
        JsonNode run = finished(id);
        assertThat(run.get("stories").asInt()).isEqualTo(5);
        assertThat(run.get("result").get("stories").asInt()).isEqualTo(5);
        asAdmin()
                .get("/api/storypoints/" + tiny + "/evaluations")
                .then()
                .statusCode(200)
                .body("find { it.id == '" + id + "' }.stories", equalTo(5));
        JsonNode exact = JSON.readTree(rawResult(id));
        assertThat(exact.get("stories").asInt()).isEqualTo(7);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT story_count FROM evaluation_run WHERE id = ?")) {
            ps.setObject(1, UUID.fromString(id));
            var rs = ps.executeQuery();
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(7);
        }
        // minGroupSize 2 is raised to the threshold 5, and said so
        assertThat(exact.get("settings").get("minGroupSize").asInt()).isEqualTo(5);
        assertThat(exact.get("request").get("settings").get("minGroupSize").asInt())
                .isEqualTo(2);
        // no reason or note states a count of stories under k
        List<String> texts = new ArrayList<>();
        exact.get("skipped").forEach(s -> texts.add(s.get("reason").asText()));
        exact.get("notes").forEach(n -> texts.add(n.asText()));
        assertThat(texts).isNotEmpty().noneSatisfy(t -> assertThat(t).containsPattern("\\b[1-4]\\b|\\b7\\b"));
        assertThat(exact.get("skipped"))
                .filteredOn(s -> s.get("kind").asText().equals("slider_by_slider"))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.get("reason").asText()).isEqualTo("fewer than 10 stories answered both"));
    }

    @Test
    void shouldRecordTheDurationOfFailedRunsToo() throws Exception {
        double before = metric("failed");
        // a run whose stored request cannot be read fails as soon as a worker takes it
        String id = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("INSERT INTO evaluation_run (id, story_point_id, status, progress, request, "
                                + "requested_by, created_at) SELECT ?, id, 'queued', 0, '{\"storyPoint\": \"x\", \"settings\": \"nonsense\"}', "
                                + "'admin', now() FROM story_point WHERE slug = ?")) {
            ps.setObject(1, UUID.fromString(id));
            ps.setString(2, independent);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        JsonNode run = finished(id);
        assertThat(run.get("status").asText()).isEqualTo("failed");
        assertThat(run.get("error").asText()).contains("could not be completed");
        assertThat(metric("failed")).isEqualTo(before + 1);
        finished(start(Map.of("storyPoint", independent)));
        assertThat(metric("done")).isPositive();
    }

    /** The number of runs with this outcome in vertelpunt_evaluation_duration_seconds (0 before the first). */
    private static double metric(String outcome) {
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        String prefix = "vertelpunt_evaluation_duration_seconds_count{outcome=\"" + outcome + "\"}";
        return metrics.lines()
                .filter(l -> l.startsWith(prefix))
                .mapToDouble(
                        l -> Double.parseDouble(l.substring(prefix.length()).trim()))
                .findFirst()
                .orElse(0);
    }

    @Test
    void shouldSuppressSmallCountsInTheApi() throws Exception {
        JsonNode view = finished(start(Map.of("storyPoint", planted)));
        JsonNode shown = view.get("result");
        JsonNode exact = JSON.readTree(rawResult(view.get("id").asText()));
        assertThat(shown.get("suppressionThreshold").asInt()).isEqualTo(5);
        // every shown count is 0, "<5" or a multiple of 5; the statistics stay exact
        List<JsonNode> counts = new ArrayList<>();
        shown.get("distributions").forEach(d -> {
            counts.add(d.get("answered"));
            counts.add(d.get("notApplicable"));
            d.path("stats").path("bins").forEach(counts::add);
            d.path("categories").forEach(c -> counts.add(c.get("count")));
        });
        shown.get("patterns").forEach(p -> {
            counts.add(p.get("n"));
            p.path("groups").forEach(g -> g.path("bins").forEach(counts::add));
            p.path("table").path("counts").forEach(row -> row.forEach(counts::add));
        });
        assertThat(counts)
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.isTextual() ? c.asText().equals("<5") : c.asLong() % 5 == 0)
                        .as(c.toString())
                        .isTrue());
        assertThat(counts).anySatisfy(c -> assertThat(c.asText()).isEqualTo("<5"));
        JsonNode shownPattern = find(shown.get("patterns"), "gehoord", "gevolg");
        JsonNode exactPattern = find(exact.get("patterns"), "gehoord", "gevolg");
        assertThat(shownPattern.get("p").asDouble())
                .isEqualTo(exactPattern.get("p").asDouble());
        assertThat(shownPattern.get("statistic").asDouble())
                .isEqualTo(exactPattern.get("statistic").asDouble());
    }

    @Test
    void shouldSayPlainlyWhyNothingCouldBeTestedWithTooFewStories() throws Exception {
        Map<String, Object> request = Map.of(
                "storyPoint",
                planted,
                "filter",
                Map.of(
                        "roles",
                        List.of("jongere"),
                        "answers",
                        Map.of("regio", List.of("noord"), "leeftijd", List.of("0-4"))));
        JsonNode run = finished(start(request));
        assertThat(run.get("status").asText()).isEqualTo("done");
        JsonNode result = run.get("result");
        assertThat(result.get("stories").asInt()).isLessThan(10);
        assertThat(result.get("patterns")).isEmpty();
        assertThat(result.get("skipped").size()).isGreaterThan(0);
        assertThat(result.get("notes").get(0).asText()).contains("could be tested");

        Map<String, Object> none = Map.of(
                "storyPoint",
                planted,
                "filter",
                // after every story, within the range of dates taken in (at most a year ahead)
                Map.of("from", java.time.LocalDate.now().plusMonths(6).toString()));
        JsonNode empty = finished(start(none)).get("result");
        assertThat(empty.get("stories").asInt()).isZero();
        assertThat(empty.get("notes").get(0).asText()).contains("No story matches the filter");
    }

    @Test
    void shouldRefuseBadRequestsNamingTheField() {
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("storyPoint", "bestaat-niet"))
                .post("/api/evaluations")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("storyPoint"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/api/evaluations")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("storyPoint"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body("{\"storyPoint\": \"bestaat-niet\", \"settings\": {\"minGroupSize\": 2.5}}")
                .post("/api/evaluations")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("settings.minGroupSize"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "storyPoint",
                        planted,
                        "filter",
                        Map.of(
                                "answers",
                                Map.of("bestaat-niet", List.of("x"), "regio", List.of("mars")),
                                "roles",
                                List.of("opa"),
                                "channels",
                                List.of("fax")),
                        "settings",
                        Map.of("minGroupSize", 1, "maxQ", 2)))
                .post("/api/evaluations")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        Matchers.containsInAnyOrder(
                                "filter.answers.bestaat-niet",
                                "filter.answers.regio[0]",
                                "filter.roles[0]",
                                "filter.channels[0]",
                                "settings.minGroupSize",
                                "settings.maxQ"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("storyPoint", planted, "filter", Map.of("answers", Map.of("gehoord", List.of("50")))))
                .post("/api/evaluations")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("filter.answers.gehoord"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("storyPoint", planted, "filter", Map.of("from", "gisteren")))
                .post("/api/evaluations")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("filter.from"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("storyPoint", planted, "colour", "blue"))
                .post("/api/evaluations")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("colour"));
        asAdmin()
                .get("/api/evaluations/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        asAdmin().get("/api/evaluations/not-a-uuid").then().statusCode(404);
    }

    @Test
    void shouldRefuseEverySettingOutOfRangeNamingIt() {
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "storyPoint",
                        planted,
                        "settings",
                        Map.of(
                                "minGroupSize",
                                10_001,
                                "maxQ",
                                0,
                                "minRankBiserial",
                                -0.1,
                                "minEpsilonSquared",
                                1.5,
                                "minCramersV",
                                2,
                                "minSpearman",
                                -1,
                                "minPairs",
                                9,
                                "minPartialEtaSquared",
                                1.5,
                                "triadCornerShare",
                                50,
                                "triadEdgeShare",
                                50)))
                .post("/api/evaluations")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        Matchers.containsInAnyOrder(
                                "settings.minGroupSize",
                                "settings.maxQ",
                                "settings.minRankBiserial",
                                "settings.minEpsilonSquared",
                                "settings.minCramersV",
                                "settings.minSpearman",
                                "settings.minPairs",
                                "settings.minPartialEtaSquared",
                                "settings.triadCornerShare",
                                "settings.triadEdgeShare"));
        // corner and edge zones that would overlap: an answer could lie near two edges
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("storyPoint", planted, "settings", Map.of("triadCornerShare", 70, "triadEdgeShare", 16)))
                .post("/api/evaluations")
                .then()
                .statusCode(422)
                .body("errors.field", Matchers.contains("settings.triadEdgeShare"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "storyPoint",
                        planted,
                        "settings",
                        Map.of(
                                "minGroupSize",
                                1,
                                "maxQ",
                                1.01,
                                "minRankBiserial",
                                1.01,
                                "minEpsilonSquared",
                                -0.01,
                                "minCramersV",
                                -0.5,
                                "minSpearman",
                                1.5,
                                "minPairs",
                                1_000_001)))
                .post("/api/evaluations")
                .then()
                .statusCode(422)
                .body(
                        "errors.field",
                        Matchers.containsInAnyOrder(
                                "settings.minGroupSize",
                                "settings.maxQ",
                                "settings.minRankBiserial",
                                "settings.minEpsilonSquared",
                                "settings.minCramersV",
                                "settings.minSpearman",
                                "settings.minPairs"));
        // the edges of every range are allowed
        start(Map.of(
                "storyPoint",
                tiny,
                "settings",
                Map.of(
                        "minGroupSize",
                        2,
                        "maxQ",
                        1,
                        "minRankBiserial",
                        0,
                        "minEpsilonSquared",
                        1,
                        "minCramersV",
                        0,
                        "minSpearman",
                        1,
                        "minPairs",
                        10,
                        "minPartialEtaSquared",
                        0,
                        "triadCornerShare",
                        100,
                        "triadEdgeShare",
                        0)));
    }

    @Test
    void shouldRefuseABadSubsetNamingTheField() {
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("storyPoint", planted, "subset", Map.of()))
                .post("/api/evaluations")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", Matchers.contains("subset.filter"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("storyPoint", planted, "subset", Map.of("against", Map.of())))
                .post("/api/evaluations")
                .then()
                .statusCode(422)
                .body("errors.field", Matchers.contains("subset.filter"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "storyPoint",
                        planted,
                        "subset",
                        Map.of(
                                "filter",
                                        Map.of(
                                                "answers",
                                                Map.of("bestaat-niet", List.of("x"), "regio", List.of("mars")),
                                                "roles",
                                                List.of("opa")),
                                "against",
                                        Map.of(
                                                "answers",
                                                Map.of("soort-hulp", List.of("ggz", "toverij")),
                                                "ranges",
                                                Map.of("onbekend", List.of(0, 50))))))
                .post("/api/evaluations")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        Matchers.containsInAnyOrder(
                                "subset.filter.answers.bestaat-niet",
                                "subset.filter.answers.regio[0]",
                                "subset.filter.roles[0]",
                                "subset.against.answers.soort-hulp[1]",
                                "subset.against.ranges.onbekend"));
    }

    @Test
    void shouldLetOnlyAnalystsOfTheStoryPointEvaluate() {
        String outsider = "analyst-" + uniqueSlug("elsewhere");
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "username",
                        outsider,
                        "password",
                        "a-long-enough-password",
                        "roles",
                        List.of("analyst"),
                        "storyPoints",
                        List.of(independent)))
                .post("/api/users")
                .then()
                .statusCode(201);
        as(outsider, "a-long-enough-password")
                .contentType(ContentType.JSON)
                .body(Map.of("storyPoint", planted))
                .post("/api/evaluations")
                .then()
                .statusCode(403);
        String id = start(Map.of("storyPoint", planted));
        as(outsider, "a-long-enough-password")
                .get("/api/evaluations/" + id)
                .then()
                .statusCode(403);
        as(outsider, "a-long-enough-password")
                .get("/api/storypoints/" + planted + "/evaluations")
                .then()
                .statusCode(403);
        given().contentType(ContentType.JSON)
                .body(Map.of("storyPoint", planted))
                .post("/api/evaluations")
                .then()
                .statusCode(401);
        asAdmin()
                .get("/api/storypoints/" + planted + "/evaluations")
                .then()
                .statusCode(200)
                .body("id", hasItem(id))
                .body("[0].result", Matchers.nullValue());
    }

    @Test
    void shouldTakeOverARunWhoseWorkerDied() throws Exception {
        String id = start(Map.of("storyPoint", independent));
        finished(id);
        // the same run as if a replica had claimed it and then died: running, with an old heartbeat
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE evaluation_run SET status = 'running', claimed_by = 'vp-dead', "
                                + "heartbeat_at = now() - interval '1 minute', progress = 0.3, result = NULL, attempts = 1 WHERE id = ?")) {
            ps.setObject(1, UUID.fromString(id));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        JsonNode run = finished(id);
        assertThat(run.get("status").asText()).isEqualTo("done");
        assertThat(run.get("result")).isNotNull();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT attempts, claimed_by FROM evaluation_run WHERE id = ?")) {
            ps.setObject(1, UUID.fromString(id));
            var rs = ps.executeQuery();
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
            assertThat(rs.getString(2)).isNotEqualTo("vp-dead");
        }
        asAdmin().get("/api/evaluations/" + id).then().body("result.fingerprint", notNullValue());
    }
}
