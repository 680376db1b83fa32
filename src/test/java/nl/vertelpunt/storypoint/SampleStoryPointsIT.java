package nl.vertelpunt.storypoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nl.vertelpunt.testing.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample story point ships inside the application: the packaged service publishes it when started from a folder
 * that is not the repository (nothing there but its data), never turns a story point changed since back into the
 * sample, and leaves it out when samples are switched off, while a folder of one's own definitions is published.
 */
class SampleStoryPointsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void shouldPublishTheSampleFromTheApplicationWhereverItStartsAndKeepLaterChanges() throws Exception {
        Path elsewhere = Files.createDirectories(folder.resolve("elsewhere"));
        Path data = folder.resolve("data");
        int port = ServiceProcess.freePort();
        // VERTELPUNT_STORYPOINTS_DIR is samples/storypoints (ServiceProcess), which is not there from this folder
        try (ServiceProcess service = new ServiceProcess("samples-elsewhere", data, port, Map.of())
                .in(elsewhere)
                .start()) {
            JsonNode published = JSON.readTree(RestAssured.given()
                    .baseUri(service.baseUrl())
                    .get("/api/storypoints/voordejeugd")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            assertThat(published.at("/definition/title/nl").asText()).isEqualTo(sampleTitle());
            RestAssured.given()
                    .baseUri(service.baseUrl())
                    .get("/v/voordejeugd")
                    .then()
                    .statusCode(200);

            ObjectNode changed = (ObjectNode) published.path("definition").deepCopy();
            ((ObjectNode) changed.path("title")).put("nl", "Ons eigen vertelpunt");
            RestAssured.given()
                    .baseUri(service.baseUrl())
                    .auth()
                    .preemptive()
                    .basic("admin", ServiceProcess.ADMIN_PASSWORD)
                    .contentType("application/json")
                    .body(changed.toString())
                    .put("/api/storypoints/voordejeugd")
                    .then()
                    .statusCode(200);
        }
        try (ServiceProcess again = new ServiceProcess("samples-elsewhere-again", data, port, Map.of())
                .in(elsewhere)
                .start()) {
            RestAssured.given()
                    .baseUri(again.baseUrl())
                    .get("/api/storypoints/voordejeugd")
                    .then()
                    .statusCode(200)
                    .body("definition.title.nl", org.hamcrest.Matchers.equalTo("Ons eigen vertelpunt"));
        }
        assertThat(elsewhere).isEmptyDirectory();
    }

    @Test
    void shouldLeaveTheSamplesOutWhenSwitchedOffAndPublishTheFolder() throws Exception {
        Path own = Files.createDirectories(folder.resolve("own"));
        // a story point of one's own, without the sample modules (which are switched off with the samples)
        ObjectNode definition = (ObjectNode) SampleStoryPoints.expanded("voordejeugd.json", JSON);
        definition.remove("modules");
        definition.put("slug", "eigen-vertelpunt");
        Files.writeString(own.resolve("eigen.json"), definition.toString());
        Map<String, String> env =
                Map.of("VERTELPUNT_SAMPLES_ENABLED", "false", "VERTELPUNT_STORYPOINTS_DIR", own.toString());
        try (ServiceProcess service = new ServiceProcess(
                        "samples-off", folder.resolve("data"), ServiceProcess.freePort(), env)
                .in(folder)
                .start()) {
            RestAssured.given()
                    .baseUri(service.baseUrl())
                    .get("/api/storypoints/voordejeugd")
                    .then()
                    .statusCode(404);
            RestAssured.given()
                    .baseUri(service.baseUrl())
                    .get("/api/storypoints/eigen-vertelpunt")
                    .then()
                    .statusCode(200);
        }
    }

    private static String sampleTitle() throws Exception {
        return JSON.readTree(Path.of("samples/storypoints/voordejeugd.json").toFile())
                .at("/title/nl")
                .asText();
    }
}
