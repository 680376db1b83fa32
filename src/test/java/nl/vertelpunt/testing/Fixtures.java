package nl.vertelpunt.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Named test data: story point definitions, submissions and signed-in requests. */
public final class Fixtures {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-test-password";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private Fixtures() {}

    /** A slug no other test uses. */
    public static String uniqueSlug(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000_000L + "-" + COUNTER.incrementAndGet();
    }

    public static Map<String, String> nl(String text) {
        return Map.of("nl", text);
    }

    private static Map<String, String> nlEn(String nl, String en) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("nl", nl);
        m.put("en", en);
        return m;
    }

    /** A story point with one question of every type, a role-specific slider and a rule of 5 words and 2 answers. */
    public static Map<String, Object> aDefinition(String slug) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("slug", slug);
        d.put("title", nlEn("Vertel over de jeugdhulp", "Tell about youth care"));
        d.put("intro", nl("Deel een ervaring."));
        d.put("privacy", nl("Anoniem."));
        d.put("crisisHelp", nl("Bel 112 bij direct gevaar."));
        d.put(
                "roles",
                List.of(
                        Map.of("id", "jongere", "label", nl("Ja! Ik ben kind of jongere")),
                        Map.of("id", "ouder", "label", nl("Ja! Ik ben ouder of verzorger")),
                        Map.of("id", "professional", "label", nl("Ja! Ik ben professional"))));
        d.put("storyPrompt", nl("Mijn ervaring met de jeugdhulp gaat als volgt..."));
        d.put("completeness", Map.of("minWords", 5, "minAnsweredQuestions", 2));
        List<Object> questions = new ArrayList<>();
        questions.add(Map.of(
                "id",
                "gevolg",
                "number",
                2,
                "type",
                "choice",
                "label",
                nl("Dit was voor het kind/gezin ..."),
                "options",
                List.of(
                        option("zeer-negatief", "Zeer negatief"),
                        option("negatief", "Negatief"),
                        option("positief", "Positief"),
                        option("zeer-positief", "Zeer positief"))));
        Map<String, Object> heard = new LinkedHashMap<>(Map.of(
                "id",
                "gehoord",
                "number",
                12,
                "type",
                "slider",
                "label",
                nl("Gehoord voelen"),
                "left",
                nl("Zeker NIET"),
                "right",
                nl("Zeker WEL")));
        heard.put("notApplicable", true);
        questions.add(heard);
        questions.add(Map.of(
                "id",
                "op-tijd",
                "number",
                13,
                "type",
                "slider",
                "label",
                nl("Op tijd"),
                "left",
                nl("Te laat"),
                "right",
                nl("Op tijd")));
        questions.add(Map.of(
                "id",
                "themas",
                "number",
                5,
                "type",
                "multichoice",
                "label",
                nl("Thema's"),
                "max",
                2,
                "options",
                List.of(option("school", "School"), option("thuis", "Thuis"), option("werk", "Werk")),
                "roles",
                List.of("ouder", "professional")));
        questions.add(Map.of(
                "id",
                "balans",
                "number",
                7,
                "type",
                "triad",
                "label",
                nl("Balans"),
                "corners",
                List.of(nl("Hulp"), nl("Mensen"), nl("Regels"))));
        questions.add(Map.of("id", "tip", "number", 20, "type", "text", "label", nl("Tip")));
        questions.add(Map.of(
                "id",
                "werkdruk",
                "number",
                21,
                "type",
                "slider",
                "label",
                nl("Werkdruk"),
                "left",
                nl("Laag"),
                "right",
                nl("Hoog"),
                "roles",
                List.of("professional")));
        d.put("questions", questions);
        return d;
    }

    /**
     * A stones question: four items on a field from "ver weg" to "dichtbij" across and from "weinig" to "veel" help up,
     * "not applicable" allowed.
     */
    public static Map<String, Object> aStonesQuestion(String id, int number) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("id", id);
        q.put("number", number);
        q.put("type", "stones");
        q.put("label", nlEn("Wie hielp je?", "Who helped you?"));
        q.put("left", nlEn("Ver weg", "Far away"));
        q.put("right", nlEn("Dichtbij", "Close by"));
        q.put("bottom", nlEn("Weinig hulp", "Little help"));
        q.put("top", nlEn("Veel hulp", "Much help"));
        q.put("notApplicable", true);
        q.put(
                "items",
                List.of(
                        option("familie", "Familie"),
                        option("school", "School"),
                        option("buurt", "Buurt"),
                        option("wijkteam", "Wijkteam")));
        return q;
    }

    /** {@link #aDefinition(String)} with {@link #aStonesQuestion} {@code steun} as question 30. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> aStonesDefinition(String slug) {
        Map<String, Object> d = aDefinition(slug);
        List<Object> questions = new ArrayList<>((List<Object>) d.get("questions"));
        questions.add(aStonesQuestion("steun", 30));
        d.put("questions", questions);
        return d;
    }

    /** Publishes {@link #aStonesDefinition(String)} under a fresh slug and returns the slug. */
    public static String publishedStonesStoryPoint(String prefix) {
        String slug = uniqueSlug(prefix);
        asAdmin()
                .contentType("application/json")
                .body(aStonesDefinition(slug))
                .put("/api/storypoints/" + slug)
                .then()
                .statusCode(201);
        return slug;
    }

    public static Map<String, Object> option(String id, String label) {
        return Map.of("id", id, "label", nl(label));
    }

    /** A story by a parent with a few answers. */
    public static Map<String, Object> aSubmission() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("submissionId", UUID.randomUUID().toString());
        s.put("role", "ouder");
        s.put("language", "nl");
        s.put("title", "Eindelijk gehoord");
        s.put("text", "Na lang wachten kregen we een vaste hulpverlener die echt luisterde.");
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("gevolg", "positief");
        answers.put("gehoord", 80);
        s.put("answers", answers);
        return s;
    }

    /** A submission with one answer replaced. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> aSubmissionWith(String question, Object value) {
        Map<String, Object> s = aSubmission();
        ((Map<String, Object>) s.get("answers")).put(question, value);
        return s;
    }

    /** A session table's plan: its name, cards and stories (the body of POST /api/sessions/{id}/tables); lists may be empty, not null. */
    public static Map<String, Object> tablePlan(String name, List<String> cards, List<String> stories) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("name", name);
        plan.put("cards", cards);
        plan.put("stories", stories);
        return plan;
    }

    /** Plans an online session of the story point for today, as admin; returns its id. */
    public static String aSession(String storyPoint) {
        return adminPost(
                "/api/sessions",
                Map.of(
                        "storyPoint",
                        storyPoint,
                        "title",
                        "Bijeenkomst",
                        "heldOn",
                        LocalDate.now().toString(),
                        "online",
                        true),
                201,
                "id");
    }

    /** Adds a table with these cards and stories to a session, as admin; returns the id of the session's first table. */
    public static String aTable(String session, List<String> cards, List<String> stories) {
        return adminPost(
                "/api/sessions/" + session + "/tables", tablePlan("Tafel", cards, stories), 200, "tables[0].id");
    }

    /** Makes a new link for a session's table, as admin; returns its token. */
    public static String aLink(String session, String table) {
        return adminPost("/api/sessions/" + session + "/tables/" + table + "/link", Map.of(), 201, "token");
    }

    /** A JSON POST as admin that must answer with {@code status}; returns the value at {@code path} of the answer. */
    public static <T> T adminPost(String address, Object body, int status, String path) {
        return asAdmin()
                .contentType("application/json")
                .body(body)
                .post(address)
                .then()
                .statusCode(status)
                .extract()
                .path(path);
    }

    public static RequestSpecification asAdmin() {
        return RestAssured.given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD);
    }

    public static RequestSpecification as(String user, String password) {
        return RestAssured.given().auth().preemptive().basic(user, password);
    }

    /** Publishes a copy of the national sample story point under a fresh slug and returns the slug. */
    public static String publishedSample(String prefix) {
        return publishedSample(prefix, "voordejeugd.json", sample -> {});
    }

    /**
     * Publishes a copy of a sample story point ({@code samples/storypoints/}{@code sample}, with the modules it
     * includes) under a fresh slug, changed by {@code edit} first; returns the slug.
     */
    public static String publishedSample(String prefix, String sample, Consumer<ObjectNode> edit) {
        String slug = uniqueSlug(prefix);
        try {
            ObjectNode copy = (ObjectNode) new ObjectMapper()
                    .readTree(Path.of("samples/storypoints", sample).toFile());
            copy.put("slug", slug);
            edit.accept(copy);
            asAdmin()
                    .contentType("application/json")
                    .body(copy.toString())
                    .put("/api/storypoints/" + slug)
                    .then()
                    .statusCode(201);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return slug;
    }

    /** Creates a staff account with one role at these story points, as admin; returns its name. */
    public static String aStaffMember(String name, String password, String role, String... storyPoints) {
        asAdmin()
                .contentType("application/json")
                .body(Map.of(
                        "username",
                        name,
                        "password",
                        password,
                        "roles",
                        List.of(role),
                        "storyPoints",
                        List.of(storyPoints)))
                .post("/api/users")
                .then()
                .statusCode(201);
        return name;
    }

    /** Publishes {@link #aDefinition(String)} under a fresh slug and returns the slug. */
    public static String publishedStoryPoint(String prefix) {
        String slug = uniqueSlug(prefix);
        asAdmin()
                .contentType("application/json")
                .body(aDefinition(slug))
                .put("/api/storypoints/" + slug)
                .then()
                .statusCode(201);
        return slug;
    }
}
