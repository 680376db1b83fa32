package nl.vertelpunt.web;

import static io.restassured.RestAssured.given;
import static nl.vertelpunt.testing.Fixtures.aSubmission;
import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.publishedStoryPoint;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Clients that send their request bodies slowly, or stop halfway, never take the service down: bodies are read
 * without holding a worker thread, must keep up a minimum rate after a grace period (2 s in tests), and one address
 * may send only a few at once. Every refusal is application/problem+json. The slow clients come from many loopback
 * addresses, as a crowd of scripts would.
 */
@QuarkusTest
class SlowClientTest {

    /** More slow bodies than the service has worker threads (200 on this machine by default). */
    private static final int SLOW_CLIENTS = 250;

    /** A request with a body that promises more than it sends, and then waits. */
    private static Socket slowBody(String from, String path, int promised, int sent) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 5_000);
        socket.setSoTimeout(20_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + path
                        + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + promised + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.write(("{\"text\": \"" + "a".repeat(Math.max(0, sent - 10))).getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return socket;
    }

    /** Everything the server sends until it closes the connection. */
    private static String answer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldStayFastForStorytellersWhileManySlowBodiesAreHeldAndThenCloseThem() throws Exception {
        String slug = publishedStoryPoint("slow");
        String stories = "/api/storypoints/" + slug + "/stories";
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                slow.add(slowBody("127.0.1." + (i + 1), stories, 60_000, 100));
            }
            // a storyteller and a member of staff meanwhile: every answer comes quickly
            long slowest = 0;
            for (int i = 0; i < 10; i++) {
                long start = System.nanoTime();
                given().get("/api/storypoints/" + slug).then().statusCode(200);
                given().contentType(ContentType.JSON)
                        .body(aSubmission())
                        .post(stories)
                        .then()
                        .statusCode(201);
                asAdmin().get("/api/me").then().statusCode(200);
                slowest = Math.max(slowest, (System.nanoTime() - start) / 1_000_000);
            }
            System.out.printf(
                    "SlowClientTest: %d slow bodies held open; 10 rounds of a storyteller's and staff's requests"
                            + " (story point, story, /api/me), slowest round %d ms%n",
                    SLOW_CLIENTS, slowest);
            assertThat(slowest).as("slowest round of three requests, ms").isLessThan(3_000);
            // the slow bodies fall behind the minimum rate after the grace period: 408, and the connection closes
            for (Socket socket : slow.subList(0, 5)) {
                String answer = answer(socket);
                assertThat(answer).startsWith("HTTP/1.1 408").contains("application/problem+json");
                assertThat(answer).contains("\"status\":408");
            }
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void shouldLetOneAddressSendOnlyAFewBodiesAtOnce() throws Exception {
        String slug = publishedStoryPoint("slowaddr");
        String stories = "/api/storypoints/" + slug + "/stories";
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                slow.add(slowBody("127.0.2.1", stories, 60_000, 100));
            }
            Thread.sleep(200); // the eight bodies are in progress
            Socket ninth = slowBody("127.0.2.1", stories, 60_000, 100);
            slow.add(ninth);
            String answer = answer(ninth);
            assertThat(answer).startsWith("HTTP/1.1 429").contains("application/problem+json");
            assertThat(answer).containsIgnoringCase("Retry-After: 5");
            // another address is not affected
            Socket other = slowBody("127.0.2.2", stories, 2_000, 100);
            other.getOutputStream().write(("\", \"x\": 1}" + " ".repeat(1_890)).getBytes(StandardCharsets.ISO_8859_1));
            assertThat(answer(other)).doesNotStartWith("HTTP/1.1 429").doesNotStartWith("HTTP/1.1 5");
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void shouldRefuseABodyLargerThanAllowedBeforeReadingIt() throws Exception {
        String slug = publishedStoryPoint("slowbig");
        try (Socket socket = slowBody("127.0.2.3", "/api/storypoints/" + slug + "/stories", 5_000_000, 100)) {
            String answer = answer(socket);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json");
        }
    }

    @Test
    void shouldStillAcceptEveryNormalBody() {
        String slug = publishedStoryPoint("slowok");
        Map<String, Object> story = aSubmission();
        story.put("submissionId", UUID.randomUUID().toString());
        given().contentType(ContentType.JSON)
                .body(story)
                .post("/api/storypoints/" + slug + "/stories")
                .then()
                .statusCode(201);
    }
}
