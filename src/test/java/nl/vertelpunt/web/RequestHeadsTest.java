package nl.vertelpunt.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import nl.vertelpunt.testing.LoopbackHttp;
import nl.vertelpunt.testing.LoopbackHttp.Answer;
import org.junit.jupiter.api.Test;

/** A very long address or very large headers are refused with application/problem+json, like every refusal. */
@QuarkusTest
class RequestHeadsTest {

    private static void assertProblem(Answer answer, int status) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.body()).contains("\"status\":" + status);
    }

    @Test
    void shouldRefuseAVeryLongAddressWithAProblem() {
        String path = "/api/storypoints/" + "a".repeat(20_000);
        assertProblem(LoopbackHttp.send("127.0.3.1", "GET", path, Map.of(), null), 414);
        assertProblem(LoopbackHttp.send("127.0.3.1", "GET", "/v/x?q=" + "b".repeat(9_000), Map.of(), null), 414);
    }

    @Test
    void shouldRefuseVeryLargeHeadersWithAProblem() {
        Map<String, String> headers = Map.of("X-Padding", "c".repeat(20_000));
        assertProblem(LoopbackHttp.send("127.0.3.2", "GET", "/api/storypoints", headers, null), 431);
    }

    @Test
    void shouldAcceptOrdinaryAddressesAndHeaders() {
        Answer answer =
                LoopbackHttp.send("127.0.3.3", "GET", "/q/health/live", Map.of("X-Padding", "d".repeat(1000)), null);
        assertThat(answer.status()).isEqualTo(200);
    }
}
