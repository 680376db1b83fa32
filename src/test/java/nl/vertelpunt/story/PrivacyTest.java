package nl.vertelpunt.story;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import nl.vertelpunt.testing.Database;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static nl.vertelpunt.testing.Fixtures.aSubmission;
import static nl.vertelpunt.testing.Fixtures.publishedStoryPoint;
import static org.assertj.core.api.Assertions.assertThat;

/** Storytellers are anonymous: nothing about their connection or device is kept, in the database or in the logs. */
@QuarkusTest
class PrivacyTest {

    private static final String FORWARDED_IP = "203.0.113.77";
    private static final String REAL_IP = "198.51.100.23";
    private static final String USER_AGENT = "VertelpuntPrivacyProbe/1.0 (Linux; Android 14)";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldPersistNoIpAddressOrUserAgentOfAStoryteller() throws Exception {
        String slug = publishedStoryPoint("privacy");
        Map<String, Object> story = aSubmission();
        String id = given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", FORWARDED_IP)
                .header("X-Real-IP", REAL_IP)
                .header("Forwarded", "for=" + FORWARDED_IP)
                .header("User-Agent", USER_AGENT)
                .header("Cookie", "tracking=abc123")
                .body(story)
                .post("/api/storypoints/" + slug + "/stories")
                .then().statusCode(201)
                .header("Set-Cookie", (String) null)
                .extract().path("id");
        // a refused submission must not leave traces either
        given().contentType(ContentType.JSON).header("X-Forwarded-For", FORWARDED_IP).header("User-Agent", USER_AGENT)
                .body(Map.of("role", "opa")).post("/api/storypoints/" + slug + "/stories").then().statusCode(422);

        List<String> rows = Database.everyRowAsText(dataSource);
        assertThat(rows).anySatisfy(row -> assertThat(row).contains(id));
        assertThat(rows).noneSatisfy(row -> assertThat(row).contains(FORWARDED_IP));
        assertThat(rows).noneSatisfy(row -> assertThat(row).contains(REAL_IP));
        assertThat(rows).noneSatisfy(row -> assertThat(row).contains("VertelpuntPrivacyProbe"));
        assertThat(rows).noneSatisfy(row -> assertThat(row).contains("abc123"));
        assertThat(rows).filteredOn(row -> row.startsWith("story:")).noneSatisfy(row -> assertThat(row).contains("127.0.0.1"));

        // a table's link is a secret: opening its page or its API must not put the token into the metrics
        String token = "tafeltoken" + UUID.randomUUID().toString().replace("-", "");
        given().get("/t/" + token).then().statusCode(200);
        given().get("/api/tables/" + token).then().statusCode(404);
        given().get("/werkplek/" + slug + "/verhalen/" + id).then().statusCode(200);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).doesNotContain(token).contains("uri=\"/t/{token}\"");
        assertThat(metrics).contains("vertelpunt_stories_received_total{channel=\"online\",storypoint=\"" + slug + "\"}")
                .contains("vertelpunt_requests_refused_total").contains("agroal_")
                .doesNotContain(FORWARDED_IP).doesNotContain(REAL_IP).doesNotContain("VertelpuntPrivacyProbe").doesNotContain(id);

        Path log = Path.of("target/quarkus-test.log");
        assertThat(log).exists();
        String logText = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(logText).doesNotContain(FORWARDED_IP).doesNotContain(REAL_IP).doesNotContain("VertelpuntPrivacyProbe")
                .doesNotContain((String) story.get("text"));
    }
}
