package nl.vertelpunt.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;

/** Waiting for pattern evaluations (and comparisons) in tests. */
public final class Evaluations {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private Evaluations() {}

    /** Polls a run until it is done or failed (at most a minute) and returns its view. */
    public static JsonNode finished(String id) throws Exception {
        return finishedAt("/api/evaluations/" + id, Duration.ofSeconds(60));
    }

    /** Polls a job (an evaluation or a comparison) at this address until it is done or failed, and returns it. */
    public static JsonNode finishedAt(String address, Duration patience) throws Exception {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            Response r = Fixtures.asAdmin().get(address);
            r.then().statusCode(200);
            JsonNode run = JSON.readTree(r.asString());
            String status = run.get("status").asText();
            if (status.equals("done") || status.equals("failed")) {
                return run;
            }
            assertThat(run.get("progress").asDouble()).isBetween(0.0, 1.0);
            Thread.sleep(100);
        }
        throw new AssertionError(address + " did not finish in time");
    }
}
