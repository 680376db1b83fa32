package nl.vertelpunt.evaluation;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.DoubleConsumer;

/**
 * One pattern evaluation from database to result: counts the stories, reads them in one streaming pass
 * inside a read-only, repeatable-read transaction (a consistent snapshot that blocks no story intake),
 * and evaluates them. Progress runs from 0 to 0.6 while reading and on to 1 while testing.
 */
public final class EvaluationJob {

    /** The result, and how long reading and testing took. */
    public record Outcome(EvaluationResult result, int stories, String fingerprint, long readNanos, long testNanos) {}

    private EvaluationJob() {}

    public static Outcome run(
            Connection c,
            EvaluationScope scope,
            EvaluationRequest request,
            String softwareVersion,
            DoubleConsumer progress)
            throws SQLException {
        long start = System.nanoTime();
        Dataset dataset;
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
        try {
            int expected = DatasetLoader.count(c, scope, request);
            dataset = DatasetLoader.load(c, scope, request, expected, share -> progress.accept(0.6 * share));
        } finally {
            c.rollback();
            c.setReadOnly(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            c.setAutoCommit(autoCommit);
        }
        long read = System.nanoTime();
        EvaluationResult result = Evaluator.evaluate(
                dataset, request, scope, softwareVersion, share -> progress.accept(0.6 + 0.4 * share));
        return new Outcome(result, dataset.baseSize(), dataset.fingerprint(), read - start, System.nanoTime() - read);
    }
}
