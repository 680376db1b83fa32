package nl.vertelpunt.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import nl.vertelpunt.testing.Database;
import nl.vertelpunt.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The scheduled clean-up removes ended workspace sessions, and one run at a time does it: while another run (on
 * any replica) holds the advisory lock, a run is a no-op. In tests the clean-up is scheduled every 2 seconds.
 */
@QuarkusTest
class CleanupTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Cleanup cleanup;

    /** Signs in as admin and returns the hash of the session's token, as the database keeps it. */
    private static String signIn() {
        String token = given().contentType(ContentType.JSON)
                .body(Map.of("username", Fixtures.ADMIN, "password", Fixtures.ADMIN_PASSWORD))
                .post("/api/session")
                .then()
                .statusCode(200)
                .extract()
                .cookie("vp_session");
        return Tokens.sha256(token);
    }

    private boolean stored(String hash) {
        return Database.queryInt(dataSource, "SELECT count(*) FROM staff_session WHERE token_hash = ?", hash) == 1;
    }

    /** Moves a session's times back, as if it had been idle this long. */
    private void idleFor(String hash, String interval) {
        update("UPDATE staff_session SET last_seen_at = now() - ?::interval WHERE token_hash = ?", interval, hash);
    }

    /** Moves a session's start and end back, as if it had started this long ago (its last request was just now). */
    private void startedAgo(String hash, String interval) {
        update(
                "UPDATE staff_session SET created_at = created_at - ?::interval, expires_at = expires_at - ?::interval "
                        + "WHERE token_hash = ?",
                interval,
                interval,
                hash);
    }

    private void update(String sql, String... params) {
        assertThat(Database.update(dataSource, sql, (Object[]) params)).isEqualTo(1);
    }

    /** A run asked for directly; it may meet a scheduled run holding the lock for a moment, and then asks again. */
    private Cleanup.Result claimedRun() throws InterruptedException {
        Cleanup.Result result = cleanup.run();
        for (int i = 0; i < 20 && !result.claimed(); i++) {
            Thread.sleep(100);
            result = cleanup.run();
        }
        return result;
    }

    private void awaitRemoved(String hash) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (stored(hash) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(stored(hash)).as("removed by the scheduled clean-up").isFalse();
    }

    @Test
    void shouldRemoveSessionsPastTheirIdleTimeOrMaximumAndKeepLiveOnes() throws Exception {
        String idle = signIn();
        String old = signIn();
        String live = signIn();
        String busyButLong = signIn();
        idleFor(idle, "2 hours 1 minute");
        startedAgo(old, "12 hours 1 minute");
        idleFor(live, "1 hour 50 minutes");
        startedAgo(busyButLong, "11 hours 50 minutes");

        // the scheduled run, without anyone asking
        awaitRemoved(idle);
        awaitRemoved(old);
        // and a run asked for directly claims the lock and leaves the live ones alone
        assertThat(claimedRun().claimed()).isTrue();
        assertThat(stored(live)).isTrue();
        assertThat(stored(busyButLong)).isTrue();
    }

    @Test
    void shouldDoNothingWhileAnotherRunHoldsTheLock() throws Exception {
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            // another replica's run, in the middle of its transaction
            try (PreparedStatement ps = other.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
                ps.setLong(1, Cleanup.LOCK);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getBoolean(1)).isTrue();
                }
            }
            String ended = signIn();
            idleFor(ended, "3 hours");

            assertThat(cleanup.run()).isEqualTo(new Cleanup.Result(false, 0));
            Thread.sleep(5000); // two scheduled runs come and go: they find the lock held too
            assertThat(stored(ended)).as("left alone while the lock is held").isTrue();

            other.commit(); // the other run ends: its lock goes with its transaction
            awaitRemoved(ended);
            assertThat(claimedRun().claimed()).isTrue();
        }
    }
}
