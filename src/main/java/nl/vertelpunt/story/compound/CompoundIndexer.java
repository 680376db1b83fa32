package nl.vertelpunt.story.compound;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.vertelpunt.web.StorageException;

/**
 * Splits the compounds of stories whose parts are not stored yet ({@code compound_parts IS NULL}): every story
 * stored before the search understood compounds, stories whose text another statement changed, and all of them
 * again after a migration that brings a new dictionary. Runs in the background at start-up, so the service is ready
 * at once (until it is done, older stories are found by their words only), and then every
 * {@code vertelpunt.search.compounds-every}. Batches of {@link #BATCH} stories, each in a transaction of its own
 * that locks its rows with {@code SKIP LOCKED}: replicas share the work, and a story changed meanwhile is not
 * overwritten with the parts of its old text.
 */
@ApplicationScoped
public class CompoundIndexer {

    static final int BATCH = 500;

    private final AgroalDataSource dataSource;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean stopping;

    CompoundIndexer(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void start(@Observes StartupEvent event) {
        Thread t = new Thread(this::scheduled, "compound-indexer");
        t.setDaemon(true);
        t.start();
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(
            identity = "compound-indexer",
            every = "${vertelpunt.search.compounds-every:1m}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            long start = System.nanoTime();
            int done = indexPending();
            if (done > 0) {
                Log.infof(
                        "Search: split the compounds of %d stories in %d ms",
                        done, (System.nanoTime() - start) / 1_000_000);
            }
        } catch (RuntimeException e) {
            // the database may be down; the next run tries again (no message: it could quote a row)
            Log.warnf(
                    "Search: could not split the compounds of stored stories: %s",
                    e.getClass().getSimpleName());
        }
    }

    /**
     * Stores the parts of every story that has none yet, batch after batch, and returns how many it stored; 0 when
     * another run on this replica is busy.
     */
    public int indexPending() {
        if (!running.compareAndSet(false, true)) {
            return 0;
        }
        try {
            int total = 0;
            while (!stopping) {
                int done = QuarkusTransaction.requiringNew().call(this::batch);
                total += done;
                if (done < BATCH) {
                    return total;
                }
            }
            return total;
        } finally {
            running.set(false);
        }
    }

    private int batch() {
        Decompounder decompounder = Decompounder.dutch();
        try (Connection c = dataSource.getConnection()) {
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT pk, title, text FROM story "
                    + "WHERE compound_parts IS NULL ORDER BY pk LIMIT ? FOR UPDATE SKIP LOCKED")) {
                ps.setInt(1, BATCH);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)});
                    }
                }
            }
            if (rows.isEmpty()) {
                return 0;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE story SET compound_parts = ? WHERE pk = ?")) {
                for (Object[] row : rows) {
                    ps.setString(1, decompounder.searchText((String) row[1], (String) row[2]));
                    ps.setLong(2, (Long) row[0]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return rows.size();
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }
}
