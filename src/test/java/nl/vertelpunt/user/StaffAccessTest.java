package nl.vertelpunt.user;

import static io.restassured.RestAssured.given;
import static nl.vertelpunt.testing.Fixtures.aSubmission;
import static nl.vertelpunt.testing.Fixtures.as;
import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.publishedStoryPoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.vertelpunt.testing.Database;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StaffAccessTest {

    @Inject
    AgroalDataSource dataSource;

    private static final String PASSWORD = "a-long-enough-password";

    private static void createUser(String username, String role, String... storyPoints) {
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "username",
                        username,
                        "password",
                        PASSWORD,
                        "roles",
                        List.of(role),
                        "storyPoints",
                        List.of(storyPoints)))
                .post("/api/users")
                .then()
                .statusCode(201)
                .body("username", equalTo(username))
                .body("roles", equalTo(List.of(role)));
    }

    private static String storyAt(String slug) {
        return given().contentType(ContentType.JSON)
                .body(aSubmission())
                .post("/api/storypoints/" + slug + "/stories")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void shouldLetAnAnalystSeeOnlyTheStoryPointsAssignedToThem() {
        String mine = publishedStoryPoint("scope-a");
        String theirs = publishedStoryPoint("scope-b");
        String myStory = storyAt(mine);
        String theirStory = storyAt(theirs);
        String analyst = "analyst-" + mine;
        createUser(analyst, "analyst", mine);

        as(analyst, PASSWORD)
                .get("/api/storypoints/" + mine + "/stories/" + myStory)
                .then()
                .statusCode(200);
        as(analyst, PASSWORD)
                .get("/api/storypoints/" + mine + "/stories.csv")
                .then()
                .statusCode(200)
                .body(containsString(myStory));
        as(analyst, PASSWORD)
                .get("/api/storypoints/" + mine + "/versions")
                .then()
                .statusCode(200);
        as(analyst, PASSWORD).get("/api/storypoints").then().statusCode(200).body("slug", equalTo(List.of(mine)));

        as(analyst, PASSWORD)
                .get("/api/storypoints/" + theirs + "/stories/" + theirStory)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        as(analyst, PASSWORD)
                .get("/api/storypoints/" + theirs + "/stories.csv")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        as(analyst, PASSWORD)
                .get("/api/storypoints/" + theirs + "/versions")
                .then()
                .statusCode(403);
        as(analyst, PASSWORD)
                .contentType("text/csv")
                .body("id,role,text\r\n")
                .post("/api/storypoints/" + mine + "/stories/import")
                .then()
                .statusCode(403);
        as(analyst, PASSWORD).get("/api/users").then().statusCode(403);
        as(analyst, PASSWORD)
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("username", equalTo(analyst))
                .body("storyPoints", equalTo(List.of(mine)));
    }

    @Test
    void shouldLetAFacilitatorReadStoriesButNotExportThem() {
        String slug = publishedStoryPoint("facilitator");
        String story = storyAt(slug);
        String facilitator = "facilitator-" + slug;
        createUser(facilitator, "facilitator", slug);
        as(facilitator, PASSWORD)
                .get("/api/storypoints/" + slug + "/stories/" + story)
                .then()
                .statusCode(200);
        as(facilitator, PASSWORD)
                .get("/api/storypoints/" + slug + "/stories.csv")
                .then()
                .statusCode(403);
    }

    @Test
    void shouldAskForCredentialsAndRefuseWrongOnes() {
        String slug = publishedStoryPoint("credentials");
        given().get("/api/storypoints/" + slug + "/stories.csv")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Basic realm=\"Vertelpunt\""));
        as("admin", "not-the-password")
                .get("/api/storypoints/" + slug + "/stories.csv")
                .then()
                .statusCode(401);
        as("nobody", "not-the-password")
                .get("/api/storypoints/" + slug + "/stories.csv")
                .then()
                .statusCode(401);
    }

    @Test
    void shouldStorePasswordsOnlyAsBcryptHashes() {
        String slug = publishedStoryPoint("hash");
        String user = "hashed-" + slug;
        String password = "correct horse battery " + slug;
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "username",
                        user,
                        "password",
                        password,
                        "roles",
                        List.of("analyst"),
                        "storyPoints",
                        List.of(slug)))
                .post("/api/users")
                .then()
                .statusCode(201)
                .body(not(containsString(password)));

        String hash = Database.queryString(dataSource, "SELECT password_hash FROM app_user WHERE username = ?", user);
        // bcrypt in modular crypt format: $2a$, $2b$ or $2y$, a two-digit cost, 22 characters of salt and 31 of hash
        assertThat(hash).matches("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}");
        assertThat(Integer.parseInt(hash.substring(4, 6))).isGreaterThanOrEqualTo(10);
        assertThat(OpenBSDBCrypt.checkPassword(hash, password.toCharArray())).isTrue();
        assertThat(Database.everyRowAsText(dataSource))
                .noneSatisfy(row -> assertThat(row).contains(password));
        // the first admin's too
        assertThat(Database.queryString(dataSource, "SELECT password_hash FROM app_user WHERE username = 'admin'"))
                .matches("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}");

        as(user, password).get("/api/me").then().statusCode(200).body("username", equalTo(user));
        as(user, password + "x").get("/api/me").then().statusCode(401).contentType("application/problem+json");
        as(user, password.toUpperCase(Locale.ROOT)).get("/api/me").then().statusCode(401);
        as(user, hash).get("/api/me").then().statusCode(401);
    }

    @Test
    void shouldCheckNewUsers() {
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "username",
                        "Bad Name",
                        "password",
                        "short",
                        "roles",
                        List.of("boss"),
                        "storyPoints",
                        List.of("nope")))
                .post("/api/users")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("username", "password", "roles[0]", "storyPoints[0]")));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("username", "x1", "unknown", true))
                .post("/api/users")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .body("errors[0].field", equalTo("unknown"));
    }

    @Test
    void shouldDisableAUserAndChangeTheirStoryPoints() {
        String a = publishedStoryPoint("change-a");
        String b = publishedStoryPoint("change-b");
        String user = "changing-" + a;
        createUser(user, "analyst", a);
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("storyPoints", List.of(b)))
                .put("/api/users/" + user)
                .then()
                .statusCode(200)
                .body("storyPoints", equalTo(List.of(b)));
        as(user, PASSWORD).get("/api/storypoints/" + a + "/stories.csv").then().statusCode(403);
        as(user, PASSWORD).get("/api/storypoints/" + b + "/stories.csv").then().statusCode(200);
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("enabled", false))
                .put("/api/users/" + user)
                .then()
                .statusCode(200);
        as(user, PASSWORD).get("/api/me").then().statusCode(401);
        asAdmin()
                .get("/api/users")
                .then()
                .statusCode(200)
                .body("username", hasItem(user))
                .body("username", not(hasItem("nobody")));
    }
}
