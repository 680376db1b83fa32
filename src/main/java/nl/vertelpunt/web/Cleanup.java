package nl.vertelpunt.web;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import nl.vertelpunt.user.session.SessionService;

/**
 * Scheduled clean-ups: removes ended workspace sessions (idle too long, or past their maximum) from the
 * database. Every replica schedules it, but a run first claims PostgreSQL's transaction-scoped advisory lock
 * {@link #LOCK}: while one replica holds it, a run on any other replica does nothing. The lock ends with the
 * transaction, so a replica that dies mid-run leaves nothing held; the next run anywhere does the work.
 * Table links ({@code session_table}) are not removed when their link ends: the table keeps its notes.
 */
@ApplicationScoped
public class Cleanup {

    /** The advisory lock of the clean-ups ("vpcleanu" as a number); the service takes no other advisory lock. */
    public static final long LOCK = 0x7670_636c_6561_6e75L;

    /** What a run did: whether it claimed the lock, and how many ended sessions it removed. */
    public record Result(boolean claimed, int sessions) {}

    private final EntityManager em;
    private final SessionService sessions;

    Cleanup(EntityManager em, SessionService sessions) {
        this.em = em;
        this.sessions = sessions;
    }

    @Scheduled(
            identity = "cleanup",
            every = "${vertelpunt.cleanup.every:10m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            Result result = run();
            if (result.sessions() > 0) {
                Log.infof("Clean-up removed %d ended workspace session(s)", result.sessions());
            }
        } catch (RuntimeException e) {
            // the database may be down; the next run tries again (no message: it could quote a row)
            Log.warnf("Clean-up could not run: %s", e.getClass().getSimpleName());
        }
    }

    /** One run in a transaction of its own; a no-op (not claimed) while another run, on any replica, holds the lock. */
    public Result run() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object claimed = em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, LOCK)
                    .getSingleResult();
            if (!Boolean.TRUE.equals(claimed)) {
                return new Result(false, 0);
            }
            return new Result(true, sessions.removeExpired());
        });
    }
}
