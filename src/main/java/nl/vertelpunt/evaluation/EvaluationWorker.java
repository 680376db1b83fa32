package nl.vertelpunt.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import nl.vertelpunt.web.JobWakeups;
import nl.vertelpunt.web.ServiceMetrics;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs queued pattern evaluations in the background. Every replica polls the queue, at once when a run is stored
 * anywhere or one of its own runs ends ({@link JobWakeups}) and on a timer besides; a run is claimed
 * with {@code FOR UPDATE SKIP LOCKED}, so exactly one replica runs it. While running, the worker sends
 * heartbeats with its progress; a run whose worker went silent (its process died) is claimed again by
 * any replica and run from the start, so no run is lost. Results are deterministic, so a rerun gives
 * the same result.
 */
@ApplicationScoped
public class EvaluationWorker {

    /** This process, as it appears in {@code claimed_by}: host (the pod, in Kubernetes), process id and a random part. */
    private final String instance = host() + ":" + ProcessHandle.current().pid() + ":"
            + UUID.randomUUID().toString().substring(0, 8);

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "vertelpunt";
        }
    }

    private final AgroalDataSource dataSource;
    private final EvaluationConfig config;
    private final EvaluationScopes scopes;
    private final ObjectMapper mapper;
    private final String softwareVersion;
    private final JobWakeups wakeups;
    private ScheduledExecutorService timer;
    private ExecutorService workers;
    private Semaphore free;
    private volatile boolean stopping;

    EvaluationWorker(
            AgroalDataSource dataSource,
            EvaluationConfig config,
            EvaluationScopes scopes,
            ObjectMapper mapper,
            JobWakeups wakeups,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String softwareVersion) {
        this.wakeups = wakeups;
        this.dataSource = dataSource;
        this.config = config;
        this.scopes = scopes;
        this.mapper = mapper;
        this.softwareVersion = softwareVersion;
    }

    void start(@Observes StartupEvent event) {
        free = new Semaphore(config.workers());
        workers = Executors.newFixedThreadPool(config.workers(), r -> {
            Thread t = new Thread(r, "evaluation-worker");
            t.setDaemon(true);
            return t;
        });
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "evaluation-queue");
            t.setDaemon(true);
            return t;
        });
        long poll = config.poll().toMillis();
        timer.scheduleWithFixedDelay(this::poll, poll, poll, TimeUnit.MILLISECONDS);
        // a run stored anywhere starts at once when a worker here is free, not at the next tick
        wakeups.subscribe(JobWakeups.EVALUATIONS, this::wake);
    }

    /** Polls the queue now, on the queue's thread (so polls never overlap). */
    private void wake() {
        try {
            timer.execute(this::poll);
        } catch (RejectedExecutionException stopped) {
            // shutting down: nothing more to start
        }
    }

    /** On a normal shutdown, runs this replica started go back to the queue at once. */
    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        if (timer != null) {
            timer.shutdownNow();
            workers.shutdownNow();
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("UPDATE evaluation_run SET status = 'queued', claimed_by = NULL, "
                                + "progress = 0 WHERE claimed_by = ? AND status = 'running'")) {
            ps.setString(1, instance);
            int returned = ps.executeUpdate();
            if (returned > 0) {
                Log.infof("Returned %d running evaluation(s) to the queue", returned);
            }
        } catch (SQLException e) {
            Log.warnf("Could not return running evaluations to the queue: %s", e.getMessage());
        }
    }

    private void poll() {
        try {
            while (!stopping && free.tryAcquire()) {
                Optional<Claim> claim = claimNext();
                if (claim.isEmpty()) {
                    free.release();
                    return;
                }
                workers.submit(() -> {
                    try {
                        run(claim.get());
                    } finally {
                        free.release();
                        // the next queued run starts as soon as this one ends
                        wake();
                    }
                });
            }
        } catch (RuntimeException | SQLException e) {
            Log.warnf("Evaluation queue not reachable: %s", e.getMessage());
        }
    }

    private record Claim(UUID id, long storyPointId, String request, int attempts) {}

    private Optional<Claim> claimNext() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Claim claim = null;
                try (PreparedStatement ps = c.prepareStatement("""
                        SELECT id, story_point_id, request, attempts FROM evaluation_run
                        WHERE status = 'queued'
                           OR (status = 'running' AND heartbeat_at < now() - make_interval(secs => ?))
                        ORDER BY created_at
                        LIMIT 1
                        FOR UPDATE SKIP LOCKED""")) {
                    ps.setDouble(1, config.heartbeatTimeout().toMillis() / 1000.0);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            claim = new Claim(
                                    rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3), rs.getInt(4) + 1);
                        }
                    }
                }
                if (claim == null) {
                    c.rollback();
                    return Optional.empty();
                }
                if (claim.attempts() > config.maxAttempts()) {
                    try (PreparedStatement ps =
                            c.prepareStatement("UPDATE evaluation_run SET status = 'failed', finished_at = now(), "
                                    + "claimed_by = NULL, error = ? WHERE id = ?")) {
                        ps.setString(
                                1,
                                "The evaluation was interrupted " + config.maxAttempts() + " times and was given up.");
                        ps.setObject(2, claim.id());
                        ps.executeUpdate();
                    }
                    c.commit();
                    return Optional.empty();
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE evaluation_run SET status = 'running', claimed_by = ?, "
                                + "heartbeat_at = now(), started_at = now(), attempts = ?, progress = 0 WHERE id = ?")) {
                    ps.setString(1, instance);
                    ps.setInt(2, claim.attempts());
                    ps.setObject(3, claim.id());
                    ps.executeUpdate();
                }
                c.commit();
                if (claim.attempts() > 1) {
                    Log.infof("Evaluation %s resumed from the start (attempt %d)", claim.id(), claim.attempts());
                }
                return Optional.of(claim);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private void run(Claim claim) {
        long started = System.nanoTime();
        AtomicLong progress = new AtomicLong(Double.doubleToLongBits(0));
        long beat = config.heartbeat().toMillis();
        var heartbeat = timer.scheduleAtFixedRate(
                () -> beat(claim.id(), Double.longBitsToDouble(progress.get())), beat, beat, TimeUnit.MILLISECONDS);
        try {
            EvaluationRequest request = mapper.readValue(claim.request(), EvaluationRequest.class);
            // one story point, or a question module across the story points the run covers
            EvaluationScope scope = scopes.of(claim.id());
            EvaluationJob.Outcome outcome;
            try (Connection c = dataSource.getConnection()) {
                outcome = EvaluationJob.run(
                        c, scope, request, softwareVersion, share -> progress.set(Double.doubleToLongBits(share)));
            }
            finish(claim.id(), mapper.writeValueAsString(outcome.result()), outcome.stories(), outcome.fingerprint());
            ServiceMetrics.evaluation(Duration.ofNanos(outcome.readNanos() + outcome.testNanos()), "done");
            Log.infof(
                    "Evaluation %s done: %d stories read in %d ms, tested in %d ms",
                    claim.id(), outcome.stories(), outcome.readNanos() / 1_000_000, outcome.testNanos() / 1_000_000);
        } catch (Exception e) {
            if (stopping || Thread.currentThread().isInterrupted()) {
                return;
            }
            Log.errorf("Evaluation %s failed: %s", claim.id(), e.toString());
            fail(
                    claim.id(),
                    "The evaluation could not be completed: " + e.getClass().getSimpleName());
            ServiceMetrics.evaluation(Duration.ofNanos(System.nanoTime() - started), "failed");
        } finally {
            heartbeat.cancel(false);
        }
    }

    private void beat(UUID id, double progress) {
        update(
                "UPDATE evaluation_run SET heartbeat_at = now(), progress = ? WHERE id = ? AND claimed_by = ? AND status = 'running'",
                Math.min(1, progress),
                id,
                instance);
    }

    private void finish(UUID id, String result, int stories, String fingerprint) {
        update(
                "UPDATE evaluation_run SET status = 'done', progress = 1, result = ?, story_count = ?, fingerprint = ?, "
                        + "finished_at = now(), heartbeat_at = now() WHERE id = ? AND claimed_by = ? AND status = 'running'",
                result,
                stories,
                fingerprint,
                id,
                instance);
    }

    private void fail(UUID id, String error) {
        update(
                "UPDATE evaluation_run SET status = 'failed', error = ?, finished_at = now() WHERE id = ? AND claimed_by = ?",
                error,
                id,
                instance);
    }

    private void update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof UUID uuid) {
                    ps.setObject(i + 1, uuid, Types.OTHER);
                } else {
                    ps.setObject(i + 1, params[i]);
                }
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            Log.warnf("Could not record the state of an evaluation: %s", e.getMessage());
        }
    }
}
