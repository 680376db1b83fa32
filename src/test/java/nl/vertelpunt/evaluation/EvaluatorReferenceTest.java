package nl.vertelpunt.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import nl.vertelpunt.evaluation.stats.Golden;
import nl.vertelpunt.storypoint.definition.Question;
import nl.vertelpunt.storypoint.definition.QuestionType;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The code that runs, end to end, against SciPy: the {@link Evaluator} (slider counts, its own pair loops,
 * chi-square over the kept categories, Holm within a pair, BH over the family, the subset comparison) on the
 * stories of {@code src/test/resources/evaluation/fixture.json} (made by {@code evaluation_fixture.py}),
 * read through the {@link DatasetBuilder} as the database loader reads them, compared with
 * {@code reference.json}, which {@code src/test/python/reference_evaluation.py} computed from the same
 * fixture with SciPy. Every statistic, df, p, q, effect size, n and group statistic must agree to a relative
 * 1e-9 (absolute 1e-12 near zero; p and q relatively however small), and the tested and skipped pairs must be
 * the same ones, with the same reasons.
 *
 * <p>Not a @QuarkusTest: the Evaluator is plain computation on an in-memory dataset.
 */
class EvaluatorReferenceTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final JsonNode FIXTURE = load("/evaluation/fixture.json");
    private static final JsonNode REFERENCE = load("/evaluation/reference.json");

    private static JsonNode load(String resource) {
        try (InputStream in = EvaluatorReferenceTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Arguments> runs() {
        return IntStream.range(0, FIXTURE.get("runs").size())
                .mapToObj(
                        i -> Arguments.of(FIXTURE.get("runs").get(i).get("name").asText(), i));
    }

    private static StoryPointDefinition definition() throws IOException {
        return JSON.treeToValue(FIXTURE.get("definition"), StoryPointDefinition.class);
    }

    /** The fixture's stories as DatasetLoader hands them over: answers as PostgreSQL's {@code ->>} or {@code ::text} give them. */
    static Dataset dataset(StoryPointDefinition definition, JsonNode run) {
        Set<String> base = ids(run.get("inBase"));
        Set<String> subset = ids(run.get("inSubset"));
        Set<String> comparison = ids(run.get("inComparison"));
        boolean withSubset = run.get("request").has("subset");
        DatasetBuilder builder = new DatasetBuilder(definition, withSubset, 8);
        List<Question> columns = builder.columns();
        String[] answers = new String[columns.size()];
        for (JsonNode story : FIXTURE.get("stories")) {
            for (int i = 0; i < answers.length; i++) {
                JsonNode a = story.get("answers").get(columns.get(i).id());
                QuestionType type = columns.get(i).type();
                answers[i] = a == null
                        ? null
                        : (type == QuestionType.SLIDER || type == QuestionType.CHOICE) && a.isTextual()
                                ? a.asText()
                                : a.toString();
            }
            String id = story.get("id").asText();
            builder.add(
                    id,
                    story.get("role").asText(),
                    story.get("channel").asText(),
                    answers,
                    base.contains(id),
                    subset.contains(id),
                    comparison.contains(id));
        }
        return builder.build();
    }

    private static Set<String> ids(JsonNode list) {
        Set<String> ids = new HashSet<>();
        list.forEach(n -> ids.add(n.asText()));
        return ids;
    }

    private static JsonNode evaluate(int index) throws IOException {
        JsonNode run = FIXTURE.get("runs").get(index);
        StoryPointDefinition definition = definition();
        EvaluationRequest request =
                JSON.treeToValue(run.get("request"), EvaluationRequest.class).normalized();
        EvaluationResult result = Evaluator.evaluate(dataset(definition, run), request, definition, "test", p -> {});
        return JSON.valueToTree(result);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void shouldAgreeWithScipyOnEveryPatternOfTheRun(String name, int index) throws IOException {
        JsonNode actual = evaluate(index);
        JsonNode expected = REFERENCE.get("runs").get(index);
        assertThat(expected.get("name").asText()).isEqualTo(name);
        assertThat(actual.get("stories").asLong())
                .isEqualTo(expected.get("stories").asLong());
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.get("settings").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> setting = it.next();
            assertThat(actual.get("settings").get(setting.getKey()).asDouble())
                    .as("settings." + setting.getKey())
                    .isEqualTo(setting.getValue().asDouble());
        }
        distributions(actual.get("distributions"), expected.get("distributions"));
        family(name, actual.get("patterns"), actual.get("skipped"), expected.get("patterns"), expected.get("skipped"));

        JsonNode subset = actual.get("subset");
        JsonNode expectedSubset = expected.get("subset");
        for (String count :
                List.of("subsetStories", "otherStories", "overlappingStories", "otherWithoutSubsetAnswer")) {
            assertThat(subset.get(count).asLong())
                    .as("subset." + count)
                    .isEqualTo(expectedSubset.get(count).asLong());
        }
        assertThat(subset.get("overlapping").asBoolean())
                .isEqualTo(expectedSubset.get("overlapping").asBoolean());
        assertThat(strings(subset.get("leftOutVariables"))).isEqualTo(strings(expectedSubset.get("leftOutVariables")));
        family(
                name + " subset",
                subset.get("patterns"),
                subset.get("skipped"),
                expectedSubset.get("patterns"),
                expectedSubset.get("skipped"));
    }

    private static void family(
            String run,
            JsonNode actualPatterns,
            JsonNode actualSkipped,
            JsonNode expectedPatterns,
            JsonNode expectedSkipped) {
        Map<String, JsonNode> byKey = new TreeMap<>();
        actualPatterns.forEach(p -> byKey.put(EvaluationService.key(p), p));
        Map<String, String> skipped = new TreeMap<>();
        actualSkipped.forEach(s -> skipped.put(
                s.get("kind").asText() + "|" + s.get("questions").get(0).asText() + "|"
                        + s.get("questions").get(1).asText(),
                s.get("reason").asText()));
        Map<String, String> expectedReasons = new TreeMap<>();
        expectedSkipped
                .fields()
                .forEachRemaining(
                        e -> expectedReasons.put(e.getKey(), e.getValue().asText()));
        List<String> expectedKeys = new ArrayList<>();
        expectedPatterns.fieldNames().forEachRemaining(expectedKeys::add);
        assertThat(byKey.keySet()).as(run + ": tested pairs").containsExactlyInAnyOrderElementsOf(expectedKeys);
        assertThat(skipped).as(run + ": skipped pairs and why").isEqualTo(expectedReasons);
        expectedPatterns
                .fields()
                .forEachRemaining(e -> pattern(run + " " + e.getKey(), byKey.get(e.getKey()), e.getValue()));
    }

    private static void pattern(String what, JsonNode actual, JsonNode expected) {
        assertThat(actual.get("test").asText())
                .as(what + " test")
                .isEqualTo(expected.get("test").asText());
        statistic(what + " statistic", actual.get("statistic"), expected.get("statistic"));
        assertThat(String.valueOf(value(actual.get("df"))))
                .as(what + " df")
                .isEqualTo(String.valueOf(value(expected.get("df"))));
        probability(what + " p", actual.get("p"), expected.get("p"));
        probability(what + " q", actual.get("q"), expected.get("q"));
        assertThat(actual.get("effectSize").get("name").asText())
                .isEqualTo(expected.get("effectSize").get("name").asText());
        statistic(
                what + " effect size",
                actual.get("effectSize").get("value"),
                expected.get("effectSize").get("value"));
        statistic(what + " standardized effect", actual.get("standardizedEffect"), expected.get("standardizedEffect"));
        assertThat(actual.get("n").asLong())
                .as(what + " n")
                .isEqualTo(expected.get("n").asLong());
        assertThat(actual.get("strong").asBoolean())
                .as(what + " strong")
                .isEqualTo(expected.get("strong").asBoolean());
        assertThat(value(actual.get("notes"))).as(what + " notes").isEqualTo(value(expected.get("notes")));
        if (present(expected.get("groups"))) {
            assertThat(actual.get("groups"))
                    .as(what + " groups")
                    .hasSize(expected.get("groups").size());
            for (int g = 0; g < expected.get("groups").size(); g++) {
                JsonNode group = expected.get("groups").get(g);
                assertThat(actual.get("groups").get(g).get("category").asText())
                        .isEqualTo(group.get("category").asText());
                assertThat(actual.get("groups").get(g).get("tested").asBoolean())
                        .as(what + " tested " + g)
                        .isEqualTo(group.get("tested").asBoolean());
                groupStats(
                        what + " group " + group.get("category").asText(),
                        actual.get("groups").get(g),
                        group);
            }
        } else {
            assertThat(present(actual.get("groups"))).as(what + " groups").isFalse();
        }
        if (present(expected.get("pairwise"))) {
            assertThat(actual.get("pairwise"))
                    .as(what + " pairwise")
                    .hasSize(expected.get("pairwise").size());
            for (int i = 0; i < expected.get("pairwise").size(); i++) {
                JsonNode e = expected.get("pairwise").get(i);
                JsonNode a = actual.get("pairwise").get(i);
                String pair = what + " pairwise " + e.get("a").asText() + "-"
                        + e.get("b").asText();
                assertThat(a.get("a").asText() + "-" + a.get("b").asText())
                        .isEqualTo(e.get("a").asText() + "-" + e.get("b").asText());
                statistic(pair + " U", a.get("u"), e.get("u"));
                statistic(pair + " z", a.get("z"), e.get("z"));
                probability(pair + " p", a.get("p"), e.get("p"));
                probability(pair + " Holm", a.get("pHolm"), e.get("pHolm"));
                statistic(pair + " rank-biserial", a.get("rankBiserial"), e.get("rankBiserial"));
            }
        } else {
            assertThat(present(actual.get("pairwise"))).as(what + " pairwise").isFalse();
        }
        if (present(expected.get("table"))) {
            JsonNode e = expected.get("table");
            JsonNode a = actual.get("table");
            assertThat(strings(a.get("rows"))).as(what + " rows").isEqualTo(strings(e.get("rows")));
            assertThat(strings(a.get("columns"))).as(what + " columns").isEqualTo(strings(e.get("columns")));
            assertThat(a.get("counts").toString())
                    .as(what + " counts")
                    .isEqualTo(e.get("counts").toString());
            cells(what + " expected", a.get("expected"), e.get("expected"));
            cells(what + " adjusted residuals", a.get("adjustedResiduals"), e.get("adjustedResiduals"));
            statistic(what + " low expected share", a.get("lowExpectedShare"), e.get("lowExpectedShare"));
            assertThat(a.get("lowExpectedWarning").asBoolean())
                    .isEqualTo(e.get("lowExpectedWarning").asBoolean());
            assertThat(strings(a.get("smallCategoriesLeftOut")))
                    .as(what + " left out")
                    .isEqualTo(strings(e.get("smallCategoriesLeftOut")));
        } else {
            assertThat(present(actual.get("table"))).as(what + " table").isFalse();
        }
        if (present(expected.get("ternary"))) {
            assertThat(actual.get("ternary").get("cells").toString())
                    .as(what + " ternary cells")
                    .isEqualTo(expected.get("ternary").get("cells").toString());
        }
        if (present(expected.get("joint"))) {
            assertThat(actual.get("joint").get("bins").toString())
                    .as(what + " joint")
                    .isEqualTo(expected.get("joint").get("bins").toString());
        }
    }

    private static void distributions(JsonNode actual, JsonNode expected) {
        assertThat(actual).hasSize(expected.size());
        for (JsonNode a : actual) {
            String variable = a.get("variable").asText();
            JsonNode e = expected.get(variable);
            assertThat(e).as("distribution of " + variable).isNotNull();
            for (String count : List.of("answered", "notApplicable", "unanswered", "notAsked")) {
                assertThat(a.get(count).asLong())
                        .as(variable + " " + count)
                        .isEqualTo(e.get(count).asLong());
            }
            if (present(e.get("stats"))) {
                groupStats("distribution " + variable, a.get("stats"), e.get("stats"));
            }
            if (present(e.get("categories"))) {
                for (int k = 0; k < e.get("categories").size(); k++) {
                    JsonNode ec = e.get("categories").get(k);
                    JsonNode ac = a.get("categories").get(k);
                    assertThat(ac.get("id").asText()).isEqualTo(ec.get("id").asText());
                    assertThat(ac.get("count").asLong())
                            .as(variable + " count")
                            .isEqualTo(ec.get("count").asLong());
                    statistic(variable + " share " + ec.get("id").asText(), ac.get("share"), ec.get("share"));
                }
            }
            if (e.has("meanShares")) {
                for (int k = 0; k < 3 && present(e.get("meanShares")); k++) {
                    statistic(
                            variable + " mean share " + k,
                            a.get("meanShares").get(k),
                            e.get("meanShares").get(k));
                }
            }
        }
    }

    private static void groupStats(String what, JsonNode actual, JsonNode expected) {
        assertThat(actual.get("n").asLong())
                .as(what + " n")
                .isEqualTo(expected.get("n").asLong());
        if (expected.has("zones")) {
            // a group of a triad × choice pattern: its closed geometric mean and its count per zone
            assertThat(actual.get("zones").toString())
                    .as(what + " zones")
                    .isEqualTo(expected.get("zones").toString());
            for (int k = 0; k < 3 && present(expected.get("meanShares")); k++) {
                statistic(
                        what + " mean share " + k,
                        actual.get("meanShares").get(k),
                        expected.get("meanShares").get(k));
            }
            assertThat(present(actual.get("meanShares")))
                    .as(what + " mean shares")
                    .isEqualTo(present(expected.get("meanShares")));
            return;
        }
        for (String field : List.of("mean", "median", "mode", "sd", "skewness", "kurtosis")) {
            statistic(what + " " + field, actual.get(field), expected.get(field));
        }
        assertThat(actual.get("bins").toString())
                .as(what + " bins")
                .isEqualTo(expected.get("bins").toString());
    }

    private static void cells(String what, JsonNode actual, JsonNode expected) {
        assertThat(actual).as(what).hasSize(expected.size());
        for (int r = 0; r < expected.size(); r++) {
            assertThat(actual.get(r)).as(what).hasSize(expected.get(r).size());
            for (int c = 0; c < expected.get(r).size(); c++) {
                statistic(
                        what + "[" + r + "][" + c + "]",
                        actual.get(r).get(c),
                        expected.get(r).get(c));
            }
        }
    }

    private static void statistic(String what, JsonNode actual, JsonNode expected) {
        if (!present(expected)) {
            assertThat(present(actual))
                    .as(what + " should be absent, was " + actual)
                    .isFalse();
            return;
        }
        if (!present(actual)) {
            fail(what + ": expected " + expected + " but it is absent");
        }
        Golden.assertStatistic(what, expected.asDouble(), actual.asDouble());
    }

    private static void probability(String what, JsonNode actual, JsonNode expected) {
        if (!present(expected)) {
            assertThat(present(actual))
                    .as(what + " should be absent, was " + actual)
                    .isFalse();
            return;
        }
        if (!present(actual)) {
            fail(what + ": expected " + expected + " but it is absent");
        }
        Golden.assertProbability(what, expected.asDouble(), actual.asDouble());
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull();
    }

    private static Object value(JsonNode node) {
        return present(node) ? node : null;
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (present(node)) {
            node.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    // ---- properties of the result beyond the numbers --------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void shouldPutNoNonFiniteNumberIntoTheJson(String name, int index) throws IOException {
        JsonNode result = evaluate(index);
        List<String> bad = new ArrayList<>();
        walk(result, "$", bad);
        assertThat(bad).as(name).isEmpty();
        assertThat(JSON.writeValueAsString(result)).doesNotContain("Infinity").doesNotContain("NaN");
    }

    @Test
    void shouldReportRhoOfOneWithoutAnInfiniteStatistic() throws IOException {
        JsonNode result = evaluate(0);
        // the fixture holds two sliders with identical answers: ρ = 1, t infinite, so no statistic, p = 0 and a note
        JsonNode perfect = null;
        for (JsonNode p : result.get("patterns")) {
            if (EvaluationService.key(p).equals("slider_by_slider|samen|veilig")) {
                perfect = p;
            }
        }
        assertThat(perfect).as("the pattern with ρ = 1").isNotNull();
        assertThat(present(perfect.get("statistic"))).isFalse();
        assertThat(perfect.get("p").asDouble()).isZero();
        assertThat(perfect.get("effectSize").get("value").asDouble()).isEqualTo(1.0);
        assertThat(perfect.get("notes").get(0).asText()).contains("t is infinite");
    }

    private static void walk(JsonNode node, String path, List<String> bad) {
        if (node.isNumber() && !Double.isFinite(node.asDouble())) {
            bad.add(path + " = " + node);
        } else if (node.isTextual() && Set.of("NaN", "Infinity", "-Infinity").contains(node.asText())) {
            bad.add(path + " = " + node);
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> walk(e.getValue(), path + "." + e.getKey(), bad));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", bad);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void shouldGiveTheSameJsonByteForByte(String name, int index) throws IOException {
        assertThat(JSON.writeValueAsString(evaluate(index))).isEqualTo(JSON.writeValueAsString(evaluate(index)));
    }

    @Test
    void shouldRaiseTheMinimaToTheSuppressionThreshold() throws IOException {
        EvaluationSettings asked = new EvaluationSettings(3, null, null, null, null, null, 12, null, null, null);
        EvaluationSettings effective = Evaluator.effective(asked, 8);
        assertThat(effective.minGroupSize()).isEqualTo(8);
        assertThat(effective.minPairs()).isEqualTo(12);
        assertThat(effective.maxQ()).isEqualTo(0.05);
        assertThat(Evaluator.effective(asked, 1).minGroupSize()).isEqualTo(3);
        // the first run asks for 3: the result reports 5, says so, and tests no group under 5 (regio=zuid has 3)
        JsonNode result = evaluate(0);
        assertThat(result.get("settings").get("minGroupSize").asInt()).isEqualTo(5);
        assertThat(result.get("request").get("settings").get("minGroupSize").asInt())
                .isEqualTo(3);
        assertThat(result.get("notes").toString()).contains("suppression threshold");
        for (JsonNode p : result.get("patterns")) {
            p.path("groups")
                    .forEach(g -> assertThat(
                                    !g.get("tested").asBoolean() || g.get("n").asLong() >= 5)
                            .as(EvaluationService.key(p) + " " + g.get("category"))
                            .isTrue());
            p.path("table").path("counts").forEach(row -> {
                long total = 0;
                for (JsonNode cell : row) {
                    total += cell.asLong();
                }
                assertThat(total).as(EvaluationService.key(p) + " row").isGreaterThanOrEqualTo(5);
            });
        }
    }

    @Test
    void shouldLeaveOutSmallRowsAndColumnsInTurnUntilAllKeptOnesAreLargeEnough() {
        // the third row is small; without it the second column has 4 answers, so it goes too
        assertThat(Evaluator.keptCategories(new long[][] {{10, 2}, {10, 2}, {0, 3}}, 5))
                .isDeepEqualTo(new int[][] {{0, 1}, {0}});
        // the other way round: the third column is small; without it the second row has 4 answers
        assertThat(Evaluator.keptCategories(new long[][] {{10, 10, 0}, {2, 2, 3}}, 5))
                .isDeepEqualTo(new int[][] {{0}, {0, 1}});
        // nothing small: everything stays
        assertThat(Evaluator.keptCategories(new long[][] {{5, 6}, {7, 8}}, 5)).isDeepEqualTo(new int[][] {{0, 1}, {0, 1}
        });
    }
}
