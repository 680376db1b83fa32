package nl.vertelpunt.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which address keys the in-memory limits (plain JUnit; the endpoints are tested in RateLimitTest). */
class ClientAddressTest {

    @Test
    void shouldTakeTheEntryTheTrustedProxyAppendedNotTheOneTheClientSent() {
        assertThat(ClientAddress.resolve(true, List.of("203.0.113.5, 198.51.100.7"), "10.0.0.2"))
                .isEqualTo("198.51.100.7");
        assertThat(ClientAddress.resolve(true, List.of("198.51.100.7"), "10.0.0.2"))
                .isEqualTo("198.51.100.7");
        assertThat(ClientAddress.resolve(true, List.of("203.0.113.5", "198.51.100.7"), "10.0.0.2"))
                .as("several header lines: the last one is the proxy's")
                .isEqualTo("198.51.100.7");
        assertThat(ClientAddress.resolve(true, List.of("2001:db8::1,2001:db8::7"), "10.0.0.2"))
                .isEqualTo("2001:db8::7");
    }

    @Test
    void shouldUseTheConnectionWhenNotBehindAProxyOrWithoutAnEntry() {
        assertThat(ClientAddress.resolve(false, List.of("203.0.113.5, 198.51.100.7"), "10.0.0.2"))
                .isEqualTo("10.0.0.2");
        assertThat(ClientAddress.resolve(true, List.of(), "10.0.0.2")).isEqualTo("10.0.0.2");
        assertThat(ClientAddress.resolve(true, List.of("203.0.113.5, "), "10.0.0.2"))
                .isEqualTo("10.0.0.2");
    }

    @Test
    void shouldBoundTheKeyLength() {
        assertThat(ClientAddress.resolve(true, List.of("x".repeat(10_000)), "10.0.0.2"))
                .hasSize(ClientAddress.MAX_LENGTH);
    }
}
