package nl.vertelpunt.story;

import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.publishedStoryPoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import nl.vertelpunt.testing.Database;
import org.junit.jupiter.api.Test;

/** The story browser's Dutch full-text search with filters and paging, and filtered exports with an audit log. */
@QuarkusTest
class StorySearchAndExportTest {

    @Inject
    AgroalDataSource dataSource;

    private static String storyPoint() {
        String slug = publishedStoryPoint("search");
        String csv = "id,submitted_at,role,channel,language,title,text,gevolg,gehoord\r\n"
                + "s1,2024-01-10T10:00:00Z,ouder,online,nl,Wachten,\"We stonden een jaar op de wachtlijst voor jeugd-ggz.\",negatief,10\r\n"
                + "s2,2024-02-10T10:00:00Z,professional,online,nl,Samenwerking,\"De samenwerking met school verliep soepel en snel.\",positief,90\r\n"
                + "s3,2024-03-10T10:00:00Z,ouder,verteltafel,nl,Nog meer wachten,\"Ook na de intake moesten we weer wachten, eindeloos.\",negatief,5\r\n"
                + "s4,2024-04-10T10:00:00Z,jongere,online,nl,,\"Mijn mentor luisterde echt naar mij en dat hielp.\",positief,95\r\n";
        asAdmin()
                .contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/storypoints/" + slug + "/stories/import")
                .then()
                .statusCode(200);
        return slug;
    }

    @Test
    void shouldFindStoriesByDutchWordFormsWithFiltersAndPaging() {
        String slug = storyPoint();
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("q", "wachtlijsten"))
                .post("/api/storypoints/" + slug + "/stories/search")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("stories[0].id", equalTo("s1"))
                .body("stories[0].excerpt", containsString("«wachtlijst»"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("q", "wachtte"))
                .post("/api/storypoints/" + slug + "/stories/search")
                .then()
                .statusCode(200)
                .body("stories.id", equalTo(List.of("s3", "s1")));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("q", "wachten", "filter", Map.of("channels", List.of("verteltafel"))))
                .post("/api/storypoints/" + slug + "/stories/search")
                .then()
                .statusCode(200)
                .body("stories.id", equalTo(List.of("s3")));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("filter", Map.of("ranges", Map.of("gehoord", List.of(90, 100)))))
                .post("/api/storypoints/" + slug + "/stories/search")
                .then()
                .statusCode(200)
                .body("stories.id", equalTo(List.of("s4", "s2")));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("size", 3, "page", 1))
                .post("/api/storypoints/" + slug + "/stories/search")
                .then()
                .statusCode(200)
                .body("total", equalTo(4))
                .body("stories", hasSize(1))
                .body("stories[0].id", equalTo("s1"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("size", 500))
                .post("/api/storypoints/" + slug + "/stories/search")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void shouldExportFilteredStoriesAsCsvAndExcelAndLogEachExport() throws Exception {
        String slug = storyPoint();
        String csv = asAdmin()
                .queryParam("filter", "{\"roles\":[\"ouder\"]}")
                .get("/api/storypoints/" + slug + "/stories.csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(csv.split("\r\n")).hasSize(3);
        assertThat(csv).contains("s1,").contains("s3,").doesNotContain("s2,");

        byte[] xlsx = asAdmin()
                .get("/api/storypoints/" + slug + "/stories.xlsx")
                .then()
                .statusCode(200)
                .contentType(containsString("spreadsheetml"))
                .extract()
                .asByteArray();
        StringBuilder sheets = new StringBuilder();
        Path file = Files.createTempFile("export", ".xlsx");
        Files.write(file, xlsx);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (e.getName().startsWith("xl/")) {
                    sheets.append(e.getName())
                            .append('\n')
                            .append(new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } finally {
            Files.delete(file);
        }
        assertThat(sheets)
                .contains("xl/worksheets/sheet1.xml")
                .contains("xl/worksheets/sheet2.xml")
                .contains("s1")
                .contains("s4")
                .contains("Gehoord voelen")
                .contains("eindeloos");

        assertThat(Database.queryInt(
                        dataSource,
                        "SELECT count(*) FROM export_log l JOIN story_point p ON p.id = l.story_point_id "
                                + "WHERE p.slug = ? AND l.done_by = 'admin'",
                        slug))
                .isEqualTo(2);
        assertThat(Database.queryInt(
                        dataSource,
                        "SELECT stories FROM export_log l JOIN story_point p ON p.id = l.story_point_id "
                                + "WHERE p.slug = ? AND l.format = 'csv' AND l.filter LIKE '%ouder%'",
                        slug))
                .isEqualTo(2);
        asAdmin()
                .queryParam("filter", "{\"roles\": 5}")
                .get("/api/storypoints/" + slug + "/stories.csv")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", containsString("filter"));
    }
}
