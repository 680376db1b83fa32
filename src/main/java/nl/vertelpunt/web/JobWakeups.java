package nl.vertelpunt.web;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Wakes the job queues of every replica the moment work arrives, through PostgreSQL's {@code LISTEN/NOTIFY}: a run
 * stored in a transaction sends {@link #notify(EntityManager, String)} on its queue's channel, PostgreSQL delivers it
 * to every listening replica when (and only when) that transaction commits, and the queue's worker there polls at once
 * instead of at its next tick. The workers still poll on their timer as well: a notification sent while a replica was
 * reconnecting is missed, a run is not, and a claim stays {@code FOR UPDATE SKIP LOCKED}, so a wake-up on every
 * replica still starts a run on one.
 *
 * <p>One connection of the pool is held for listening, by one daemon thread that waits for notifications (at most
 * {@link #WAIT_MS} at a time, so it stops promptly) and reconnects after a failure.
 */
@ApplicationScoped
public class JobWakeups {

    /** The channel of the pattern evaluations' queue ({@code evaluation_run}). */
    public static final String EVALUATIONS = "evaluation_run";
    /** The channel of the comparisons' queue ({@code comparison_run}). */
    public static final String COMPARISONS = "comparison_run";

    private static final List<String> CHANNELS = List.of(EVALUATIONS, COMPARISONS);
    private static final int WAIT_MS = 500;
    private static final long RETRY_MS = 1_000;

    private final AgroalDataSource dataSource;
    private final Map<String, List<Runnable>> listeners = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private Thread thread;

    JobWakeups(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Calls {@code wake} (on the listening thread: it must return quickly) whenever work arrives on {@code channel}. */
    public void subscribe(String channel, Runnable wake) {
        if (!CHANNELS.contains(channel)) {
            throw new IllegalArgumentException("no such channel: " + channel);
        }
        listeners.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(wake);
    }

    /**
     * Tells every replica that work arrived on {@code channel}, when the current transaction commits (nothing is sent
     * if it rolls back).
     */
    public static void notify(EntityManager em, String channel) {
        em.createNativeQuery("SELECT pg_notify(?1, '')")
                .setParameter(1, channel)
                .getSingleResult();
    }

    void start(@Observes StartupEvent event) {
        thread = new Thread(this::listen, "job-wakeups");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void listen() {
        while (!stopping) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    for (String channel : CHANNELS) {
                        s.execute("LISTEN " + channel);
                    }
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!stopping) {
                    PGNotification[] arrived = pg.getNotifications(WAIT_MS);
                    if (arrived == null) {
                        continue;
                    }
                    // several notifications of one channel wake its listeners once
                    Set<String> channels = new LinkedHashSet<>();
                    for (PGNotification n : arrived) {
                        channels.add(n.getName());
                    }
                    for (String channel : channels) {
                        listeners.getOrDefault(channel, List.of()).forEach(Runnable::run);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (stopping) {
                    return;
                }
                Log.warnf(
                        "Job queue notifications interrupted, listening again in %d ms: %s", RETRY_MS, e.getMessage());
                try {
                    Thread.sleep(RETRY_MS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
