package nl.vertelpunt.monitor;

import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.publishedStoryPoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.vertelpunt.testing.Database;
import nl.vertelpunt.testing.Fixtures;
import nl.vertelpunt.testing.TestClock;
import org.junit.jupiter.api.Test;

/**
 * Scheduled evaluations: made, listed and removed through the API; ticks driven by a {@link TestClock}, several at
 * once as several replicas would, make exactly one run per schedule per quarter, and the run evaluates the quarter
 * before.
 */
@QuarkusTest
class ScheduleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ScheduleTicker ticker;

    @Inject
    AgroalDataSource dataSource;

    private static String aSchedule(String slug, Map<String, Object> body) {
        return asAdmin()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/storypoints/" + slug + "/schedules")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private int runsOf(String schedule, String period) {
        return Database.queryInt(
                dataSource,
                "SELECT count(*) FROM evaluation_schedule_run r JOIN evaluation_run e ON e.id = r.run_id "
                        + "WHERE r.schedule_id = ?::uuid AND r.period = ?::date",
                schedule,
                period);
    }

    @Test
    void shouldMakeExactlyOneRunPerQuarterEvenWhenTicksRace() throws Exception {
        String slug = publishedStoryPoint("schema");
        String schedule = aSchedule(
                slug,
                Map.of(
                        "interval",
                        "quarter",
                        "evaluation",
                        Map.of("filter", Map.of("roles", List.of("ouder")), "settings", Map.of("minGroupSize", 10))));
        TestClock clock = new TestClock(); // 23 November 2026: the fourth quarter
        ExecutorService replicas = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> ticks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Instant now = clock.instant();
                ticks.add(replicas.submit(() -> {
                    start.await();
                    return ticker.tick(now);
                }));
            }
            start.countDown();
            for (Future<Integer> tick : ticks) {
                tick.get(60, TimeUnit.SECONDS);
            }
        } finally {
            replicas.shutdownNow();
        }
        assertThat(runsOf(schedule, "2026-10-01")).isEqualTo(1);
        // later in the same quarter: nothing new
        clock.advance(Duration.ofDays(20));
        ticker.tick(clock.instant());
        assertThat(runsOf(schedule, "2026-10-01")).isEqualTo(1);
        assertThat(Database.queryInt(
                        dataSource,
                        "SELECT count(*) FROM evaluation_schedule_run WHERE schedule_id = ?::uuid",
                        schedule))
                .isEqualTo(1);
        // the run evaluates the third quarter, with the schedule's own filter and settings
        JsonNode request = JSON.readTree(Database.queryString(
                dataSource,
                "SELECT e.request FROM evaluation_run e JOIN evaluation_schedule_run r ON r.run_id = e.id "
                        + "WHERE r.schedule_id = ?::uuid",
                schedule));
        assertThat(request.path("storyPoint").asText()).isEqualTo(slug);
        assertThat(request.path("filter").path("from").asText()).isEqualTo("2026-07-01");
        assertThat(request.path("filter").path("to").asText()).isEqualTo("2026-09-30");
        assertThat(request.path("filter").path("roles").get(0).asText()).isEqualTo("ouder");
        assertThat(request.path("settings").path("minGroupSize").asInt()).isEqualTo(10);
        // the next quarter (1 January 2027 in Dutch time) gets its own run, on the fourth quarter
        clock.advance(Duration.ofDays(19).plusHours(13).plusMinutes(30)); // 2026-12-31T23:30Z = 00:30 in Amsterdam
        ticker.tick(clock.instant());
        assertThat(runsOf(schedule, "2027-01-01")).isEqualTo(1);
        asAdmin()
                .get("/api/storypoints/" + slug + "/schedules")
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].interval", equalTo("quarter"))
                .body("[0].covers", equalTo("last-period"))
                .body("[0].runs.period", contains("2027-Q1", "2026-Q4"))
                .body("[0].evaluation.settings.minGroupSize", equalTo(10));
    }

    @Test
    void shouldRunEveryMonthOverAllStoriesWhenAsked() {
        String slug = publishedStoryPoint("schema");
        String schedule = aSchedule(slug, Map.of("interval", "month", "covers", "all"));
        TestClock clock = new TestClock();
        ticker.tick(clock.instant());
        clock.advance(Duration.ofDays(10)); // 3 December
        ticker.tick(clock.instant());
        ticker.tick(clock.instant());
        assertThat(runsOf(schedule, "2026-11-01")).isEqualTo(1);
        assertThat(runsOf(schedule, "2026-12-01")).isEqualTo(1);
        assertThat(Database.queryString(
                        dataSource,
                        "SELECT e.request FROM evaluation_run e JOIN evaluation_schedule_run r ON r.run_id = e.id "
                                + "WHERE r.schedule_id = ?::uuid AND r.period = '2026-12-01'",
                        schedule))
                .doesNotContain("\"from\"");
    }

    @Test
    void shouldStopAScheduleAndKeepItsRuns() {
        String slug = publishedStoryPoint("schema");
        String schedule = aSchedule(slug, Map.of());
        ticker.tick(new TestClock().instant());
        String run = Database.queryString(
                dataSource, "SELECT run_id::text FROM evaluation_schedule_run WHERE schedule_id = ?::uuid", schedule);
        asAdmin()
                .delete("/api/storypoints/" + slug + "/schedules/" + schedule)
                .then()
                .statusCode(204);
        asAdmin()
                .get("/api/storypoints/" + slug + "/schedules")
                .then()
                .statusCode(200)
                .body("", hasSize(0));
        assertThat(Database.queryInt(dataSource, "SELECT count(*) FROM evaluation_run WHERE id = ?::uuid", run))
                .isEqualTo(1);
        asAdmin()
                .delete("/api/storypoints/" + slug + "/schedules/" + schedule)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        // a schedule of another story point is not found through this one
        String other = publishedStoryPoint("schema");
        String elsewhere = aSchedule(other, Map.of());
        asAdmin()
                .delete("/api/storypoints/" + slug + "/schedules/" + elsewhere)
                .then()
                .statusCode(404);
    }

    @Test
    void shouldRefuseAScheduleThatDoesNotFitNamingEachField() {
        String slug = publishedStoryPoint("schema");
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "interval",
                        "week",
                        "covers",
                        "altijd",
                        "evaluation",
                        Map.of("storyPoint", "elders", "filter", Map.of("from", "2026-01-01"))))
                .post("/api/storypoints/" + slug + "/schedules")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("interval", "covers", "evaluation.storyPoint"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "evaluation",
                        Map.of(
                                "filter",
                                Map.of("from", "2026-01-01", "roles", List.of("kat")),
                                "settings",
                                Map.of("maxQ", 2))))
                .post("/api/storypoints/" + slug + "/schedules")
                .then()
                .statusCode(422)
                .body(
                        "errors.field",
                        containsInAnyOrder(
                                "evaluation.filter.from", "evaluation.filter.roles[0]", "evaluation.settings.maxQ"));
        assertThat(Database.queryInt(
                        dataSource,
                        "SELECT count(*) FROM evaluation_schedule s JOIN story_point p ON p.id = s.story_point_id "
                                + "WHERE p.slug = ?",
                        slug))
                .isZero();
    }

    @Test
    void shouldLetOnlyAnalystsOfTheStoryPointSchedule() {
        String slug = publishedStoryPoint("schema");
        String other = publishedStoryPoint("schema");
        String analyst = Fixtures.uniqueSlug("analist");
        Fixtures.adminPost(
                "/api/users",
                Map.of(
                        "username",
                        analyst,
                        "password",
                        "een-lang-wachtwoord",
                        "roles",
                        List.of("analyst"),
                        "storyPoints",
                        List.of(other)),
                201,
                "username");
        Fixtures.as(analyst, "een-lang-wachtwoord")
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/api/storypoints/" + slug + "/schedules")
                .then()
                .statusCode(403);
        Fixtures.as(analyst, "een-lang-wachtwoord")
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/api/storypoints/" + other + "/schedules")
                .then()
                .statusCode(201)
                .body("createdBy", equalTo(analyst));
    }
}
