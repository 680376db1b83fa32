package nl.vertelpunt.web;

import static io.restassured.RestAssured.given;
import static nl.vertelpunt.testing.Fixtures.aSubmission;
import static nl.vertelpunt.testing.Fixtures.publishedStoryPoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import nl.vertelpunt.testing.Fixtures;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Public limits without personal data: a per-address rate limit on submissions, sign-ins and withdrawals, and the
 * form's honeypot. The service runs as behind a reverse proxy here: the client is the rightmost X-Forwarded-For
 * entry, the one the proxy appended; what a client puts to the left of it changes nothing.
 */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimit.class)
// both tests use the one per-address counter: the first needs it fresh
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitTest {

    /** A limit of three stories a minute, so the test can reach it, behind a reverse proxy. */
    public static class LowLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the production limit of failed sign-ins per address (the test profile raises it, see
            // application.properties)
            return Map.of(
                    "vertelpunt.rate-limit.stories-per-minute",
                    "3",
                    "vertelpunt.rate-limit.forwarded",
                    "true",
                    "vertelpunt.sign-in.address-free-failures",
                    "20");
        }
    }

    /** What a proxy sends for {@code client} when the client itself claimed to be {@code forged}. */
    private static String forwardedFor(String forged, String client) {
        return forged + ", " + client;
    }

    @Test
    @Order(1)
    void shouldLimitSubmissionsPerAddressAndRefuseTheHoneypot() {
        String slug = publishedStoryPoint("ratelimit");
        Map<String, Object> bot = aSubmission();
        bot.put("website", "http://spam.example");
        given().contentType(ContentType.JSON)
                .body(bot)
                .post("/api/storypoints/" + slug + "/stories")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("website"));
        for (int i = 0; i < 2; i++) {
            Map<String, Object> story = aSubmission();
            story.put("website", "");
            given().contentType(ContentType.JSON)
                    .body(story)
                    .post("/api/storypoints/" + slug + "/stories")
                    .then()
                    .statusCode(201);
        }
        given().contentType(ContentType.JSON)
                .body(aSubmission())
                .post("/api/storypoints/" + slug + "/stories")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("detail", containsString("nothing is lost"));
    }

    @Test
    @Order(2)
    void shouldNotCountTheQueueOfAVerteltafelAgainstTheAddress() {
        String slug = publishedStoryPoint("ratelimit-verteltafel");
        String facilitator = "vt-" + System.nanoTime();
        Fixtures.asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "username",
                        facilitator,
                        "password",
                        "a-long-enough-password",
                        "roles",
                        List.of("facilitator"),
                        "storyPoints",
                        List.of(slug)))
                .post("/api/users")
                .then()
                .statusCode(201);
        // this address is over its limit for anonymous stories
        for (int i = 0; i < 4; i++) {
            given().contentType(ContentType.JSON).body(aSubmission()).post("/api/storypoints/" + slug + "/stories");
        }
        given().contentType(ContentType.JSON)
                .body(aSubmission())
                .post("/api/storypoints/" + slug + "/stories")
                .then()
                .statusCode(429);
        // a facilitator sending a queue from the same address is not refused
        for (int i = 0; i < 10; i++) {
            Map<String, Object> story = aSubmission();
            story.put("channel", "verteltafel");
            Fixtures.as(facilitator, "a-long-enough-password")
                    .contentType(ContentType.JSON)
                    .body(story)
                    .post("/api/storypoints/" + slug + "/stories")
                    .then()
                    .statusCode(201);
        }
        // and pretending to be one does not get around the limit for anyone else: it is refused unsigned
        Map<String, Object> pretend = aSubmission();
        pretend.put("channel", "verteltafel");
        given().contentType(ContentType.JSON)
                .body(pretend)
                .post("/api/storypoints/" + slug + "/stories")
                .then()
                .statusCode(401);
    }

    @Test
    @Order(3)
    void shouldLimitStoriesPerForwardedClientWhateverTheClientPutsInFront() {
        String slug = publishedStoryPoint("ratelimit-forwarded");
        String client = "198.51.100.11";
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", forwardedFor("203.0.113." + i, client))
                    .contentType(ContentType.JSON)
                    .body(aSubmission())
                    .post("/api/storypoints/" + slug + "/stories")
                    .then()
                    .statusCode(201);
        }
        given().header("X-Forwarded-For", forwardedFor("203.0.113.99", client))
                .contentType(ContentType.JSON)
                .body(aSubmission())
                .post("/api/storypoints/" + slug + "/stories")
                .then()
                .statusCode(429);
        given().header("X-Forwarded-For", client)
                .contentType(ContentType.JSON)
                .body(aSubmission())
                .post("/api/storypoints/" + slug + "/stories")
                .then()
                .statusCode(429);
        // another client behind the same proxy (the same connection address) is not held back
        given().header("X-Forwarded-For", forwardedFor(client, "198.51.100.12"))
                .contentType(ContentType.JSON)
                .body(aSubmission())
                .post("/api/storypoints/" + slug + "/stories")
                .then()
                .statusCode(201);
    }

    @Test
    @Order(4)
    void shouldLimitFailedSignInsPerForwardedClient() {
        String client = "198.51.100.21";
        // 20 failed sign-ins per address (4 x the 5 per user name), each for another name, with forged entries in front
        for (int i = 0; i < 20; i++) {
            given().header("X-Forwarded-For", forwardedFor("203.0.113." + i, client))
                    .contentType(ContentType.JSON)
                    .body(Map.of("username", "nobody-" + i, "password", "wrong"))
                    .post("/api/session")
                    .then()
                    .statusCode(401);
        }
        // then each next attempt waits 1, 2, 4 s… after the last failure; checking a password on a busy machine can
        // outlast the first second, so wrong passwords go on until the wait shows
        int extra = 0;
        while (given().header("X-Forwarded-For", forwardedFor("203.0.113.100", client))
                        .contentType(ContentType.JSON)
                        .body(Map.of("username", "nobody-more-" + extra, "password", "wrong"))
                        .post("/api/session")
                        .statusCode()
                == 401) {
            assertThat(++extra).as("wrong passwords before the first wait").isLessThan(4);
        }
        given().header("X-Forwarded-For", forwardedFor("203.0.113.200", client))
                .contentType(ContentType.JSON)
                .body(Map.of("username", Fixtures.ADMIN, "password", Fixtures.ADMIN_PASSWORD))
                .post("/api/session")
                .then()
                .statusCode(429)
                .contentType("application/problem+json");
        // the staff member at another address behind the same proxy signs in
        given().header("X-Forwarded-For", forwardedFor(client, "198.51.100.22"))
                .contentType(ContentType.JSON)
                .body(Map.of("username", Fixtures.ADMIN, "password", Fixtures.ADMIN_PASSWORD))
                .post("/api/session")
                .then()
                .statusCode(200);
    }

    @Test
    @Order(5)
    void shouldLimitWithdrawalAttemptsPerForwardedClient() {
        String slug = publishedStoryPoint("ratelimit-withdrawal");
        String client = "198.51.100.31";
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", forwardedFor("203.0.113." + i, client))
                    .contentType(ContentType.JSON)
                    .body(Map.of("receiptCode", "WRNG-WRNG-WRNG-000" + i))
                    .post("/api/storypoints/" + slug + "/withdrawals")
                    .then()
                    .statusCode(422);
        }
        given().header("X-Forwarded-For", forwardedFor("203.0.113.99", client))
                .contentType(ContentType.JSON)
                .body(Map.of("receiptCode", "WRNG-WRNG-WRNG-0009"))
                .post("/api/storypoints/" + slug + "/withdrawals")
                .then()
                .statusCode(429)
                .contentType("application/problem+json");
        given().header("X-Forwarded-For", forwardedFor(client, "198.51.100.32"))
                .contentType(ContentType.JSON)
                .body(Map.of("receiptCode", "WRNG-WRNG-WRNG-0010"))
                .post("/api/storypoints/" + slug + "/withdrawals")
                .then()
                .statusCode(422);
    }
}
