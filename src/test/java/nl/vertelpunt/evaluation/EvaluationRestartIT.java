package nl.vertelpunt.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import nl.vertelpunt.sample.PatternedStories;
import nl.vertelpunt.testing.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service is killed (SIGKILL) while an evaluation runs and started again on the same data:
 * the interrupted run is taken over and completes; nothing is lost.
 */
class EvaluationRestartIT {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final int STORIES = 150_000;
    private static final Map<String, String> QUICK_TAKEOVER = Map.of(
            "VERTELPUNT_EVALUATION_POLL", "100ms",
            "VERTELPUNT_EVALUATION_HEARTBEAT", "500ms",
            "VERTELPUNT_EVALUATION_HEARTBEAT_TIMEOUT", "3s",
            "VERTELPUNT_EVALUATION_WORKERS", "2");

    @TempDir
    Path data;

    private static RequestSpecification admin(ServiceProcess service) {
        return RestAssured.given()
                .baseUri(service.baseUrl())
                .auth()
                .preemptive()
                .basic("admin", ServiceProcess.ADMIN_PASSWORD);
    }

    private static JsonNode run(ServiceProcess service, String id) throws Exception {
        return JSON.readTree(admin(service)
                .get("/api/evaluations/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    @Test
    void shouldCompleteAnEvaluationWhoseServiceWasKilledMidRun() throws Exception {
        int port = ServiceProcess.freePort();
        String slug = "herstart";
        String id;
        try (ServiceProcess first = new ServiceProcess("restart-first", data, port, QUICK_TAKEOVER).start()) {
            // suppression threshold 1: staff see exact counts, so the one extra story below is visible
            ObjectNode definition = JSON.valueToTree(PatternedStories.definition(slug));
            definition.put("suppressionThreshold", 1);
            admin(first)
                    .contentType("application/json")
                    .body(JSON.writeValueAsString(definition))
                    .put("/api/storypoints/" + slug)
                    .then()
                    .statusCode(201);
            StringWriter csv = new StringWriter();
            new PatternedStories(true, 5).write(csv, STORIES);
            admin(first)
                    .contentType("text/csv")
                    .body(csv.toString().getBytes(StandardCharsets.UTF_8))
                    .post("/api/storypoints/" + slug + "/stories/import")
                    .then()
                    .statusCode(200)
                    .body("created", equalTo(STORIES));

            id = killWhileRunning(first, slug);
        }

        try (ServiceProcess second = new ServiceProcess("restart-second", data, port, QUICK_TAKEOVER).start()) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            JsonNode view = run(second, id);
            while (!view.get("status").asText().equals("done") && Instant.now().isBefore(deadline)) {
                assertThat(view.get("status").asText()).isIn("queued", "running");
                Thread.sleep(200);
                view = run(second, id);
            }
            assertThat(view.get("status").asText()).isEqualTo("done");
            assertThat(view.get("attempts").asInt()).isEqualTo(2);
            // the rerun reads the story acknowledged during the first run too: it survived the kill
            assertThat(view.get("stories").asInt()).isEqualTo(STORIES + 1);
            assertThat(view.get("result").get("patterns").size()).isPositive();
            // the stories themselves survived the kill too
            admin(second)
                    .get("/api/storypoints/" + slug + "/stories/p0000001")
                    .then()
                    .statusCode(200);
        }
    }

    /**
     * Starts two evaluations at once until one is caught running; while they run, a story is shared and
     * must be acknowledged at once (evaluations read a snapshot and lock nothing). Then kills the service
     * and returns the id of the run that was caught running.
     */
    private static String killWhileRunning(ServiceProcess service, String slug) throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            String id = admin(service)
                    .contentType("application/json")
                    .body(Map.of("storyPoint", slug))
                    .post("/api/evaluations")
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("id");
            admin(service)
                    .contentType("application/json")
                    .body(Map.of("storyPoint", slug, "settings", Map.of("minGroupSize", 20)))
                    .post("/api/evaluations")
                    .then()
                    .statusCode(202);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (Instant.now().isBefore(deadline)) {
                String status = run(service, id).get("status").asText();
                if (status.equals("running")) {
                    long start = System.nanoTime();
                    RestAssured.given()
                            .baseUri(service.baseUrl())
                            .contentType("application/json")
                            .body(Map.of(
                                    "submissionId",
                                    UUID.randomUUID().toString(),
                                    "role",
                                    "ouder",
                                    "text",
                                    "Gedeeld terwijl twee patroonevaluaties lopen.",
                                    "answers",
                                    Map.of("gehoord", 70)))
                            .post("/api/storypoints/" + slug + "/stories")
                            .then()
                            .statusCode(201);
                    assertThat((System.nanoTime() - start) / 1e9)
                            .as("seconds to acknowledge a story during evaluations")
                            .isLessThan(2.0);
                    service.kill();
                    return id;
                }
                if (status.equals("done")) {
                    break;
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("never caught an evaluation while it was running");
    }
}
