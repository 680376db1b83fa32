package nl.vertelpunt.story;

import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.publishedStoryPoint;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.vertelpunt.story.compound.CompoundIndexer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The story search understands Dutch compounds, measured on a fixture of realistic stories with the stories a person
 * would want each search to find ({@code src/test/resources/search/dutch-compounds.json}): recall and precision of the
 * search, beside those of the words alone (the index before compounds) and of plain substring matching, printed as a
 * table. The exact hits of every search are checked against the fixture's judgement, all of them before the test
 * fails. Plurals that PostgreSQL's Dutch stemmer does not bring back to their singular ("gezinnen", "kinderen") are
 * found through the singular the decompounder adds ({@code Decompounder.singulars}).
 */
@QuarkusTest
class StorySearchCompoundsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String slug;
    private static JsonNode fixture;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CompoundIndexer indexer;

    @BeforeEach
    void stories() throws IOException {
        if (slug != null) {
            return;
        }
        try (InputStream in = getClass().getResourceAsStream("/search/dutch-compounds.json")) {
            fixture = JSON.readTree(in);
        }
        String point = publishedStoryPoint("samengesteld");
        StringBuilder csv = new StringBuilder("id,submitted_at,role,channel,language,title,text,gevolg,gehoord\r\n");
        int day = 1;
        for (JsonNode story : fixture.path("stories")) {
            csv.append(String.format(
                    Locale.ROOT,
                    "%s,2024-03-%02dT10:00:00Z,%s,online,nl,,\"%s\",positief,50\r\n",
                    story.path("id").asText(),
                    day++,
                    story.path("role").asText(),
                    story.path("text").asText()));
        }
        asAdmin()
                .contentType("text/csv")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/storypoints/" + point + "/stories/import")
                .then()
                .statusCode(200);
        slug = point;
    }

    @Test
    void shouldFindCompoundsAndNeverLettersInsideOtherWords() throws SQLException {
        int relevant = 0;
        Map<String, int[]> counts = new LinkedHashMap<>(); // found, correct
        counts.put("search (words and compounds)", new int[2]);
        counts.put("words alone (before)", new int[2]);
        counts.put("substring (ILIKE)", new int[2]);
        List<String> lines = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (JsonNode query : fixture.path("queries")) {
            String q = query.path("q").asText();
            Set<String> wanted = new TreeSet<>();
            query.path("relevant").forEach(id -> wanted.add(id.asText()));
            relevant += wanted.size();
            Set<String> found = search(q);
            if (!found.equals(wanted)) {
                wrong.add(String.format("'%s' found %s, wanted %s", q, found, wanted));
            }
            Set<String> words = sql("to_tsvector('dutch', s.text) @@ websearch_to_tsquery('dutch', ?)", q);
            Set<String> letters = sql("s.text ILIKE '%' || ? || '%'", q);
            List<Set<String>> all = List.of(found, words, letters);
            int k = 0;
            for (int[] c : counts.values()) {
                Set<String> hits = all.get(k++);
                c[0] += hits.size();
                c[1] += (int) hits.stream().filter(wanted::contains).count();
            }
            lines.add(String.format(
                    Locale.ROOT,
                    "  %-13s relevant %d, found %d, words alone %d, substring %d (%d wrong)",
                    q,
                    wanted.size(),
                    found.size(),
                    words.size(),
                    letters.size(),
                    letters.stream().filter(id -> !wanted.contains(id)).count()));
        }
        System.out.println("Dutch compounds fixture: " + fixture.path("stories").size() + " stories, "
                + fixture.path("queries").size() + " searches, " + relevant + " relevant hits");
        lines.forEach(System.out::println);
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            System.out.printf(
                    Locale.ROOT,
                    "  %-30s recall %d/%d = %.3f, precision %d/%d = %.3f%n",
                    e.getKey(),
                    c[1],
                    relevant,
                    c[1] / (double) relevant,
                    c[1],
                    c[0],
                    c[0] == 0 ? 1.0 : c[1] / (double) c[0]);
        }
        assertThat(wrong)
                .as("searches that did not find exactly the relevant stories")
                .isEmpty();
        int[] search = counts.get("search (words and compounds)");
        assertThat(search[1]).as("relevant stories found").isEqualTo(relevant);
        assertThat(search[0]).as("no story found that is not relevant").isEqualTo(search[1]);
    }

    @Test
    void shouldRankTheWordItselfAboveTheCompound() {
        List<String> ids = asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("q", "hulp"))
                .post("/api/storypoints/" + slug + "/stories/search")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("stories.id", String.class);
        // s03, s07 and s24 say "hulp"; s19 has only "jeugdhulpverlener"
        assertThat(ids).hasSize(4).last().isEqualTo("s19");
    }

    @Test
    void shouldSplitStoriesStoredBeforeAndAfterAnyOtherChangeOfTheirText() throws SQLException {
        String point = publishedStoryPoint("samengesteld-later");
        asAdmin()
                .contentType("text/csv")
                .body(("id,submitted_at,role,channel,language,title,text,gevolg,gehoord\r\n"
                                + "a1,2024-03-01T10:00:00Z,ouder,online,nl,,\"Lang op de wachtlijst.\",positief,50\r\n"
                                + "a2,2024-03-02T10:00:00Z,ouder,online,nl,,\"Snel geholpen.\",positief,50\r\n")
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/storypoints/" + point + "/stories/import")
                .then()
                .statusCode(200);
        assertThat(storedParts(point, "a1")).isEqualTo("wacht lijst");
        assertThat(storedParts(point, "a2")).isEmpty();
        // as stored before the search knew compounds (V11): no parts yet, found by their words alone
        execute(
                "UPDATE story SET compound_parts = NULL WHERE story_point_id = "
                        + "(SELECT id FROM story_point WHERE slug = ?)",
                point);
        assertThat(searchIn(point, "wachten")).isEmpty();
        assertThat(indexer.indexPending()).isGreaterThanOrEqualTo(2);
        assertThat(searchIn(point, "wachten")).containsExactly("a1");

        // a statement that changes the text without the parts clears them (trigger), so they are split again
        execute(
                "UPDATE story SET text = 'De wachttijd viel mee.' WHERE id = 'a2' AND story_point_id = "
                        + "(SELECT id FROM story_point WHERE slug = ?)",
                point);
        assertThat(storedParts(point, "a2")).isNull();
        indexer.indexPending();
        assertThat(storedParts(point, "a2")).isEqualTo("wacht tijd");
        assertThat(searchIn(point, "wachten")).containsExactly("a1", "a2");
    }

    @Test
    void shouldForgetThePartsOfARedactedCompound() throws SQLException {
        String point = publishedStoryPoint("samengesteld-weg");
        String text = "Onze gezinsvoogd Jansen belde vaak.";
        asAdmin()
                .contentType("text/csv")
                .body(("id,submitted_at,role,channel,language,title,text,gevolg,gehoord\r\n"
                                + "r1,2024-03-01T10:00:00Z,ouder,online,nl,,\"" + text + "\",positief,50\r\n")
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/storypoints/" + point + "/stories/import")
                .then()
                .statusCode(200);
        int start = text.indexOf("gezinsvoogd");
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("field", "text", "start", start, "end", start + "gezinsvoogd".length()))
                .post("/api/storypoints/" + point + "/moderation/stories/r1/redactions")
                .then()
                .statusCode(200);
        assertThat(searchIn(point, "voogd")).isEmpty();
        assertThat(storedParts(point, "r1")).isEmpty();
    }

    private void execute(String sql, String point) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, point);
            ps.executeUpdate();
        }
    }

    private String storedParts(String point, String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT compound_parts FROM story "
                        + "WHERE story_point_id = (SELECT id FROM story_point WHERE slug = ?) AND id = ?")) {
            ps.setString(1, point);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static Set<String> search(String q) {
        return searchIn(slug, q);
    }

    private static Set<String> searchIn(String point, String q) {
        return new TreeSet<>(asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("q", q, "size", 100))
                .post("/api/storypoints/" + point + "/stories/search")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("stories.id", String.class));
    }

    /** The fixture's stories that a condition on {@code s.text} with one parameter finds, straight from the table. */
    private Set<String> sql(String condition, String q) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT s.id FROM story s JOIN story_point p "
                        + "ON p.id = s.story_point_id WHERE p.slug = ? AND " + condition)) {
            ps.setString(1, slug);
            ps.setString(2, q);
            Set<String> ids = new TreeSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }
}
