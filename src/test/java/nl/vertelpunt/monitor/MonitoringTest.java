package nl.vertelpunt.monitor;

import static nl.vertelpunt.testing.Fixtures.aDefinition;
import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.nl;
import static nl.vertelpunt.testing.Fixtures.option;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import nl.vertelpunt.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Monitoring over time on generated stories: every value, interval and count of the API is compared with what this test
 * computes itself from the stories it made (shares and medians from the answers, the median's order-statistic ranks
 * from a binomial written out here; Wilson's formula itself is checked against SciPy in {@link MonitorReferenceTest}),
 * a quarter with too few stories shows its count only, and every wrong request is refused naming the field.
 */
@QuarkusTest
class MonitoringTest {

    private static final List<String> QUARTERS = List.of("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1");
    /** Stories per quarter in Twente and elsewhere; Twente has 3 in 2025-Q3, under the threshold of 5. */
    private static final int[][] SIZES = {{14, 30}, {22, 18}, {3, 25}, {40, 9}, {11, 12}};

    private static String slug;
    /** Per quarter label, per group ("focus" = Twente, "rest"): the slider answers of 'gehoord' (NA left out). */
    private static final Map<String, Map<String, List<Integer>>> HEARD = new TreeMap<>();
    /** Per quarter and group: {answered 'themas', chose 'school'}. */
    private static final Map<String, Map<String, int[]>> SCHOOL = new TreeMap<>();

    @BeforeEach
    void stories() {
        if (slug != null) {
            return;
        }
        String point = Fixtures.uniqueSlug("monitor");
        Map<String, Object> definition = aDefinition(point);
        @SuppressWarnings("unchecked")
        List<Object> questions = new ArrayList<>((List<Object>) definition.get("questions"));
        questions.add(Map.of(
                "id",
                "regio",
                "number",
                30,
                "type",
                "choice",
                "label",
                nl("Regio"),
                "options",
                List.of(option("twente", "Twente"), option("utrecht", "Utrecht"))));
        definition.put("questions", questions);
        asAdmin()
                .contentType(ContentType.JSON)
                .body(definition)
                .put("/api/storypoints/" + point)
                .then()
                .statusCode(201);
        Random random = new Random(17);
        StringBuilder csv =
                new StringBuilder("id,submitted_at,role,channel,language,title,text,gevolg,gehoord,themas,regio\r\n");
        int id = 0;
        for (int q = 0; q < QUARTERS.size(); q++) {
            int year = q < 4 ? 2025 : 2026;
            int month = (q % 4) * 3 + 1;
            for (int g = 0; g < 2; g++) {
                String group = g == 0 ? "focus" : "rest";
                for (int i = 0; i < SIZES[q][g]; i++) {
                    id++;
                    // Twente hears people more often: its sliders lean to the right pole
                    int heard = g == 0 ? 40 + random.nextInt(61) : random.nextInt(101);
                    boolean notApplicable = random.nextInt(9) == 0;
                    String themes = random.nextBoolean() ? "school" : random.nextBoolean() ? "thuis|school" : "thuis";
                    boolean noThemes = random.nextInt(7) == 0;
                    // a story on the last evening of a quarter in UTC is already in the next one in Dutch time: the
                    // first story of each quarter after the first is dated there
                    String time = i == 0 && q > 0
                            ? String.format(
                                    "%d-%02d-%02dT23:30:00Z",
                                    month == 1 ? year - 1 : year,
                                    month == 1 ? 12 : month - 1,
                                    month == 1 || month == 4 ? 31 : 30)
                            : String.format(
                                    "%d-%02d-%02dT12:00:00Z", year, month + random.nextInt(3), 1 + random.nextInt(28));
                    csv.append(String.format(
                            "s%d,%s,ouder,online,nl,,Dit is een verhaal over de hulp die we kregen.,positief,%s,%s,%s\r\n",
                            id,
                            time,
                            notApplicable ? "NA" : Integer.toString(heard),
                            noThemes ? "" : themes,
                            g == 0 ? "twente" : "utrecht"));
                    if (!notApplicable) {
                        HEARD.computeIfAbsent(QUARTERS.get(q), k -> new TreeMap<>())
                                .computeIfAbsent(group, k -> new ArrayList<>())
                                .add(heard);
                    }
                    int[] school = SCHOOL.computeIfAbsent(QUARTERS.get(q), k -> new TreeMap<>())
                            .computeIfAbsent(group, k -> new int[2]);
                    if (!noThemes) {
                        school[0]++;
                        school[1] += themes.contains("school") ? 1 : 0;
                    }
                }
            }
        }
        asAdmin()
                .contentType("text/csv")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/storypoints/" + point + "/stories/import")
                .then()
                .statusCode(200);
        slug = point;
    }

    private static JsonPath monitor(Map<String, Object> body) {
        return asAdmin()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/storypoints/" + slug + "/monitor")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    private static Map<String, Object> twenteAgainstTheRest(List<Map<String, Object>> indicators) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("indicators", indicators);
        body.put("interval", "quarter");
        body.put("compare", Map.of("filter", Map.of("answers", Map.of("regio", List.of("twente")))));
        return body;
    }

    @Test
    void shouldGiveTheShareAtLeastAThresholdPerQuarterAndGroupWithWilsonIntervals() {
        JsonPath json = monitor(twenteAgainstTheRest(
                List.of(Map.of("kind", "share-at-least", "question", "gehoord", "threshold", 70))));
        assertThat(json.getList("periods", String.class)).isEqualTo(QUARTERS);
        assertThat(json.getBoolean("compared")).isTrue();
        assertThat(json.getString("indicators[0].questionLabel")).isEqualTo("Gehoord voelen");
        int checked = 0;
        for (int g = 0; g < 2; g++) {
            String group = g == 0 ? "focus" : "rest";
            assertThat(json.getString("indicators[0].series[" + g + "].group")).isEqualTo(group);
            for (int q = 0; q < QUARTERS.size(); q++) {
                String at = "indicators[0].series[" + g + "].points[" + q + "].";
                List<Integer> values = HEARD.get(QUARTERS.get(q)).get(group);
                int n = values.size();
                long hits = values.stream().filter(v -> v >= 70).count();
                assertThat(json.getString(at + "period")).isEqualTo(QUARTERS.get(q));
                if (n < 5) {
                    assertThat(json.getString(at + "stories")).isEqualTo("<5");
                    assertThat(json.getMap(at.substring(0, at.length() - 1)))
                            .doesNotContainKeys("value", "low", "high");
                    continue;
                }
                assertThat(json.getInt(at + "stories")).isEqualTo((int) (Math.round(n / 5.0) * 5));
                assertThat(json.getDouble(at + "value")).isCloseTo(hits / (double) n, within(1e-12));
                Intervals.Estimate wilson = Intervals.wilson(hits, n);
                assertThat(json.getDouble(at + "low")).isCloseTo(wilson.low(), within(1e-12));
                assertThat(json.getDouble(at + "high")).isCloseTo(wilson.high(), within(1e-12));
                assertThat(json.getDouble(at + "low")).isLessThanOrEqualTo(json.getDouble(at + "value"));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(9);
    }

    @Test
    void shouldGiveTheMedianWithItsOrderStatisticInterval() {
        JsonPath json = monitor(Map.of("indicators", List.of(Map.of("kind", "median", "question", "gehoord"))));
        assertThat(json.getBoolean("compared")).isFalse();
        assertThat(json.getString("indicators[0].series[0].group")).isEqualTo("all");
        for (int q = 0; q < QUARTERS.size(); q++) {
            List<Integer> values = new ArrayList<>(HEARD.get(QUARTERS.get(q)).get("focus"));
            values.addAll(HEARD.get(QUARTERS.get(q)).get("rest"));
            values.sort(null);
            int n = values.size();
            double median = n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2.0;
            // r - 1 = the largest j with P(B <= j) <= 0.025, B ~ Bin(n, 1/2), summed here term by term
            double pmf = Math.pow(0.5, n);
            double cdf = pmf;
            int j = -1;
            for (int k = 0; cdf <= 0.025; k++) {
                j = k;
                pmf = pmf * (n - k) / (k + 1);
                cdf += pmf;
            }
            int r = j + 1;
            String at = "indicators[0].series[0].points[" + q + "].";
            assertThat(json.getDouble(at + "value")).as(QUARTERS.get(q)).isEqualTo(median);
            assertThat(json.getDouble(at + "low")).isEqualTo(values.get(r - 1).doubleValue());
            assertThat(json.getDouble(at + "high")).isEqualTo(values.get(n - r).doubleValue());
            assertThat(json.getDouble(at + "coverage")).isGreaterThanOrEqualTo(0.95);
        }
    }

    @Test
    void shouldGiveTheShareOfAnOptionOfAMultichoiceQuestionAmongTheStoriesThatAnsweredIt() {
        JsonPath json = monitor(twenteAgainstTheRest(
                List.of(Map.of("kind", "share-option", "question", "themas", "option", "school"))));
        assertThat(json.getString("indicators[0].optionLabel")).isEqualTo("School");
        for (int g = 0; g < 2; g++) {
            for (int q = 0; q < QUARTERS.size(); q++) {
                int[] school = SCHOOL.get(QUARTERS.get(q)).get(g == 0 ? "focus" : "rest");
                String at = "indicators[0].series[" + g + "].points[" + q + "].";
                if (school[0] < 5) {
                    assertThat(json.getString(at + "value")).isNull();
                    continue;
                }
                assertThat(json.getDouble(at + "value")).isCloseTo(school[1] / (double) school[0], within(1e-12));
            }
        }
    }

    @Test
    void shouldCountMonthsInDutchTimeAndShowEveryMonthOfTheRange() {
        JsonPath json = monitor(Map.of(
                "indicators",
                List.of(Map.of("kind", "median", "question", "op-tijd")),
                "interval",
                "month",
                "filter",
                Map.of("from", "2024-11-15", "to", "2025-02-10")));
        assertThat(json.getList("periods", String.class)).containsExactly("2024-11", "2024-12", "2025-01", "2025-02");
        // nobody answered 'op-tijd': every month shows 0 stories and no value
        assertThat(json.getList("indicators[0].series[0].points.stories", Integer.class))
                .containsOnly(0);
        assertThat(json.getList("indicators[0].series[0].points.value")).containsOnlyNulls();
        assertThat(json.getString("indicators[0].series[0].points[2].start")).isEqualTo("2025-01-01");
        assertThat(json.getString("indicators[0].series[0].points[2].end")).isEqualTo("2025-01-31");
    }

    @Test
    void shouldRefuseIndicatorsThatDoNotFitTheStoryPointNamingEachField() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "indicators",
                List.of(
                        Map.of("kind", "share-at-least", "question", "bestaat-niet", "threshold", 70),
                        Map.of("kind", "median", "question", "gevolg"),
                        Map.of("kind", "share-at-least", "question", "gehoord", "threshold", 101),
                        Map.of("kind", "share-option", "question", "gevolg", "option", "geen-optie"),
                        Map.of("kind", "gemiddelde", "question", "gehoord"),
                        Map.of("kind", "share-at-least", "question", "gehoord"),
                        Map.of("kind", "median", "question", "gehoord", "option", "school"),
                        Map.of("kind", "share-option", "question", "gehoord", "option", "school")));
        body.put("interval", "week");
        body.put("compare", Map.of("filter", Map.of()));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/storypoints/" + slug + "/monitor")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        containsInAnyOrder(
                                "indicators[0].question",
                                "indicators[1].question",
                                "indicators[2].threshold",
                                "indicators[3].option",
                                "indicators[4].kind",
                                "indicators[5].threshold",
                                "indicators[6].option",
                                "indicators[7].question",
                                "interval",
                                "compare.filter"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("indicators", List.of()))
                .post("/api/storypoints/" + slug + "/monitor")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("indicators"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "indicators",
                        List.of(Map.of("kind", "median", "question", "gehoord")),
                        "compare",
                        Map.of("filter", Map.of("answers", Map.of("regio", List.of("drenthe"))))))
                .post("/api/storypoints/" + slug + "/monitor")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("compare.filter.answers.regio[0]"));
    }

    @Test
    void shouldShowNothingToSomeoneNotSignedIn() {
        RestAssured.given()
                .contentType(ContentType.JSON)
                .body(Map.of("indicators", List.of(Map.of("kind", "median", "question", "gehoord"))))
                .post("/api/storypoints/" + slug + "/monitor")
                .then()
                .statusCode(401);
    }
}
