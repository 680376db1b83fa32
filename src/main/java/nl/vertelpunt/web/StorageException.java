package nl.vertelpunt.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** A database failure. {@link #unavailable()} tells a database that cannot be reached from one that refused a statement. */
public class StorageException extends RuntimeException {

    public StorageException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** Connection failures (SQLSTATE class 08), a server shutting down or starting (57P01..57P03), or no connection in time. */
    public boolean unavailable() {
        return unavailable(getCause());
    }

    /** Whether a failure, anywhere in its chain of causes, means the database cannot be reached right now. */
    public static boolean unavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
                    return true;
                }
                if (sql.getMessage() != null && sql.getMessage().contains("Acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }
}
