package nl.vertelpunt.story;

import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.publishedStoryPoint;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Paging through a full-text search: the exact total on every page (also past the last one), each match on
 * exactly one page, in rank order, the same when the database reuses a prepared plan.
 */
@QuarkusTest
class StorySearchPagingTest {

    private static String slug;

    /**
     * 30 stories: w01..w25 mention the waiting list (w01..w05 three times, so they rank first; w06..w08 also
     * "ggz"), x26..x30 do not. Made once.
     */
    @BeforeEach
    void stories() {
        if (slug != null) {
            return;
        }
        String point = publishedStoryPoint("paging");
        StringBuilder csv = new StringBuilder("id,submitted_at,role,channel,language,title,text,gevolg,gehoord\r\n");
        for (int i = 1; i <= 30; i++) {
            String text = i <= 5
                    ? "Op de wachtlijst, weer de wachtlijst en nog steeds de wachtlijst."
                    : i <= 8
                            ? "We stonden op de wachtlijst voor de ggz."
                            : i <= 25
                                    ? "Lang op de wachtlijst gestaan, daarna ging het goed."
                                    : "De hulp begon meteen en dat was fijn.";
            csv.append(String.format(
                    "%s%02d,2024-01-%02dT10:00:00Z,ouder,online,nl,,\"%s\",negatief,%d\r\n",
                    i <= 25 ? "w" : "x", i, i, text, i));
        }
        asAdmin()
                .contentType("text/csv")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/storypoints/" + point + "/stories/import")
                .then()
                .statusCode(200);
        slug = point;
    }

    private static JsonPath search(Map<String, Object> body) {
        return asAdmin()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/storypoints/" + slug + "/stories/search")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void shouldGiveTheExactTotalOnEveryPageAndEachMatchOnce() {
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonPath result = search(Map.of("q", "wachtlijsten", "size", 10, "page", page));
            assertThat(result.getInt("total")).as("page " + page).isEqualTo(25);
            seen.addAll(result.getList("stories.id", String.class));
        }
        assertThat(seen)
                .hasSize(25)
                .doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).startsWith("w"));
        // three mentions rank above one; equal ranks newest first
        assertThat(seen.subList(0, 5)).containsExactly("w05", "w04", "w03", "w02", "w01");
        assertThat(seen.subList(5, 7)).containsExactly("w25", "w24");

        JsonPath past = search(Map.of("q", "wachtlijst", "size", 10, "page", 3));
        assertThat(past.getInt("total")).isEqualTo(25);
        assertThat(past.getList("stories")).isEmpty();
        JsonPath none = search(Map.of("q", "zwembad"));
        assertThat(none.getInt("total")).isZero();
        assertThat(none.getList("stories")).isEmpty();
    }

    @Test
    void shouldCountPhrasesAndNegationsAndFiltersOnEveryPage() {
        JsonPath first = search(Map.of("q", "wachtlijst -ggz", "size", 20, "page", 0));
        assertThat(first.getInt("total")).isEqualTo(22);
        assertThat(first.getList("stories.id", String.class)).hasSize(20).doesNotContain("w06", "w07", "w08");
        JsonPath second = search(Map.of("q", "wachtlijst -ggz", "size", 20, "page", 1));
        assertThat(second.getInt("total")).isEqualTo(22);
        assertThat(second.getList("stories.id", String.class)).hasSize(2);

        JsonPath phrase = search(Map.of("q", "\"wachtlijst voor de ggz\"", "size", 2, "page", 1));
        assertThat(phrase.getInt("total")).isEqualTo(3);
        assertThat(phrase.getList("stories.id", String.class)).containsExactly("w06");

        Map<String, Object> filtered = new HashMap<>();
        filtered.put("q", "wachtlijst");
        filtered.put("filter", Map.of("ranges", Map.of("gehoord", List.of(20, 100))));
        filtered.put("size", 4);
        filtered.put("page", 1);
        JsonPath result = search(filtered);
        assertThat(result.getInt("total")).isEqualTo(6);
        assertThat(result.getList("stories.id", String.class)).containsExactly("w21", "w20");
        assertThat(result.getString("stories[0].excerpt")).contains("«wachtlijst»");
    }

    @Test
    void shouldAnswerTheSameWhenTheDatabaseReusesItsPlan() {
        // PostgreSQL plans a prepared statement anew for its first five runs, then may keep one plan for any words
        List<JsonPath> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            answers.add(search(
                    Map.of("q", i % 2 == 0 ? "wachtlijst" : "\"wachtlijst voor de ggz\"", "size", 5, "page", 0)));
        }
        for (int i = 2; i < answers.size(); i++) {
            assertThat(answers.get(i).getList("stories.id", String.class))
                    .as("run " + i)
                    .isEqualTo(answers.get(i % 2).getList("stories.id", String.class));
            assertThat(answers.get(i).getInt("total")).isEqualTo(i % 2 == 0 ? 25 : 3);
        }
    }
}
