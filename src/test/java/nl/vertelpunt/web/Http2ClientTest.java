package nl.vertelpunt.web;

import static nl.vertelpunt.testing.Fixtures.publishedStoryPoint;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import nl.vertelpunt.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * A client that asks to upgrade to HTTP/2 (Java's HttpClient does so by default) is answered over HTTP/1.1, and its
 * story is taken: request bodies are read before any blocking work, which Vert.x's HTTP/2 requests do not allow (it
 * answered 500, "Request has already been read").
 */
@QuarkusTest
class Http2ClientTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void shouldTakeAStoryFromAClientThatAsksForHttp2() throws Exception {
        String slug = publishedStoryPoint("h2c");
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        String body = new ObjectMapper().writeValueAsString(Fixtures.aSubmission());
        for (int i = 0; i < 2; i++) {
            String story = i == 0 ? body : new ObjectMapper().writeValueAsString(Fixtures.aSubmission());
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(base.resolve("/api/storypoints/" + slug + "/stories"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(story))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        }
    }
}
