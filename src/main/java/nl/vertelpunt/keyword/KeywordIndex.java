package nl.vertelpunt.keyword;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import nl.vertelpunt.story.StoriesImported;
import nl.vertelpunt.web.StorageException;

/**
 * The stored words of the stories ({@code keyword_form}, {@code story.keyword_forms}, V19). A story's forms are
 * analysed ({@link DutchWords}) when a keyness request needs them ({@link #analysePending}, for the story points of
 * the request) and in the background at start-up and every {@code vertelpunt.keywords.index-every} for all stories:
 * new stories arrive without forms (intake, import), and the trigger of V19 clears them whenever a title or text
 * changes (redaction, re-import). Withdrawn stories are deleted; hidden and flagged ones are left out when counting.
 * Batches lock their rows with {@code SKIP LOCKED}, so replicas share the work and a story changed meanwhile is not
 * given the forms of its old text.
 *
 * <p>Form ids are cached in memory per replica: a form, once stored, never changes its id or stem.
 */
@ApplicationScoped
public class KeywordIndex {

    static final int BATCH = 1000;

    /** The forms known to this replica, by id: {@code forms[id]} and the index of their stem in {@code terms}. */
    public record Vocabulary(String[] forms, int[] termOf, String[] terms) {}

    private final AgroalDataSource dataSource;
    private final Map<String, Integer> ids = new ConcurrentHashMap<>();
    private volatile Vocabulary vocabulary = new Vocabulary(new String[1], new int[1], new String[0]);
    private volatile boolean stopping;
    private final ExecutorService afterImports = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "keyword-index-import");
        t.setDaemon(true);
        return t;
    });

    KeywordIndex(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void start(@Observes StartupEvent event) {
        Thread t = new Thread(this::scheduled, "keyword-index");
        t.setDaemon(true);
        t.start();
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        afterImports.shutdownNow();
    }

    /**
     * The words of imported stories are analysed as soon as the import commits, in the background, so that the first
     * keyness request after a large import need not analyse them all itself.
     */
    void imported(@Observes(during = TransactionPhase.AFTER_SUCCESS) StoriesImported event) {
        try {
            afterImports.execute(() -> analyseInBackground(List.of(event.storyPointId())));
        } catch (RejectedExecutionException stopped) {
            // shutting down: the next start analyses them
        }
    }

    @Scheduled(
            identity = "keyword-index",
            every = "${vertelpunt.keywords.index-every:1m}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        analyseInBackground(null);
    }

    private void analyseInBackground(List<Long> storyPointIds) {
        try {
            long start = System.nanoTime();
            int done = analysePending(storyPointIds);
            if (done > 0) {
                Log.infof(
                        "Keywords: analysed the words of %d stories in %d ms",
                        done, (System.nanoTime() - start) / 1_000_000);
            }
        } catch (RuntimeException e) {
            // the database may be down; the next run tries again (no message: it could quote a row)
            Log.warnf(
                    "Keywords: could not analyse stored stories: %s",
                    e.getClass().getSimpleName());
        }
    }

    /**
     * Analyses and stores the words of every story of the given story points (all story points when null) that has
     * none yet, each batch in a transaction of its own; returns how many stories it analysed. Stories another
     * transaction holds are skipped: the caller analyses what is still missing in memory.
     */
    public int analysePending(List<Long> storyPointIds) {
        int total = 0;
        while (!stopping) {
            int done = QuarkusTransaction.requiringNew().call(() -> batch(storyPointIds));
            total += done;
            if (done < BATCH) {
                break;
            }
        }
        return total;
    }

    private int batch(List<Long> storyPointIds) {
        try (Connection c = dataSource.getConnection()) {
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT pk, title, text FROM story "
                    + "WHERE keyword_forms IS NULL AND (?::bigint[] IS NULL OR story_point_id = ANY (?)) "
                    + "ORDER BY pk LIMIT ? FOR UPDATE SKIP LOCKED")) {
                Array points = storyPointIds == null ? null : c.createArrayOf("bigint", storyPointIds.toArray());
                ps.setArray(1, points);
                ps.setArray(2, points);
                ps.setInt(3, BATCH);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)});
                    }
                }
            }
            if (rows.isEmpty()) {
                return 0;
            }
            List<List<DutchWords.Word>> words = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                words.add(DutchWords.of((String) row[1], (String) row[2]));
            }
            Map<String, Integer> known = ids(c, words);
            try (PreparedStatement ps = c.prepareStatement("UPDATE story SET keyword_forms = ? WHERE pk = ?")) {
                for (int i = 0; i < rows.size(); i++) {
                    ps.setArray(1, c.createArrayOf("integer", signedIds(words.get(i), known)));
                    ps.setLong(2, (Long) rows.get(i)[0]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return rows.size();
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /** The words of one story as stored: +id for a form written as a word, -id for a part of a compound only. */
    public int[] signedIds(Connection c, List<DutchWords.Word> words) throws SQLException {
        Integer[] boxed = signedIds(words, ids(c, List.of(words)));
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }

    private static Integer[] signedIds(List<DutchWords.Word> words, Map<String, Integer> known) {
        Integer[] out = new Integer[words.size()];
        for (int i = 0; i < out.length; i++) {
            DutchWords.Word w = words.get(i);
            int id = known.get(w.form());
            out[i] = w.part() ? -id : id;
        }
        return out;
    }

    /** The ids of the forms, storing the new ones (a form another transaction stores meanwhile is read back). */
    private Map<String, Integer> ids(Connection c, List<List<DutchWords.Word>> words) throws SQLException {
        Map<String, String> missing = new HashMap<>();
        Map<String, Integer> found = new HashMap<>();
        for (List<DutchWords.Word> story : words) {
            for (DutchWords.Word w : story) {
                Integer id = ids.get(w.form());
                if (id != null) {
                    found.put(w.form(), id);
                } else {
                    missing.put(w.form(), w.term());
                }
            }
        }
        if (missing.isEmpty()) {
            return found;
        }
        // sorted, so that two transactions storing overlapping forms take their locks in the same order
        String[] forms = missing.keySet().stream().sorted().toArray(String[]::new);
        String[] terms = Arrays.stream(forms).map(missing::get).toArray(String[]::new);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO keyword_form (form, term) "
                + "SELECT * FROM unnest(?::text[], ?::text[]) ON CONFLICT (form) DO NOTHING")) {
            ps.setArray(1, c.createArrayOf("text", forms));
            ps.setArray(2, c.createArrayOf("text", terms));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id, form FROM keyword_form WHERE form = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", forms));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(2), rs.getInt(1));
                    ids.put(rs.getString(2), rs.getInt(1));
                }
            }
        }
        return found;
    }

    /**
     * Every stored form with its stem, read from the database once and then only the forms added since; enough for
     * any story whose forms were stored before this call.
     */
    public synchronized Vocabulary vocabulary(Connection c) throws SQLException {
        Vocabulary v = vocabulary;
        int known = v.forms().length - 1;
        List<String[]> added = new ArrayList<>();
        int max = known;
        try (PreparedStatement ps =
                c.prepareStatement("SELECT id, form, term FROM keyword_form WHERE id > ? ORDER BY id")) {
            ps.setInt(1, known);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    added.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                    max = Math.max(max, rs.getInt(1));
                }
            }
        }
        if (added.isEmpty()) {
            return v;
        }
        String[] forms = Arrays.copyOf(v.forms(), max + 1);
        int[] termOf = Arrays.copyOf(v.termOf(), max + 1);
        Map<String, Integer> termIndex = new HashMap<>();
        Set<String> terms = new LinkedHashSet<>(Arrays.asList(v.terms()));
        String[] oldTerms = v.terms();
        for (int i = 0; i < oldTerms.length; i++) {
            termIndex.put(oldTerms[i], i);
        }
        for (String[] row : added) {
            int id = Integer.parseInt(row[0]);
            forms[id] = row[1];
            Integer t = termIndex.get(row[2]);
            if (t == null) {
                t = termIndex.size();
                termIndex.put(row[2], t);
                terms.add(row[2]);
            }
            termOf[id] = t;
        }
        vocabulary = new Vocabulary(forms, termOf, terms.toArray(new String[0]));
        return vocabulary;
    }
}
