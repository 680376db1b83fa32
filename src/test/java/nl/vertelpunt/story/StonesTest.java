package nl.vertelpunt.story;

import static io.restassured.RestAssured.given;
import static nl.vertelpunt.testing.Fixtures.aStonesDefinition;
import static nl.vertelpunt.testing.Fixtures.aStonesQuestion;
import static nl.vertelpunt.testing.Fixtures.aSubmission;
import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.option;
import static nl.vertelpunt.testing.Fixtures.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import nl.vertelpunt.testing.Database;
import org.junit.jupiter.api.Test;

/**
 * The stones question from definition to export: what a definition may say, what an answer may be, how it is
 * stored and written to CSV and read back, and which changes to the question stories already told forbid.
 */
@QuarkusTest
class StonesTest {

    private static final String HEADER =
            "id,submitted_at,role,channel,language,title,text,gevolg,gehoord,op-tijd,themas,balans,tip,werkdruk,steun,plek\r\n";

    /** In the exchange format, as the export writes it: items in the question's order, "NA", an empty cell. */
    private static final String FILE = HEADER
            + "st-1,2024-03-01T09:00:00Z,ouder,import,nl,,Een verhaal over hulp van dichtbij,positief,,,,,,,"
            + "familie:0|100;school:NA;wijkteam:10|20,thuis:50|50\r\n"
            + "st-2,2024-03-02T09:00:00Z,jongere,online,nl,,Nog een verhaal over de buurt,,,,,,,,buurt:100|0,\r\n"
            + "st-3,2024-03-03T09:00:00Z,ouder,papier,nl,,Zonder stenen verteld,negatief,40,,,,,,,oud:5|95\r\n";

    @Inject
    AgroalDataSource dataSource;

