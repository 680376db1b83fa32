package nl.vertelpunt.card.render;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.jboss.logging.Logger;

/**
 * openhtmltopdf's log messages through JBoss Logging, in categories named after openhtmltopdf's own
 * ({@code com.openhtmltopdf.load}, …), so the service's log configuration applies to them. Left alone,
 * openhtmltopdf writes to its own console handler at INFO, a handful of lines for every PDF.
 */
final class OpenHtmlLogging implements XRLogger {

    private OpenHtmlLogging() {}

    /** Installs this logger for openhtmltopdf (a JVM-wide setting of the library); idempotent. */
    static synchronized void install() {
        if (!(XRLog.getLoggerImpl() instanceof OpenHtmlLogging)) {
            XRLog.setLoggerImpl(new OpenHtmlLogging());
        }
    }

    @Override
    public void log(String where, Level level, String message) {
        Logger.getLogger(where).log(level(level), message);
    }

    @Override
    public void log(String where, Level level, String message, Throwable error) {
        Logger.getLogger(where).log(level(level), message, error);
    }

    @Override
    public void setLevel(String logger, Level level) {
        // levels come from the service's log configuration
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        return Logger.getLogger(diagnostic.getLogMessageId().getWhere()).isEnabled(level(diagnostic.getLevel()));
    }

    private static Logger.Level level(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return Logger.Level.ERROR;
        }
        if (value >= Level.WARNING.intValue()) {
            return Logger.Level.WARN;
        }
        if (value >= Level.INFO.intValue()) {
            return Logger.Level.INFO;
        }
        return value >= Level.FINE.intValue() ? Logger.Level.DEBUG : Logger.Level.TRACE;
    }
}
