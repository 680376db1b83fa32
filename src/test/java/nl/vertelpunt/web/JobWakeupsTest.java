package nl.vertelpunt.web;

import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.vertelpunt.testing.ComparedStories;
import nl.vertelpunt.testing.Evaluations;
import nl.vertelpunt.testing.Planted;
import org.junit.jupiter.api.Test;

/**
 * A started evaluation or comparison begins when a worker is free, woken by PostgreSQL's {@code NOTIFY}, not at the
 * workers' next poll: here the queues are polled once an hour, so a run that finishes within the test's minute was
 * started by a notification (when stored), or by its predecessor ending (three at once on one worker). How fast that
 * is, is measured by {@code bench/queue.sh}, not here.
 */
@QuarkusTest
@TestProfile(JobWakeupsTest.RarePolls.class)
class JobWakeupsTest {

    /** Queues polled once an hour; one worker, so runs started together wait for each other. */
    public static class RarePolls implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vertelpunt.evaluation.poll", "1h", "vertelpunt.evaluation.workers", "1");
        }
    }

    private static String storyPoint() throws Exception {
        StringWriter csv = new StringWriter();
        new ComparedStories(true, 1).write(csv, 100, 100);
        return Planted.storyPoint("wekken", csv.toString(), 200);
    }

    private static String start(String address, Map<String, Object> body) {
        return asAdmin()
                .contentType(ContentType.JSON)
                .body(body)
                .post(address)
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    @Test
    void shouldStartEvaluationsAndComparisonsWithoutWaitingForAPoll() throws Exception {
        String slug = storyPoint();
        List<String> evaluations = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            evaluations.add(start("/api/evaluations", Map.of("storyPoint", slug)));
        }
        for (String id : evaluations) {
            JsonNode run = Evaluations.finished(id);
            assertThat(run.path("status").asText()).isEqualTo("done");
        }
        String comparison = start(
                "/api/comparisons",
                Map.of(
                        "storyPoint",
                        slug,
                        "focus",
                        Map.of("filter", Map.of("from", "2020-01-01")),
                        "reference",
                        "rest"));
        JsonNode run = Evaluations.finishedAt("/api/comparisons/" + comparison, Duration.ofSeconds(60));
        assertThat(run.path("status").asText()).isEqualTo("done");
    }
}
