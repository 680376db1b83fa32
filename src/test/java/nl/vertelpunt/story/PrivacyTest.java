package nl.vertelpunt.story;

import static io.restassured.RestAssured.given;
import static nl.vertelpunt.testing.Fixtures.aSubmission;
import static nl.vertelpunt.testing.Fixtures.publishedStoryPoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.vertelpunt.testing.Database;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

/** Storytellers are anonymous: nothing about their connection or device is kept, in the database or in the logs. */
@QuarkusTest
class PrivacyTest {

    private static final String FORWARDED_IP = "203.0.113.77";
    private static final String REAL_IP = "198.51.100.23";
    private static final String USER_AGENT = "VertelpuntPrivacyProbe/1.0 (Linux; Android 14)";

    /** A loopback address of its own (Linux answers on all of 127.0.0.0/8), so that a trace of it cannot be mistaken. */
    private static final String SOURCE_IP = "127.0.0.77";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager em;

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
                .then()
                .statusCode(201)
                .header("Set-Cookie", (String) null)
                .extract()
                .path("id");
        // a refused submission must not leave traces either
        given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", FORWARDED_IP)
                .header("User-Agent", USER_AGENT)
                .body(Map.of("role", "opa"))
                .post("/api/storypoints/" + slug + "/stories")
                .then()
                .statusCode(422);

        List<String> rows = Database.everyRowAsText(dataSource);
        assertThat(rows).anySatisfy(row -> assertThat(row).contains(id));
        assertThat(rows).noneSatisfy(row -> assertThat(row).contains(FORWARDED_IP));
        assertThat(rows).noneSatisfy(row -> assertThat(row).contains(REAL_IP));
        assertThat(rows).noneSatisfy(row -> assertThat(row).contains("VertelpuntPrivacyProbe"));
        assertThat(rows).noneSatisfy(row -> assertThat(row).contains("abc123"));
        assertThat(rows)
                .filteredOn(row -> row.startsWith("story:"))
                .noneSatisfy(row -> assertThat(row).contains("127.0.0.1"));

