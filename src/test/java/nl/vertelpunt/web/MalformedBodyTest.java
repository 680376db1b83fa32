package nl.vertelpunt.web;

import static io.restassured.RestAssured.given;
import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.publishedStoryPoint;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nl.vertelpunt.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bodies that are not the JSON object an endpoint reads, and bodies of another content type, are refused
 * with problem+json that names the field at fault: {@code body}, or {@code Content-Type}.
 */
@QuarkusTest
class MalformedBodyTest {

    private static String slug;
    private static String tableToken;

    @BeforeEach
    void storyPointWithATable() {
        if (slug != null) {
            return;
        }
        slug = publishedStoryPoint("malformed");
        String session = Fixtures.aSession(slug);
        tableToken = Fixtures.aLink(session, Fixtures.aTable(session, List.of(), List.of()));
    }

    /** The public endpoints that read a JSON body (and publishing, for admins), as "METHOD path" with {slug} and {token}. */
    static List<String> endpoints() {
        return List.of(
                "POST /api/storypoints/{slug}/stories",
                "POST /api/storypoints/{slug}/withdrawals",
                "POST /api/session",
                "POST /api/tables/{token}/notes",
                "POST /api/tables/{token}/proposals",
                "PUT /api/storypoints/{slug}");
    }

    static Stream<Arguments> malformedBodies() {
        List<Arguments> cases = new ArrayList<>();
        for (String endpoint : endpoints()) {
            for (String body :
                    List.of("[1, 2]", "", "{\"text\": \"Mijn verhaal", "\"Mijn verhaal\"", "null", "{} {}")) {
                cases.add(Arguments.of(endpoint, body));
            }
        }
        return cases.stream();
    }

    private static RequestSpecification request(String endpoint) {
        return endpoint.startsWith("PUT") ? asAdmin() : given();
    }

    private static String method(String endpoint) {
        return endpoint.substring(0, endpoint.indexOf(' '));
    }

    private static String path(String endpoint) {
        return endpoint.substring(endpoint.indexOf(' ') + 1)
                .replace("{slug}", slug)
                .replace("{token}", tableToken);
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("malformedBodies")
    void shouldNameTheBodyWhenItIsNotAJsonObject(String endpoint, String body) {
        request(endpoint)
                .contentType(ContentType.JSON)
                .body(body)
                .request(method(endpoint), path(endpoint))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", not(emptyOrNullString()))
                .body("detail", not(containsString("nl.vertelpunt")));
    }

    @Test
    void shouldNameUnknownAndRepeatedFieldsWithoutClassNames() {
        String withdrawals = "/api/storypoints/" + slug + "/withdrawals";
        given().contentType(ContentType.JSON)
                .body("{\"code\": \"ABCD\"}")
                .post(withdrawals)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("code"))
                .body("errors[0].message", equalTo("is not a known field"))
                .body("detail", not(containsString("nl.vertelpunt")));
        given().contentType(ContentType.JSON)
                .body("{\"receiptCode\": \"A\", \"receiptCode\": \"B\"}")
                .post(withdrawals)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", containsString("Duplicate field 'receiptCode'"));
        given().contentType(ContentType.JSON)
                .body("{\"kind\": [\"worry\"], \"text\": \"x\"}")
                .post("/api/tables/" + tableToken + "/notes")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("kind"))
                .body("errors[0].message", equalTo("must be a text"));
    }

    static Stream<Arguments> otherContentTypes() {
        List<Arguments> cases = new ArrayList<>();
        for (String endpoint : endpoints()) {
            cases.add(Arguments.of(endpoint, "application/x-www-form-urlencoded"));
            cases.add(Arguments.of(endpoint, "text/plain"));
            cases.add(Arguments.of(endpoint, "application/xml"));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("otherContentTypes")
    void shouldNameTheContentTypeWhenItIsNotJson(String endpoint, String contentType) {
        request(endpoint)
                .contentType(contentType)
                .body("text=Mijn+verhaal")
                .request(method(endpoint), path(endpoint))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("Content-Type"));
    }
}
