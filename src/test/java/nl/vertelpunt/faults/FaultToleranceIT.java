package nl.vertelpunt.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.vertelpunt.testing.ExternalPostgres;
import nl.vertelpunt.testing.LoadGenerator;
import nl.vertelpunt.testing.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Never lose an acknowledged story. Stories arrive at a fixed rate, many at once (the next is sent before the
 * last is answered, so a crash finds requests in every stage, commits included), while PostgreSQL crashes and
 * comes back, and while the service is killed with SIGKILL and started again. Afterwards every acknowledged
 * story is stored exactly once. While the database is down the service answers 503 with problem+json quickly
 * (never a 500, never a hang), readiness says DOWN, and it recovers by itself.
 */
class FaultToleranceIT {

    @TempDir
    Path folder;

    @Test
    void shouldKeepEveryAcknowledgedStoryThroughCrashesOfTheDatabaseAndTheService() throws Exception {
        try (ExternalPostgres db = new ExternalPostgres(folder.resolve("db"))) {
            Map<String, String> env = new HashMap<>(db.environment());
            env.put("VERTELPUNT_RATE_LIMIT_ENABLED", "false");
            int port = ServiceProcess.freePort();
            Path embeddedDataDir = folder.resolve("unused");
            ServiceProcess service = new ServiceProcess("faults-first", embeddedDataDir, port, env).start();
            LoadGenerator load = new LoadGenerator(service.baseUrl());
            try {
                load.start("voordejeugd", 100, 64);
                Thread.sleep(3000);

                db.crash();
                Instant asked = Instant.now();
                Response down = RestAssured.given()
                        .baseUri(service.baseUrl())
                        .contentType("application/json")
                        .body(Map.of(
                                "submissionId",
                                UUID.randomUUID().toString(),
                                "role",
                                "ouder",
                                "text",
                                "Tijdens de storing."))
                        .post("/api/storypoints/voordejeugd/stories");
                assertThat(Duration.between(asked, Instant.now()))
                        .as("answer while the database is down")
                        .isLessThan(Duration.ofSeconds(10));
                assertThat(down.statusCode()).isEqualTo(503);
                assertThat(down.contentType()).startsWith("application/problem+json");
                RestAssured.given()
                        .baseUri(service.baseUrl())
                        .get("/q/health/ready")
                        .then()
                        .statusCode(503);
                RestAssured.given()
                        .baseUri(service.baseUrl())
                        .get("/q/health/live")
                        .then()
                        .statusCode(200);
                Thread.sleep(2000);
                db.start();
                waitUntilReady(service);
                Thread.sleep(2000);

                service.kill();
                service = new ServiceProcess("faults-second", embeddedDataDir, port, env).start();
                Thread.sleep(3000);
            } finally {
                load.close();
            }
            Set<UUID> acknowledged = load.acknowledged();
            Map<Integer, Integer> statuses = load.statuses();
            String run = load.summary();
            System.out.println("FaultToleranceIT load: " + run);
            try (Connection c = db.connect();
                    PreparedStatement ps = c.prepareStatement(
                            "SELECT count(*), count(DISTINCT submission_id) FROM story WHERE submission_id = ANY (?)")) {
                Array ids = c.createArrayOf("uuid", acknowledged.toArray());
                ps.setArray(1, ids);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getLong(1))
                            .as("stored rows of the acknowledged submissions")
                            .isEqualTo(acknowledged.size());
                    assertThat(rs.getLong(2))
                            .as("each acknowledged submission once")
                            .isEqualTo(acknowledged.size());
                }
            }
            service.stop();
            assertThat(acknowledged.size()).as("acknowledged stories; " + run).isGreaterThan(300);
            assertThat(statuses).as("never a 500; " + run).doesNotContainKey(500);
            assertThat(statuses.keySet())
                    .as("statuses: acknowledged, or unavailable while the database was down; " + run)
                    .isSubsetOf(Set.of(200, 201, 503));
            assertThat(load.timeouts())
                    .as("requests without an answer within " + LoadGenerator.TIMEOUT + " (hangs); " + run)
                    .isZero();
            assertThat(load.slowest()).as("slowest answer; " + run).isLessThan(LoadGenerator.TIMEOUT);
            assertThat(load.maxInFlight()).as("requests open at once; " + run).isGreaterThan(1);
            assertThat(load.unreachable())
                    .as("requests cut off by the kill or sent while no service listened; " + run)
                    .isPositive();
            // the service used the external database only: it never created an embedded one
            assertThat(embeddedDataDir).doesNotExist();
        }
    }

    private static void waitUntilReady(ServiceProcess service) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (RestAssured.given()
                            .baseUri(service.baseUrl())
                            .get("/q/health/ready")
                            .statusCode()
                    == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the service did not recover by itself");
    }
}