        // a table's link is a secret: opening its page or its API must not put the token into the metrics
        String token = "tafeltoken" + UUID.randomUUID().toString().replace("-", "");
        given().get("/t/" + token).then().statusCode(200);
        given().get("/api/tables/" + token).then().statusCode(404);
        given().get("/werkplek/" + slug + "/verhalen/" + id).then().statusCode(200);

        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).doesNotContain(token).contains("uri=\"/t/{token}\"");
        assertThat(metrics)
                .contains("vertelpunt_stories_received_total{channel=\"online\",storypoint=\"" + slug + "\"}")
                .contains("vertelpunt_requests_refused_total")
                .contains("agroal_")
                .doesNotContain(FORWARDED_IP)
                .doesNotContain(REAL_IP)
                .doesNotContain("VertelpuntPrivacyProbe")
                .doesNotContain(id);

        Path log = Path.of("target/quarkus-test.log");
        assertThat(log).exists();
        String logText = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(logText)
                .doesNotContain(FORWARDED_IP)
                .doesNotContain(REAL_IP)
                .doesNotContain("VertelpuntPrivacyProbe")
                .doesNotContain((String) story.get("text"));
    }

    /**
     * A plain HTTP/1.1 request from {@value #SOURCE_IP}: a raw socket bound to that address, connected to the test
     * server on 127.0.0.1. Returns the status code.
     */
    private static int sendFrom(String source, String method, String path, Object body) throws IOException {
        byte[] json = new ObjectMapper().writeValueAsBytes(body);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), RestAssured.port), 5000);
            socket.setSoTimeout(15_000);
            assertThat(socket.getLocalAddress().getHostAddress()).isEqualTo(source);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost:" + RestAssured.port + "\r\n"
                            + "Content-Type: application/json\r\nAccept: application/json\r\nContent-Length: "
                            + json.length + "\r\n"
                            + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(json);
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 ");
            return Integer.parseInt(response.substring(9, 12));
        }
    }

    @Test
    void shouldKeepTheConnectionsOwnAddressOutOfTheDatabaseTheLogAndTheMetrics() throws Exception {
        String slug = publishedStoryPoint("privacy-source");
        Map<String, Object> story = aSubmission();
        assertThat(sendFrom(SOURCE_IP, "POST", "/api/storypoints/" + slug + "/stories", story))
                .isEqualTo(201);
        assertThat(Database.storyCount(dataSource, slug)).isEqualTo(1);
        // the other public endpoints that key a counter by the address: a failed sign-in and a failed withdrawal
        assertThat(sendFrom(
                        SOURCE_IP, "POST", "/api/session", Map.of("username", "nobody-" + slug, "password", "wrong")))
                .isEqualTo(401);
        assertThat(sendFrom(
                        SOURCE_IP,
                        "POST",
                        "/api/storypoints/" + slug + "/withdrawals",
                        Map.of("receiptCode", "WRNG-WRNG-WRNG-WRNG")))
                .isEqualTo(422);

        assertThat(Database.everyRowAsText(dataSource))
                .noneSatisfy(row -> assertThat(row).contains(SOURCE_IP));
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).doesNotContain(SOURCE_IP);
        String logText = Files.readString(Path.of("target/quarkus-test.log"), StandardCharsets.UTF_8);
        assertThat(logText).doesNotContain(SOURCE_IP).doesNotContain((String) story.get("text"));
    }

    /**
     * PostgreSQL explains a refused row in the error's detail, "Failing row contains (...)", with the row's values.
     * The service's connections leave that detail out of exception messages (pgjdbc's logServerErrorDetail=false),
     * so neither the service nor Hibernate can log it.
     */
    @Test
    void shouldKeepRowValuesOutOfDatabaseErrorMessagesAndTheLog() throws Exception {
        String marker = "Geheim verhaal " + UUID.randomUUID();
        String tooLong = marker + " " + "x".repeat(2001);
        String insert =
                "INSERT INTO session_note (table_id, kind, text, created_at) VALUES (gen_random_uuid(), 'worry', ?, now())";

        // the same statement on a connection with pgjdbc's defaults: the row's text is in the message
        Config config = ConfigProvider.getConfig();
        try (Connection plain = DriverManager.getConnection(
                        config.getValue("quarkus.datasource.jdbc.url", String.class),
                        config.getValue("quarkus.datasource.username", String.class),
                        config.getValue("quarkus.datasource.password", String.class));
                PreparedStatement ps = plain.prepareStatement(insert)) {
            ps.setString(1, tooLong);
            SQLException e = (SQLException) catchThrowable(ps::executeUpdate);
            assertThat(e.getSQLState()).as("a CHECK violation").isEqualTo("23514");
            assertThat(e.getMessage()).contains("Failing row contains").contains(marker);
        }

        // on the service's own connections the message names the constraint, not the row
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(insert)) {
            ps.setString(1, tooLong);
            PSQLException e = (PSQLException) catchThrowable(ps::executeUpdate);
            assertThat(e.getSQLState()).isEqualTo("23514");
            assertThat(e.getServerErrorMessage().getDetail())
                    .as("the detail the server sent")
                    .contains(marker);
            assertThat(e.getMessage())
                    .contains("session_note")
                    .doesNotContain(marker)
                    .doesNotContain("Failing row");
        }

        // through Hibernate, which logs the message of every SQL error it sees
        Throwable failure = catchThrowable(() -> QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(insert.replace("?", "?1"))
                        .setParameter(1, tooLong)
                        .executeUpdate()));
        assertThat(failure).isNotNull();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(marker);
        }
        String logText = Files.readString(Path.of("target/quarkus-test.log"), StandardCharsets.UTF_8);
        assertThat(logText).as("Hibernate logged the error").contains("session_note");
        assertThat(logText).doesNotContain(marker).doesNotContain("Failing row contains");
    }
}
