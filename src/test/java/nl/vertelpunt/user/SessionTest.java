package nl.vertelpunt.user;

import static io.restassured.RestAssured.given;
import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import nl.vertelpunt.testing.Database;
import nl.vertelpunt.testing.Fixtures;
import nl.vertelpunt.web.Tokens;
import org.junit.jupiter.api.Test;

/** The web workspace's session login: a secure cookie, CSRF protection on every change, limited attempts, sign-out. */
@QuarkusTest
class SessionTest {

    @Inject
    AgroalDataSource dataSource;

    private static Response login(String user, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", user, "password", password))
                .post("/api/session");
    }

    @Test
    void shouldSignInWithAnHttpOnlyStrictCookieAndRequireTheCsrfTokenForChanges() {
        Response login = login("admin", "admin-test-password");
        login.then().statusCode(200).body("username", equalTo("admin")).body("csrfToken", notNullValue());
        String setCookie = login.getHeader("Set-Cookie");
        assertThat(setCookie)
                .contains("vp_session=")
                .contains("HttpOnly")
                .containsIgnoringCase("SameSite=Strict")
                .contains("Secure");
        String session = login.getCookie("vp_session");
        String csrf = login.path("csrfToken");

        given().cookie("vp_session", session)
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("username", equalTo("admin"));
        given().cookie("vp_session", session)
                .get("/api/session")
                .then()
                .statusCode(200)
                .body("csrfToken", equalTo(csrf));

        Map<String, Object> user = Map.of(
                "username",
                "via-session-" + System.nanoTime(),
                "password",
                "a-long-enough-password",
                "roles",
                List.of("analyst"));
        given().cookie("vp_session", session)
                .contentType(ContentType.JSON)
                .body(user)
                .post("/api/users")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("CSRF"));
        given().cookie("vp_session", session)
                .header("X-CSRF-Token", "wrong")
                .contentType(ContentType.JSON)
                .body(user)
                .post("/api/users")
                .then()
                .statusCode(403);
        // an Authorization header that does not sign the request in does not excuse it from the check
        for (String authorization : List.of("Bearer not-a-token", "Negotiate abc", "Basic")) {
            given().cookie("vp_session", session)
                    .header("Authorization", authorization)
                    .contentType(ContentType.JSON)
                    .body(user)
                    .post("/api/users")
                    .then()
                    .statusCode(anyOf(equalTo(401), equalTo(403)))
                    .contentType("application/problem+json");
        }
        given().cookie("vp_session", session)
                .header("X-CSRF-Token", csrf)
                .contentType(ContentType.JSON)
                .body(user)
                .post("/api/users")
                .then()
                .statusCode(201);
        // the public form still works in the browser staff are signed in with: sharing needs no CSRF token
        String slug = Fixtures.publishedStoryPoint("signedin");
        given().cookie("vp_session", session)
                .contentType(ContentType.JSON)
                .body(Fixtures.aSubmission())
                .post("/api/storypoints/" + slug + "/stories")
                .then()
                .statusCode(201);

        given().cookie("vp_session", session).delete("/api/session").then().statusCode(403);
        given().cookie("vp_session", session)
                .header("X-CSRF-Token", csrf)
                .delete("/api/session")
                .then()
                .statusCode(204)
                .header("Set-Cookie", containsString("Max-Age=0"));
        given().cookie("vp_session", session)
                .header("X-Requested-With", "vertelpunt")
                .get("/api/session")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", nullValue());
    }

    @Test
    void shouldRefuseWrongPasswordsAndLimitAttempts() {
        String user = "limited-" + uniqueSlug("u");
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("username", user, "password", "the-right-password", "roles", List.of("facilitator")))
                .post("/api/users")
                .then()
                .statusCode(201);
        for (int i = 0; i < 5; i++) {
            login(user, "not-the-password").then().statusCode(401).contentType("application/problem+json");
        }
        // then each next attempt waits 1, 2, 4, 8 s after the last failure; on a busy machine checking a password
        // can take longer than the first delay, so wrong passwords go on until the wait shows
        int extra = 0;
        while (login(user, "not-the-password").statusCode() == 401) {
            assertThat(++extra).as("wrong passwords before the first wait").isLessThan(4);
        }
        login(user, "the-right-password")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("detail", containsString("Try again"));
        given().cookie("vp_session", "made-up-token").get("/api/me").then().statusCode(401);
        given().contentType(ContentType.JSON)
                .body(Map.of("username", user))
                .post("/api/session")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("password"));
    }

    @Test
    void shouldKeepScriptsWorkingWithBasicAuthenticationWithoutCsrf() {
        RestAssured.given()
                .auth()
                .preemptive()
                .basic("admin", "admin-test-password")
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "username",
                        "basic-" + System.nanoTime(),
                        "password",
                        "a-long-enough-password",
                        "roles",
                        List.of("analyst")))
                .post("/api/users")
                .then()
                .statusCode(201);
    }

    /** Moves the session's last request back by {@code interval}, as if it had been idle that long. */
    private void idleFor(String token, String interval) {
        assertThat(Database.update(
                        dataSource,
                        "UPDATE staff_session SET last_seen_at = now() - ?::interval WHERE token_hash = ?",
                        interval,
                        Tokens.sha256(token)))
                .isEqualTo(1);
    }

    /** Moves the session's start and end back by {@code interval}; its last request stays where it was. */
    private void startEarlier(String token, String interval) {
        assertThat(Database.update(
                        dataSource,
                        "UPDATE staff_session SET created_at = created_at - ?::interval, "
                                + "expires_at = expires_at - ?::interval WHERE token_hash = ?",
                        interval,
                        interval,
                        Tokens.sha256(token)))
                .isEqualTo(1);
    }

    @Test
    void shouldEndASessionThatWasIdleForTwoHours() {
        String session = login("admin", "admin-test-password")
                .then()
                .statusCode(200)
                .extract()
                .cookie("vp_session");
        idleFor(session, "1 hour 58 minutes");
        given().cookie("vp_session", session).get("/api/me").then().statusCode(200);
        // that request renewed the idle time; now two hours and a minute without one
        idleFor(session, "2 hours 1 minute");
        given().cookie("vp_session", session)
                .header("X-Requested-With", "vertelpunt")
                .get("/api/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        assertThat(Database.queryInt(
                        dataSource, "SELECT count(*) FROM staff_session WHERE token_hash = ?", Tokens.sha256(session)))
                .as("the ended session is removed")
                .isZero();
    }

    @Test
    void shouldEndASessionTwelveHoursAfterSignInHoweverBusy() {
        String session = login("admin", "admin-test-password")
                .then()
                .statusCode(200)
                .extract()
                .cookie("vp_session");
        assertThat(Database.queryInt(
                        dataSource,
                        "SELECT extract(epoch FROM expires_at - created_at)::int FROM staff_session "
                                + "WHERE token_hash = ?",
                        Tokens.sha256(session)))
                .as("maximum in seconds")
                .isEqualTo(12 * 3600);
        startEarlier(session, "11 hours 58 minutes");
        given().cookie("vp_session", session).get("/api/me").then().statusCode(200);
        startEarlier(session, "3 minutes");
        // still used a moment ago, but signed in twelve hours and a minute ago
        given().cookie("vp_session", session)
                .header("X-Requested-With", "vertelpunt")
                .get("/api/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }
}
