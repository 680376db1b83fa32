package nl.vertelpunt.comparison;

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
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import nl.vertelpunt.evaluation.EvaluationConfig;
import nl.vertelpunt.evaluation.EvaluationScope;
import nl.vertelpunt.evaluation.EvaluationScopes;
import nl.vertelpunt.storypoint.Definitions;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import nl.vertelpunt.web.JobWakeups;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs queued comparisons in the background, as {@code EvaluationWorker} runs evaluations and with its settings
 * ({@code vertelpunt.evaluation.*}: workers, poll, heartbeat, heartbeat-timeout, max-attempts): every replica polls
 * {@code comparison_run}; a run is claimed with {@code FOR UPDATE SKIP LOCKED}, so exactly one replica runs it; a
 * run whose worker went silent is claimed again and run from the start (its result depends only on data and
 * request); a normal shutdown puts this replica's runs back in the queue.
 */
@ApplicationScoped
public class ComparisonWorker {

    /** This process in {@code claimed_by}: host, process id and a random part. */
    private final String instance = host() + ":" + ProcessHandle.current().pid() + ":"
            + UUID.randomUUID().toString().substring(0, 8);

    private final AgroalDataSource dataSource;
    private final EvaluationConfig config;
    private final Definitions definitions;
    private final EvaluationScopes scopes;
    private final ObjectMapper mapper;
    private final String softwareVersion;
    private final JobWakeups wakeups;
    private ScheduledExecutorService timer;
    private ExecutorService workers;
    private Semaphore free;
    private volatile boolean stopping;