    /** The test definition with a second stones question {@code plek}: no "not applicable", one item retired. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> definition(String slug) {
        Map<String, Object> d = aStonesDefinition(slug);
        Map<String, Object> place = aStonesQuestion("plek", 31);
        place.remove("notApplicable");
        place.put(
                "items",
                List.of(option("thuis", "Thuis"), Map.of("id", "oud", "label", Map.of("nl", "Oud"), "retired", true)));
        List<Object> questions = new ArrayList<>((List<Object>) d.get("questions"));
        questions.add(place);
        d.put("questions", questions);
        return d;
    }

    private static ValidatableResponse publish(String slug, Object definition) {
        return asAdmin()
                .contentType(ContentType.JSON)
                .body(definition)
                .put("/api/storypoints/" + slug)
                .then()
                .log()
                .ifValidationFails();
    }

    private static String published() {
        String slug = uniqueSlug("stones");
        publish(slug, definition(slug)).statusCode(201);
        return slug;
    }

    /** The definition with the stones question {@code steun} (questions[7]) changed. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withStones(String slug, Consumer<Map<String, Object>> change) {
        Map<String, Object> d = definition(slug);
        List<Object> questions = new ArrayList<>((List<Object>) d.get("questions"));
        Map<String, Object> stones = new LinkedHashMap<>((Map<String, Object>) questions.get(7));
        change.accept(stones);
        questions.set(7, stones);
        d.put("questions", questions);
        return d;
    }

    private static ValidatableResponse tell(String slug, Object answer) {
        Map<String, Object> story = aSubmission();
        @SuppressWarnings("unchecked")
        Map<String, Object> answers = (Map<String, Object>) story.get("answers");
        answers.put("steun", answer);
        return given().contentType(ContentType.JSON)
                .body(story)
                .post("/api/storypoints/" + slug + "/stories")
                .then()
                .log()
                .ifValidationFails();
    }

    private static String exportCsv(String slug) {
        return asAdmin()
                .get("/api/storypoints/" + slug + "/stories.csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private static ValidatableResponse importCsv(String slug, String csv) {
        return asAdmin()
                .contentType("text/csv; charset=UTF-8")
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/storypoints/" + slug + "/stories/import")
                .then()
                .log()
                .ifValidationFails();
    }

    @Test
    void shouldPublishAStonesQuestionWithItsAxesAndItems() {
        String slug = published();
        given().get("/api/storypoints/" + slug)
                .then()
                .statusCode(200)
                .body("definition.questions[7].type", equalTo("stones"))
                .body("definition.questions[7].bottom.nl", equalTo("Weinig hulp"))
                .body("definition.questions[7].top.en", equalTo("Much help"))
                .body("definition.questions[7].items.id", equalTo(List.of("familie", "school", "buurt", "wijkteam")))
                .body("definition.questions[8].items[1].retired", equalTo(true));
    }

    @Test
    void shouldRefuseABadStonesQuestionNamingTheField() {
        String slug = uniqueSlug("stones-bad");
        record Case(Consumer<Map<String, Object>> change, String field, String message) {}
        List<Case> cases = List.of(
                new Case(q -> q.remove("items"), "questions[7].items", "is required"),
                new Case(q -> q.put("items", List.of()), "questions[7].items", "1 to 12 items"),
                new Case(q -> q.remove("bottom"), "questions[7].bottom", "is required"),
                new Case(q -> q.put("top", Map.of("en", "Much")), "questions[7].top.nl", "Dutch"),
                new Case(
                        q -> q.put("items", List.of(option("a", "A"), option("a", "B"))),
                        "questions[7].items[1].id",
                        "another item"),
                new Case(q -> q.put("items", List.of(option("a:b", "A"))), "questions[7].items[0].id", "letters"),
                new Case(
                        q -> q.put("items", List.of(Map.of("id", "a", "label", Map.of("nl", "A"), "retired", true))),
                        "questions[7].items",
                        "not be retired"),
                new Case(
                        q -> {
                            List<Object> many = new ArrayList<>();
                            for (int i = 0; i < 13; i++) {
                                many.add(option("i" + i, "Item " + i));
                            }
                            q.put("items", many);
                        },
                        "questions[7].items",
                        "1 to 12 items"),
                new Case(q -> q.put("corners", List.of()), "questions[7].corners", "not a known field"),
                new Case(q -> q.put("notApplicable", "ja"), "questions[7].notApplicable", "true or false"));
        for (Case c : cases) {
            publish(slug, withStones(slug, c.change()))
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors", hasSize(1))
                    .body("errors[0].field", equalTo(c.field()))
                    .body("errors[0].message", containsString(c.message()));
        }
        given().get("/api/storypoints/" + slug).then().statusCode(404);
    }

    @Test
    void shouldStoreAPlacementInTheOrderOfTheItems() {
        String slug = published();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("wijkteam", List.of(10, 20));
        answer.put("familie", List.of(0, 100));
        answer.put("school", "NA");
        tell(slug, answer).statusCode(201).body("complete", equalTo(true));
        assertThat(exportCsv(slug)).contains(",familie:0|100;school:NA;wijkteam:10|20,");
    }

    @Test
    void shouldTakeAnEmptyFieldAsUnanswered() {
        String slug = published();
        tell(slug, Map.of()).statusCode(201);
        String csv = exportCsv(slug);
        assertThat(csv.lines().skip(1).findFirst().orElseThrow()).endsWith(",,");
    }

    @Test
    void shouldRefuseABadPlacementNamingTheItem() {
        String slug = published();
        record Case(Object answer, String field, String message) {}
        List<Case> cases = List.of(
                new Case(Map.of("auto", List.of(1, 2)), "answers.steun.auto", "not an item"),
                new Case(Map.of("familie", List.of(1)), "answers.steun.familie", "[x, y]"),
                new Case(Map.of("familie", List.of(101, 5)), "answers.steun.familie", "0 to 100"),
                new Case(Map.of("familie", List.of(-1, 5)), "answers.steun.familie", "0 to 100"),
                new Case(Map.of("familie", List.of(1.5, 5)), "answers.steun.familie", "whole numbers"),
                new Case(Map.of("familie", List.of("1", "5")), "answers.steun.familie", "whole numbers"),
                new Case(Map.of("familie", List.of(1, 2, 3)), "answers.steun.familie", "[x, y]"),
                new Case(Map.of("familie", "na"), "answers.steun.familie", "\"NA\""),
                new Case(Map.of("familie", Map.of("x", 1)), "answers.steun.familie", "[x, y]"),
                new Case(List.of(1, 2), "answers.steun", "object from item ids"),
                new Case("familie:1|2", "answers.steun", "object from item ids"));
        for (Case c : cases) {
            tell(slug, c.answer())
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem(c.field()))
                    .body("errors.find { it.field == '" + c.field() + "' }.message", containsString(c.message()));
        }
        assertThat(Database.storyCount(dataSource, slug)).isZero();
    }

    @Test
    void shouldRefuseNotApplicableAndRetiredItemsWhereTheQuestionDoesNotOfferThem() {
        String slug = published();
        Map<String, Object> story = aSubmission();
        @SuppressWarnings("unchecked")
        Map<String, Object> answers = (Map<String, Object>) story.get("answers");
        answers.put("plek", Map.of("thuis", "NA", "oud", List.of(5, 5)));
        given().contentType(ContentType.JSON)
                .body(story)
                .post("/api/storypoints/" + slug + "/stories")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("answers.plek.thuis"))
                .body("errors.field", hasItem("answers.plek.oud"));
        assertThat(Database.storyCount(dataSource, slug)).isZero();
    }

    @Test
    void shouldExportExactlyTheBytesThatWereImported() {
        String slug = published();
        // the retired item 'oud' is accepted on import: older data keeps its meaning
        importCsv(slug, FILE).statusCode(200).body("created", equalTo(3));
        String first = exportCsv(slug);
        assertThat(first).isEqualTo(FILE);
        String again = published();
        importCsv(again, first).statusCode(200).body("created", equalTo(3));
        assertThat(exportCsv(again)).isEqualTo(first);
    }

    @Test
    void shouldRefuseABadStonesCellNamingTheLineAndField() {
        String slug = published();
        for (String cell : List.of("familie:1|2;familie:3|4", "auto:1|2", "familie:1", "familie", "familie:1|200")) {
            String file = HEADER + "bad-1,2024-03-01T09:00:00Z,ouder,import,nl,,Een verhaal,,,,,,,," + cell + ",\r\n";
            importCsv(slug, file)
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors[0].line", equalTo(2))
                    .body("errors[0].field", containsString("steun"));
        }
        assertThat(Database.storyCount(dataSource, slug)).isZero();
    }

    @Test
    void shouldKeepItemsNotApplicableAndAxesWhileStoriesUsedThem() {
        String slug = published();
        tell(slug, Map.of("buurt", List.of(30, 70), "school", "NA")).statusCode(201);
        // an item placed in a story cannot go, only be retired
        publish(
                        slug,
                        withStones(
                                slug,
                                q -> q.put("items", List.of(option("familie", "Familie"), option("school", "School")))))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("questions[7].items"))
                .body("errors.message", hasItem(containsString("'buurt'")));
        publish(slug, withStones(slug, q -> q.remove("notApplicable")))
                .statusCode(409)
                .body("errors[0].field", equalTo("questions[7].notApplicable"));
        publish(slug, withStones(slug, q -> {
                    Object bottom = q.get("bottom");
                    q.put("bottom", q.get("top"));
                    q.put("top", bottom);
                }))
                .statusCode(409)
                .body("errors[0].field", equalTo("questions[7].bottom"));
        given().get("/api/storypoints/" + slug).then().body("version", equalTo(1));
        // retiring 'buurt' and dropping 'wijkteam', which no story placed, is fine
        publish(
                        slug,
                        withStones(
                                slug,
                                q -> q.put(
                                        "items",
                                        List.of(
                                                option("familie", "Familie"),
                                                option("school", "School"),
                                                Map.of(
                                                        "id",
                                                        "buurt",
                                                        "label",
                                                        Map.of("nl", "Buurt"),
                                                        "retired",
                                                        true)))))
                .statusCode(200);
        given().get("/api/storypoints/" + slug).then().body("version", equalTo(2));
        tell(slug, Map.of("buurt", List.of(30, 70)))
                .statusCode(422)
                .body("errors[0].field", equalTo("answers.steun.buurt"));
    }
}
