package nl.vertelpunt.user;

import static io.restassured.RestAssured.given;
import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import nl.vertelpunt.testing.LoopbackHttp;
import nl.vertelpunt.testing.LoopbackHttp.Answer;
import org.junit.jupiter.api.Test;

/**
 * One limit on guessing passwords covers every way of signing in (HTTP Basic and the workspace's cookie sign-in),
 * slows a guessing address down, and does not let an attacker lock the real user out. Requests come from different
 * loopback addresses, so the service sees different clients. A new password or a disabled account ends the user's
 * sessions.
 */
@QuarkusTest
class SignInLimitTest {

    /** Every test takes addresses of its own, so that counts of one test never meet another's. */
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(10);

    private static String newAddress() {
        return "127.0.0." + NEXT_ADDRESS.getAndIncrement();
    }

    private static String newUser(String password) {
        String user = uniqueSlug("signin");
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("username", user, "password", password, "roles", List.of("facilitator")))
                .post("/api/users")
                .then()
                .statusCode(201);
        return user;
    }

    private static void assertHeldBack(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(429);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(answer.header("Retry-After"))).isPositive();
    }

    /**
     * Wrong passwords until the address is held back. After the free failures the first wait is one second after the
     * last failure, which checking a password on a busy machine can outlast; each further failure doubles the wait, so
     * within a few it shows. Then the next attempt comes at once, as no password is checked while held back.
     */
    private static void guessUntilHeldBack(IntFunction<Answer> guess) {
        for (int extra = 0; extra < 4; extra++) {
            Answer answer = guess.apply(extra);
            if (answer.status() == 429) {
                assertHeldBack(answer);
                return;
            }
            assertThat(answer.status()).as(answer.body()).isEqualTo(401);
        }
        fail("four more wrong passwords and still not held back");
    }

    @Test
    void shouldHoldBackHttpBasicAfterWrongPasswordsLikeTheCookieSignIn() {
        String user = newUser("the-right-password");
        String attacker = newAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(LoopbackHttp.basic(attacker, "GET", "/api/me", user, "guess-" + i)
                            .status())
                    .isEqualTo(401);
        }
        guessUntilHeldBack(i -> LoopbackHttp.basic(attacker, "GET", "/api/me", user, "more-" + i));
        // the same limit holds for the cookie sign-in, even with the right password, from that address
        assertHeldBack(LoopbackHttp.signIn(attacker, user, "the-right-password"));
        // from another address the right password works, both ways
        String home = newAddress();
        assertThat(LoopbackHttp.basic(home, "GET", "/api/me", user, "the-right-password")
                        .status())
                .isEqualTo(200);
        assertThat(LoopbackHttp.signIn(home, user, "the-right-password").status())
                .isEqualTo(200);
    }

    @Test
    void shouldHoldBackTheCookieSignInAfterWrongPasswordsOverHttpBasic() {
        String user = newUser("the-right-password");
        String attacker = newAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(LoopbackHttp.signIn(attacker, user, "guess-" + i).status())
                    .isEqualTo(401);
        }
        guessUntilHeldBack(i -> LoopbackHttp.signIn(attacker, user, "more-" + i));
        assertHeldBack(LoopbackHttp.basic(attacker, "GET", "/api/me", user, "the-right-password"));
    }

    @Test
    void shouldNotLetAnAttackerLockTheRealUserOut() {
        String user = newUser("the-right-password");
        // ten addresses guess, two passwords each: the account is under attack
        List<String> attackers = List.of(newAddress(), newAddress(), newAddress(), newAddress(), newAddress());
        for (String attacker : attackers) {
            LoopbackHttp.signIn(attacker, user, "guess-a");
            LoopbackHttp.basic(attacker, "GET", "/api/me", user, "guess-b");
        }
        // an address that guessed wrong is held back even with the right password…
        assertHeldBack(LoopbackHttp.signIn(attackers.get(0), user, "the-right-password"));
        // …but the real user, from an address without failures, signs in at once, both ways
        String home = newAddress();
        assertThat(LoopbackHttp.signIn(home, user, "the-right-password").status())
                .isEqualTo(200);
        assertThat(LoopbackHttp.basic(home, "GET", "/api/me", user, "the-right-password")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void shouldEndEverySessionWhenThePasswordChanges() {
        String user = newUser("the-first-password");
        String first = signIn(user, "the-first-password");
        String second = signIn(user, "the-first-password");
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("password", "the-second-password"))
                .put("/api/users/" + user)
                .then()
                .statusCode(200);
        given().cookie("vp_session", first).get("/api/me").then().statusCode(401);
        given().cookie("vp_session", second).get("/api/me").then().statusCode(401);
        String third = signIn(user, "the-second-password");
        given().cookie("vp_session", third).get("/api/me").then().statusCode(200);
    }

    @Test
    void shouldEndEverySessionWhenTheAccountIsDisabledAndNotBringThemBack() {
        String user = newUser("the-right-password");
        String session = signIn(user, "the-right-password");
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("enabled", false))
                .put("/api/users/" + user)
                .then()
                .statusCode(200);
        given().cookie("vp_session", session).get("/api/me").then().statusCode(401);
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("enabled", true))
                .put("/api/users/" + user)
                .then()
                .statusCode(200);
        given().cookie("vp_session", session).get("/api/me").then().statusCode(401);
    }

    private static String signIn(String user, String password) {
        Response login = given().contentType(ContentType.JSON)
                .body(Map.of("username", user, "password", password))
                .post("/api/session");
        login.then().statusCode(200);
        return login.getCookie("vp_session");
    }
}
