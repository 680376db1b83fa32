package nl.vertelpunt.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.vertelpunt.sample.PatternedStories;
import nl.vertelpunt.testing.ExternalPostgres;
import nl.vertelpunt.testing.ServiceProcess;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two service processes on one PostgreSQL, as two replicas behind a load balancer: evaluations started
 * through either run exactly once, spread over both; a session started on one works on the other; when one
 * replica is killed in the middle of a run, the other takes the run over and completes it.
 */
class TwoReplicasIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private static RequestSpecification admin(ServiceProcess service) {
        return RestAssured.given()
                .baseUri(service.baseUrl())
                .auth()
                .preemptive()
                .basic("admin", ServiceProcess.ADMIN_PASSWORD);
    }

    @Test
    void shouldRunEveryEvaluationOnceAcrossTwoReplicasAndTakeOverFromADeadOne() throws Exception {
        try (ExternalPostgres db = new ExternalPostgres(folder.resolve("db"))) {
            Map<String, String> env = new HashMap<>(db.environment());
            env.put("VERTELPUNT_EVALUATION_POLL", "100ms");
            env.put("VERTELPUNT_EVALUATION_HEARTBEAT", "500ms");
            env.put("VERTELPUNT_EVALUATION_HEARTBEAT_TIMEOUT", "3s");
            ServiceProcess a =
                    new ServiceProcess("replica-a", folder.resolve("a"), ServiceProcess.freePort(), env).start();
            ServiceProcess b =
                    new ServiceProcess("replica-b", folder.resolve("b"), ServiceProcess.freePort(), env).start();
            try {
                String slug = "replicas";
                admin(a).contentType("application/json")
                        .body(JSON.writeValueAsString(PatternedStories.definition(slug)))
                        .put("/api/storypoints/" + slug)
                        .then()
                        .statusCode(201);
                StringWriter csv = new StringWriter();
                new PatternedStories(true, 9).write(csv, 60_000);
                admin(b).contentType("text/csv")
                        .body(csv.toString().getBytes(StandardCharsets.UTF_8))
                        .post("/api/storypoints/" + slug + "/stories/import")
                        .then()
                        .statusCode(200);

                // a web session made on one replica is known to the other
                var login = RestAssured.given()
                        .baseUri(a.baseUrl())
                        .contentType("application/json")
                        .body(Map.of("username", "admin", "password", ServiceProcess.ADMIN_PASSWORD))
                        .post("/api/session");
                RestAssured.given()
                        .baseUri(b.baseUrl())
                        .cookie("vp_session", login.getCookie("vp_session"))
                        .get("/api/me")
                        .then()
                        .statusCode(200);

                List<String> runs = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    ServiceProcess via = i % 2 == 0 ? a : b;
                    runs.add(admin(via)
                            .contentType("application/json")
                            .body(Map.of("storyPoint", slug, "settings", Map.of("minGroupSize", 5 + i)))
                            .post("/api/evaluations")
                            .then()
                            .statusCode(202)
                            .extract()
                            .path("id"));
                }
                waitUntilAllDone(a, runs);
                try (Connection c = db.connect();
                        Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery(
                                "SELECT count(*), count(*) FILTER (WHERE attempts = 1 AND status = 'done'), "
                                        + "count(DISTINCT claimed_by) FROM evaluation_run")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(20);
                    assertThat(rs.getInt(2))
                            .as("runs done at their first and only start")
                            .isEqualTo(20);
                    assertThat(rs.getInt(3)).as("replicas that ran evaluations").isEqualTo(2);
                }

                // kill replica A while it runs an evaluation: B completes it
                String taken = null;
                for (int attempt = 0; attempt < 10 && taken == null; attempt++) {
                    String id = admin(a).contentType("application/json")
                            .body(Map.of("storyPoint", slug))
                            .post("/api/evaluations")
                            .then()
                            .statusCode(202)
                            .extract()
                            .path("id");
                    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
                    while (Instant.now().isBefore(deadline)) {
                        var run = admin(b).get("/api/evaluations/" + id);
                        if ("running".equals(run.path("status")) && claimedBy(db, id, a)) {
                            a.kill();
                            taken = id;
                            break;
                        }
                        if ("done".equals(run.path("status"))) {
                            break;
                        }
                        Thread.sleep(20);
                    }
                }
                assertThat(taken).as("caught replica A running an evaluation").isNotNull();
                waitUntilAllDone(b, List.of(taken));
                admin(b).get("/api/evaluations/" + taken)
                        .then()
                        .statusCode(200)
                        .body("status", Matchers.equalTo("done"))
                        .body("attempts", Matchers.equalTo(2));
            } finally {
                a.stop();
                b.stop();
            }
        }
    }

    /** Whether the run is claimed by this replica (claimed_by holds host:pid:random). */
    private static boolean claimedBy(ExternalPostgres db, String id, ServiceProcess replica) throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT claimed_by FROM evaluation_run WHERE id = '" + id + "'")) {
            return rs.next() && rs.getString(1) != null && rs.getString(1).contains(":" + replica.pid() + ":");
        }
    }

    private static void waitUntilAllDone(ServiceProcess via, List<String> runs) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        for (String id : runs) {
            while (!"done".equals(admin(via).get("/api/evaluations/" + id).path("status"))) {
                assertThat(Instant.now()).as("run " + id + " done in time").isBefore(deadline);
                Thread.sleep(200);
            }
        }
    }
}
