package nl.vertelpunt.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import nl.vertelpunt.testing.ServiceProcess;
import nl.vertelpunt.web.EmbeddedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL is supervised: killed with SIGKILL, it is started again on its data and port and the service
 * answers as before, by itself; when it cannot be started (another program took its port), liveness goes DOWN, and UP
 * again once it runs. One service for both cases, each of which ends with the database running.
 */
class EmbeddedDatabaseSupervisionIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Liveness goes DOWN after this long without the database (default 60 s). */
    private static final Duration GRACE = Duration.ofSeconds(3);

    @TempDir
    static Path folder;

    private static ServiceProcess service;
    private static Path pgData;

    @BeforeAll
    static void start() throws Exception {
        Path data = folder.resolve("data");
        pgData = data.resolve("postgres");
        service = new ServiceProcess(
                        "supervision",
                        data,
                        ServiceProcess.freePort(),
                        Map.of("VERTELPUNT_EMBEDDED_DB_LIVENESS_GRACE", GRACE.toSeconds() + "s"))
                .start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (service != null) {
            service.stop();
        }
    }

    @Test
    void shouldStartAKilledDatabaseAgainAndServeAsBefore() throws Exception {
        String before = share("Voor de storing.").path("id").asText();
        long killed = postmasterPid();
        // a server process busy with a long query outlives its killed postmaster and keeps its shared memory in use:
        // the new server can start only once it is gone
        CompletableFuture<Void> busy = CompletableFuture.runAsync(() -> {
            try (Connection c = connect();
                    Statement s = c.createStatement()) {
                s.execute("SELECT count(*) FROM (SELECT generate_series(1, 5000000000::bigint)) AS busy");
            } catch (SQLException | IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
        long busyBackend = awaitBusyBackend();

        Instant crash = Instant.now();
        kill(killed);
        Set<Integer> statuses = new HashSet<>();
        JsonNode after = null;
        while (after == null && Instant.now().isBefore(crash.plusSeconds(60))) {
            HttpResponse<String> r = post("Na de storing.");
            statuses.add(r.statusCode());
            if (r.statusCode() == 201) {
                after = JSON.readTree(r.body());
            } else {
                Thread.sleep(250);
            }
        }
        Duration recovery = Duration.between(crash, Instant.now());
        System.out.println("EmbeddedDatabaseSupervisionIT: a story was stored again " + recovery.toMillis()
                + " ms after the postmaster was killed; statuses meanwhile " + statuses);

        assertThat(after).as("a story stored after the crash").isNotNull();
        assertThat(recovery).isLessThan(Duration.ofSeconds(30));
        assertThat(statuses).as("acknowledged or unavailable, never an error").isSubsetOf(Set.of(201, 503));
        assertThat(postmasterPid()).isNotEqualTo(killed);
        assertThat(ProcessHandle.of(busyBackend).filter(ProcessHandle::isAlive))
                .as("the busy server process")
                .isEmpty();
        assertThat(busy).failsWithin(Duration.ofSeconds(10));
        assertThat(get("/q/health/live").statusCode()).isEqualTo(200);
        assertThat(get("/q/health/ready").statusCode()).isEqualTo(200);
        // the earlier story is still there, and the new one is stored
        for (String id : List.of(before, after.path("id").asText())) {
            assertThat(get("/api/storypoints/voordejeugd/stories/" + id).statusCode())
                    .as("story " + id)
                    .isEqualTo(200);
        }
        assertThat(Files.readString(folder.resolve("data/postgres.log"), StandardCharsets.UTF_8))
                .as("the log of the server started again holds no story")
                .doesNotContain("storing");
    }

    @Test
    void shouldBeDownWhileTheDatabaseCannotBeStartedAndUpOnceItRuns() throws Exception {
        String before = share("Voordat de poort bezet was.").path("id").asText();
        int port = port();
        Instant crash;
        try (ServerSocket squatter = killAndTakePort(port)) {
            crash = Instant.now();
            awaitStatus("/q/health/live", 503, crash.plus(GRACE).plusSeconds(30));
            Duration down = Duration.between(crash, Instant.now());
            System.out.println(
                    "EmbeddedDatabaseSupervisionIT: liveness DOWN " + down.toMillis() + " ms after the port was taken");
            assertThat(down).isGreaterThanOrEqualTo(GRACE);
            assertThat(get("/q/health/ready").statusCode()).isEqualTo(503);
            assertThat(get("/q/health/live").body()).contains("\"failedAttempts\"");
        }
        Instant released = Instant.now();
        awaitStatus("/q/health/live", 200, released.plusSeconds(60));
        HttpResponse<String> after = null;
        while (Instant.now().isBefore(released.plusSeconds(60))) {
            after = post("Nadat de poort vrij was.");
            if (after.statusCode() == 201) {
                break;
            }
            Thread.sleep(250);
        }
        System.out.println("EmbeddedDatabaseSupervisionIT: a story was stored again "
                + Duration.between(released, Instant.now()).toMillis() + " ms after the port was released");
        assertThat(after.statusCode()).as(after.body()).isEqualTo(201);
        assertThat(get("/api/storypoints/voordejeugd/stories/" + before).statusCode())
                .isEqualTo(200);
    }

    /**
     * Kills the postmaster and binds its port before the supervisor starts it again (it looks once a second and waits
     * a second more; should it win nevertheless, once more).
     */
    private static ServerSocket killAndTakePort(int port) throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            ProcessHandle postmaster = ProcessHandle.of(postmasterPid()).orElseThrow();
            kill(postmaster.pid());
            Instant until = Instant.now().plusSeconds(1);
            while (Instant.now().isBefore(until)) {
                ServerSocket socket = new ServerSocket();
                try {
                    socket.setReuseAddress(true);
                    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                    return socket;
                } catch (IOException e) {
                    socket.close();
                    Thread.sleep(10);
                }
            }
            awaitStatus("/q/health/ready", 200, Instant.now().plusSeconds(60));
        }
        throw new AssertionError("could not take the database's port");
    }

    private static Connection connect() throws SQLException, IOException {
        return DriverManager.getConnection(
                EmbeddedDatabase.jdbcUrl(port()), "postgres", EmbeddedDatabase.readPassword(pgData));
    }

    /** The pid of the server process that runs the long query, once it runs. */
    private static long awaitBusyBackend() throws Exception {
        Instant deadline = Instant.now().plusSeconds(10);
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet rs = s.executeQuery("SELECT pid FROM pg_stat_activity"
                        + " WHERE state = 'active' AND query LIKE '%AS busy' AND pid <> pg_backend_pid()")) {
                    if (rs.next()) {
                        return rs.getLong(1);
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the long query did not start");
    }

    private static void kill(long pid) throws Exception {
        new ProcessBuilder("kill", "-KILL", Long.toString(pid))
                .inheritIO()
                .start()
                .waitFor();
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
    }

    private static long postmasterPid() throws IOException {
        return Long.parseLong(
                Files.readAllLines(pgData.resolve("postmaster.pid")).get(0).strip());
    }

    private static int port() throws IOException {
        return Integer.parseInt(
                Files.readString(pgData.resolveSibling(".vertelpunt-db-port")).strip());
    }

    private static JsonNode share(String text) throws Exception {
        HttpResponse<String> r = post(text);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> post(String text) throws Exception {
        String story = JSON.writeValueAsString(
                Map.of("submissionId", UUID.randomUUID().toString(), "role", "ouder", "language", "nl", "text", text));
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/storypoints/voordejeugd/stories"))
                        .timeout(Duration.ofSeconds(15))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(story))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        String credentials = "admin:" + ServiceProcess.ADMIN_PASSWORD;
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                        .timeout(Duration.ofSeconds(15))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitStatus(String path, int status, Instant deadline) throws Exception {
        int last = -1;
        while (Instant.now().isBefore(deadline)) {
            last = get(path).statusCode();
            if (last == status) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(path + " did not answer " + status + " in time (last " + last + ")");
    }
}
