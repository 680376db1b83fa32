package nl.vertelpunt.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;

import java.time.Duration;
import java.time.Instant;

import static nl.vertelpunt.testing.Fixtures.asAdmin;

/** Pattern evaluations in tests: waiting for a run to end. */
public final class Evaluations {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private Evaluations() {
    }

    /** Waits (at most 60 s) until the run is done or failed and returns its view with the result. */
    public static JsonNode finished(String id) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            Response r = asAdmin().get("/api/evaluations/" + id);
            r.then().statusCode(200);
            JsonNode run = JSON.readTree(r.asString());
            String status = run.get("status").asText();
            if (status.equals("done") || status.equals("failed")) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("evaluation " + id + " did not finish in time");
    }
}