    ComparisonWorker(
            AgroalDataSource dataSource,
            EvaluationConfig config,
            Definitions definitions,
            EvaluationScopes scopes,
            ObjectMapper mapper,
            JobWakeups wakeups,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String softwareVersion) {
        this.wakeups = wakeups;
        this.dataSource = dataSource;
        this.config = config;
        this.definitions = definitions;
        this.scopes = scopes;
        this.mapper = mapper;
        this.softwareVersion = softwareVersion;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "vertelpunt";
        }
    }

    void start(@Observes StartupEvent event) {
        free = new Semaphore(config.workers());
        workers = Executors.newFixedThreadPool(config.workers(), r -> daemon(r, "comparison-worker"));
        timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "comparison-queue"));
        long poll = config.poll().toMillis();
        timer.scheduleWithFixedDelay(this::poll, poll, poll, TimeUnit.MILLISECONDS);
        // a comparison stored anywhere starts at once when a worker here is free, not at the next tick
        wakeups.subscribe(JobWakeups.COMPARISONS, this::wake);
    }

    /** Polls the queue now, on the queue's thread (so polls never overlap). */
    private void wake() {
        try {
            timer.execute(this::poll);
        } catch (RejectedExecutionException stopped) {
            // shutting down: nothing more to start
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** On a normal shutdown, runs this replica started go back to the queue at once. */
    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        if (timer != null) {
            timer.shutdownNow();
            workers.shutdownNow();
        }
        update(
                "UPDATE comparison_run SET status = 'queued', claimed_by = NULL, progress = 0 "
                        + "WHERE claimed_by = ? AND status = 'running'",
                instance);
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
                        // the next queued comparison starts as soon as this one ends
                        wake();
                    }
                });
            }
        } catch (RuntimeException | SQLException e) {
            Log.warnf("Comparison queue not reachable: %s", e.getMessage());
        }
    }

    /** A claimed run: within a story point ({@code storyPointId}) or across a question module ({@code module}). */
    private record Claim(UUID id, Long storyPointId, String module, String request, int attempts) {}

    private Optional<Claim> claimNext() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Claim claim = null;
                try (PreparedStatement ps = c.prepareStatement("""
                        SELECT id, story_point_id, module, request, attempts FROM comparison_run
                        WHERE (status = 'queued'
                               OR (status = 'running' AND heartbeat_at < now() - make_interval(secs => ?)))
                        ORDER BY created_at
                        LIMIT 1
                        FOR UPDATE SKIP LOCKED""")) {
                    ps.setDouble(1, config.heartbeatTimeout().toMillis() / 1000.0);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            claim = new Claim(
                                    rs.getObject(1, UUID.class),
                                    rs.getObject(2, Long.class),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getInt(5) + 1);
                        }
                    }
                }
                if (claim == null) {
                    c.rollback();
                    return Optional.empty();
                }
                boolean givenUp = claim.attempts() > config.maxAttempts();
                try (PreparedStatement ps = c.prepareStatement(
                        givenUp
                                ? "UPDATE comparison_run SET status = 'failed', finished_at = now(), claimed_by = NULL, "
                                        + "error = ? WHERE id = ?"
                                : "UPDATE comparison_run SET status = 'running', claimed_by = ?, heartbeat_at = now(), "
                                        + "started_at = now(), attempts = attempts + 1, progress = 0 WHERE id = ?")) {
                    ps.setString(
                            1,
                            givenUp
                                    ? "The comparison was interrupted " + config.maxAttempts()
                                            + " times and was given up."
                                    : instance);
                    ps.setObject(2, claim.id());
                    ps.executeUpdate();
                }
                c.commit();
                return givenUp ? Optional.empty() : Optional.of(claim);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private void run(Claim claim) {
        AtomicLong progress = new AtomicLong(Double.doubleToLongBits(0));
        long beat = config.heartbeat().toMillis();
        var heartbeat = timer.scheduleAtFixedRate(
                () -> update(
                        "UPDATE comparison_run SET heartbeat_at = now(), progress = ? "
                                + "WHERE id = ? AND claimed_by = ? AND status = 'running'",
                        Math.min(1, Double.longBitsToDouble(progress.get())),
                        claim.id(),
                        instance),
                beat,
                beat,
                TimeUnit.MILLISECONDS);
        try {
            ComparisonRequest request = mapper.readValue(claim.request(), ComparisonRequest.class);
            EvaluationScope scope = claim.module() != null
                    ? scopes.moduleNow(claim.module())
                    : EvaluationScope.storyPoint(claim.storyPointId(), currentDefinition(claim.storyPointId()));
            ComparisonJob.Outcome outcome;
            try (Connection c = dataSource.getConnection()) {
                outcome = ComparisonJob.run(
                        c, scope, request, softwareVersion, share -> progress.set(Double.doubleToLongBits(share)));
            }
            ComparisonResult result = outcome.result();
            update(
                    "UPDATE comparison_run SET status = 'done', progress = 1, result = ?, focus_count = ?, "
                            + "reference_count = ?, focus_fingerprint = ?, reference_fingerprint = ?, "
                            + "finished_at = now(), heartbeat_at = now() "
                            + "WHERE id = ? AND claimed_by = ? AND status = 'running'",
                    mapper.writeValueAsString(result),
                    (int) result.focus().stories(),
                    (int) result.reference().stories(),
                    result.focus().fingerprint(),
                    result.reference().fingerprint(),
                    claim.id(),
                    instance);
            Log.infof(
                    "Comparison %s done: read in %d ms, compared in %d ms",
                    claim.id(), outcome.readNanos() / 1_000_000, outcome.compareNanos() / 1_000_000);
        } catch (Exception e) {
            if (stopping || Thread.currentThread().isInterrupted()) {
                return;
            }
            Log.errorf("Comparison %s failed: %s", claim.id(), e.toString());
            update(
                    "UPDATE comparison_run SET status = 'failed', error = ?, finished_at = now() "
                            + "WHERE id = ? AND claimed_by = ?",
                    "The comparison could not be completed: " + e.getClass().getSimpleName(),
                    claim.id(),
                    instance);
        } finally {
            heartbeat.cancel(false);
        }
    }

    private StoryPointDefinition currentDefinition(long storyPointId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT v.id, v.revision, v.definition::text FROM story_point p "
                                + "JOIN story_point_version v ON v.id = p.current_version_id WHERE p.id = ?")) {
            ps.setLong(1, storyPointId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String json = rs.getString(3);
                return definitions.get(rs.getLong(1), rs.getInt(2), () -> json);
            }
        }
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
            Log.warnf("Could not record the state of a comparison: %s", e.getMessage());
        }
    }
}
