package nl.vertelpunt.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.vertelpunt.sample.PatternedStories;
import nl.vertelpunt.testing.ServiceProcess;
import nl.vertelpunt.web.EmbeddedDatabase;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Back up while the service runs, wipe the data, restore into a fresh embedded database, start again:
 * every story, answer, flag, user, evaluation, selection, card (with its revisions), session, table,
 * note, proposal and update is back (row counts and a checksum over the content of every table).
 */
class BackupRestoreIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private static RequestSpecification admin(ServiceProcess service) {
        return RestAssured.given()
                .baseUri(service.baseUrl())
                .auth()
                .preemptive()
                .basic("admin", ServiceProcess.ADMIN_PASSWORD);
    }

    private static Map<String, String> checksums(Path data) throws Exception {
        Path pgData = data.resolve("postgres");
        int port = EmbeddedDatabase.runningPort(pgData).orElseThrow();
        try (Connection c = DriverManager.getConnection(
                EmbeddedDatabase.jdbcUrl(port), "postgres", EmbeddedDatabase.readPassword(pgData))) {
            return Backup.checksums(c);
        }
    }

    private static void waitUntilEveryStoryHasItsWords(Path data) throws Exception {
        Path pgData = data.resolve("postgres");
        int port = EmbeddedDatabase.runningPort(pgData).orElseThrow();
        try (Connection c = DriverManager.getConnection(
                EmbeddedDatabase.jdbcUrl(port), "postgres", EmbeddedDatabase.readPassword(pgData))) {
            for (int i = 0; i < 100; i++) {
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT count(*) FROM story WHERE keyword_forms IS NULL")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(100);
            }
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT string_agg(s.id || ' ' || p.slug || ' ' || s.flagged || ' '"
                            + " || s.hidden || ' ' || length(s.text), '; ') FROM story s JOIN story_point p"
                            + " ON p.id = s.story_point_id WHERE keyword_forms IS NULL")) {
                rs.next();
                throw new AssertionError("stories without their words after 10 s: " + rs.getString(1));
            }
        }
    }

    private static void command(Path data, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("VERTELPUNT_DATA_DIR", data.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    @Test
    void shouldRestoreEverythingFromABackupMadeWhileTheServiceRan() throws Exception {
        Path data = folder.resolve("data");
        Path backup = folder.resolve("vertelpunt-backup.zip");
        int port = ServiceProcess.freePort();
        Map<String, String> before;
        String runId;
        String fingerprint;
        String cardId;
        String proposal;
        try (ServiceProcess service = new ServiceProcess("backup-before", data, port, Map.of()).start()) {
            String slug = "reservekopie";
            admin(service)
                    .contentType("application/json")
                    .body(JSON.writeValueAsString(PatternedStories.definition(slug)))
                    .put("/api/storypoints/" + slug)
                    .then()
                    .statusCode(201);
            StringWriter csv = new StringWriter();
            new PatternedStories(true, 3).write(csv, 800);
            admin(service)
                    .contentType("text/csv")
                    .body(csv.toString().getBytes(StandardCharsets.UTF_8))
                    .post("/api/storypoints/" + slug + "/stories/import")
                    .then()
                    .statusCode(200);
            RestAssured.given()
                    .baseUri(service.baseUrl())
                    .contentType("application/json")
                    .body(Map.of(
                            "submissionId",
                            UUID.randomUUID().toString(),
                            "role",
                            "ouder",
                            "text",
                            "Mail me gerust op iemand@voorbeeld.nl, want het wachten duurde echt veel te lang.",
                            "answers",
                            Map.of("gehoord", 20, "gevolg", "negatief", "themas", List.of("wachten"))))
                    .post("/api/storypoints/voordejeugd/stories")
                    .then()
                    .statusCode(201);
            admin(service)
                    .contentType("application/json")
                    .body(Map.of(
                            "username",
                            "analist",
                            "password",
                            "een-lang-wachtwoord",
                            "roles",
                            List.of("analyst"),
                            "storyPoints",
                            List.of(slug)))
                    .post("/api/users")
                    .then()
                    .statusCode(201);
            runId = admin(service)
                    .contentType("application/json")
                    .body(Map.of("storyPoint", slug))
                    .post("/api/evaluations")
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("id");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (!"done"
                            .equals(admin(service)
                                    .get("/api/evaluations/" + runId)
                                    .path("status"))
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            fingerprint = admin(service)
                    .get("/api/evaluations/" + runId)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("fingerprint");
            admin(service)
                    .contentType("application/json")
                    .body(Map.of("pattern", "slider_by_choice|gehoord|gevolg"))
                    .post("/api/evaluations/" + runId + "/selections")
                    .then()
                    .statusCode(200);
            cardId = admin(service)
                    .contentType("application/json")
                    .body(Map.of("runId", runId, "pattern", "slider_by_choice|gehoord|gevolg"))
                    .post("/api/cards")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            String story =
                    admin(service).get("/api/cards/" + cardId).then().extract().path("stories[0].id");
            admin(service)
                    .contentType("application/json")
                    .body(Map.of(
                            "version",
                            1,
                            "interpretations",
                            List.of("Luisteren helpt.", "Andersom."),
                            "stories",
                            List.of(Map.of("id", story, "quoteStart", 0, "quoteEnd", 7)),
                            "published",
                            true))
                    .put("/api/cards/" + cardId)
                    .then()
                    .statusCode(200);
            String session = admin(service)
                    .contentType("application/json")
                    .body(Map.of("storyPoint", slug, "title", "Bijeenkomst", "heldOn", "2026-11-23", "online", true))
                    .post("/api/sessions")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            String table = admin(service)
                    .contentType("application/json")
                    .body(Map.of("name", "Tafel 1", "cards", List.of(cardId), "stories", List.of(story)))
                    .post("/api/sessions/" + session + "/tables")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("tables[0].id");
            String token = admin(service)
                    .contentType("application/json")
                    .body(Map.of())
                    .post("/api/sessions/" + session + "/tables/" + table + "/link")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("token");
            int note = RestAssured.given()
                    .baseUri(service.baseUrl())
                    .contentType("application/json")
                    .body(Map.of("kind", "chance", "text", "Een vast aanspreekpunt.", "cardId", cardId))
                    .post("/api/tables/" + token + "/notes")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            proposal = RestAssured.given()
                    .baseUri(service.baseUrl())
                    .contentType("application/json")
                    .body(Map.of(
                            "title",
                            "Vast aanspreekpunt",
                            "action",
                            "Een vaste contactpersoon per gezin.",
                            "goal",
                            "Zodat ouders gehoord worden.",
                            "owner",
                            "Wijkteam",
                            "notes",
                            List.of(note)))
                    .post("/api/tables/" + token + "/proposals")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            admin(service)
                    .contentType("application/json")
                    .body(Map.of("status", "adopted", "note", "Overgenomen."))
                    .post("/api/proposals/" + proposal + "/updates")
                    .then()
                    .statusCode(201);

            // the words of the stories (for keyness) are derived in the background; a keyword request analyses what
            // is still missing, so that the restored service finds nothing left to add
            for (String point : List.of(slug, "voordejeugd")) {
                admin(service)
                        .contentType("application/json")
                        .body(Map.of("focus", Map.of("roles", List.of("ouder")), "reference", "rest"))
                        .post("/api/storypoints/" + point + "/keywords")
                        .then()
                        .statusCode(200);
            }
            waitUntilEveryStoryHasItsWords(data);
            before = checksums(data);
            command(data, "backup", "--out", backup.toString());
        }
        assertThat(before.get("story")).startsWith("801:");
        assertThat(before.get("story_flag")).doesNotStartWith("0:");
        assertThat(before.get("evaluation_run")).startsWith("1:");
        assertThat(before.get("card_revision")).startsWith("2:");
        assertThat(before.get("proposal_update")).startsWith("1:");
        assertThat(before.get("session_note")).startsWith("1:");

        // wipe everything, restore into a fresh embedded database, start again
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertThat(data).doesNotExist();
        command(data, "restore", "--in", backup.toString());
        try (ServiceProcess service = new ServiceProcess("backup-after", data, port, Map.of()).start()) {
            assertThat(checksums(data)).isEqualTo(before);
            admin(service)
                    .get("/api/evaluations/" + runId)
                    .then()
                    .statusCode(200)
                    .body("fingerprint", Matchers.equalTo(fingerprint))
                    .body("selected", Matchers.hasItem("slider_by_choice|gehoord|gevolg"));
            RestAssured.given()
                    .baseUri(service.baseUrl())
                    .auth()
                    .preemptive()
                    .basic("analist", "een-lang-wachtwoord")
                    .get("/api/storypoints/reservekopie/stories/p0000001")
                    .then()
                    .statusCode(200);
            admin(service)
                    .get("/api/cards/" + cardId)
                    .then()
                    .statusCode(200)
                    .body("version", Matchers.equalTo(2))
                    .body("stories[0].quote", Matchers.equalTo("Verhaal"));
            RestAssured.given()
                    .baseUri(service.baseUrl())
                    .get("/api/storypoints/reservekopie/outcomes")
                    .then()
                    .statusCode(200)
                    .body("cards[0].quotes", Matchers.equalTo(List.of("Verhaal")));
            // new rows get ids after the restored ones: the identity sequences were reset
            admin(service)
                    .contentType("application/json")
                    .body(Map.of("status", "in_progress", "note", "Begonnen."))
                    .post("/api/proposals/" + proposal + "/updates")
                    .then()
                    .statusCode(201)
                    .body("updates.status", Matchers.equalTo(List.of("adopted", "in_progress")));
        }
    }
}
