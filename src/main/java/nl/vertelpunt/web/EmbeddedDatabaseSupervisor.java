package nl.vertelpunt.web;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keeps the embedded PostgreSQL running. A thread looks every second whether its postmaster still runs; when it has
 * ended (a crash, {@code kill -9}, the OOM killer), it clears what the dead server left behind and starts it again on
 * the same data directory and port (the service's JDBC URL names the port), first after 1 s, then waiting twice as long
 * after every failure, at most 10 s, for as long as it takes. The service's connection pool validates its connections
 * and finds the server again by itself.
 *
 * <p>The server is started again with {@code pg_ctl} from the binaries that zonky unpacked, with the options it was
 * last started with ({@code postmaster.opts}), and not through zonky: zonky keeps its lock on the data directory for
 * as long as the JVM runs (so no other process starts a server on it), and its shutdown hook stops whichever server
 * runs on the data directory when the service stops. The server started again logs only FATAL and PANIC messages, into
 * {@code postgres.log} beside the data directory, so no statement or value of a story is ever written there.
 *
 * <p>Liveness ({@link EmbeddedDatabaseLiveness}) goes DOWN when the server has been down longer than {@code
 * vertelpunt.embedded-db.liveness-grace}, and UP again once it runs. Only the service's own embedded server is
 * supervised, never an external database; a server stopped because the JVM is shutting down is left stopped.
 */
final class EmbeddedDatabaseSupervisor {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabaseSupervisor.class);
    /** Added to the server's options when it is started again: log no statement, and nothing below FATAL. */
    private static final List<String> QUIET =
            List.of("\"-c\" \"log_min_messages=fatal\"", "\"-c\" \"log_min_error_statement=panic\"");

    /** How often to look, the first wait before a restart and the longest wait between attempts, and the grace. */
    record Settings(Duration checkEvery, Duration firstBackoff, Duration maxBackoff, Duration livenessGrace) {
        static Settings withGrace(Duration livenessGrace) {
            return new Settings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(10), livenessGrace);
        }
    }

    /**
     * What liveness reports: whether the server runs, since when it is down, failed restart attempts since then,
     * restarts so far, and whether the service counts as live.
     */
    record Status(boolean running, Optional<Duration> down, int failedAttempts, int restarts, boolean live) {}

    private final Path pgData;
    private final int port;
    private final Settings settings;
    private final Thread thread;

    private volatile Optional<ProcessHandle> postmaster;
    private volatile Instant downSince;
    private volatile int failedAttempts;
    private volatile int restarts;

    EmbeddedDatabaseSupervisor(Path pgData, int port, Settings settings) {
        this.pgData = pgData;
        this.port = port;
        this.settings = settings;
        this.postmaster = EmbeddedDatabase.postmaster(pgData);
        this.thread = new Thread(this::supervise, "vertelpunt-embedded-db-supervisor");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
        LOG.infof(
                "Supervising the embedded PostgreSQL (pid %s); liveness goes DOWN after %d s without it",
                postmaster.map(p -> Long.toString(p.pid())).orElse("unknown"),
                settings.livenessGrace().toSeconds());
    }

    Status status() {
        Instant since = downSince;
        Optional<Duration> down = Optional.ofNullable(since).map(s -> Duration.between(s, Instant.now()));
        boolean live = down.map(d -> d.compareTo(settings.livenessGrace()) < 0).orElse(true);
        return new Status(since == null, down, failedAttempts, restarts, live);
    }

    private void supervise() {
        try {
            while (true) {
                Thread.sleep(settings.checkEvery().toMillis());
                if (running()) {
                    continue;
                }
                if (shuttingDown()) {
                    return;
                }
                downSince = Instant.now();
                LOG.warnf(
                        "The embedded PostgreSQL (pid %s) has stopped; starting it again on port %d",
                        postmaster.map(p -> Long.toString(p.pid())).orElse("unknown"), port);
                if (!restartUntilItRuns()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Tries again and again, with backoff; false when the JVM began shutting down meanwhile. */
    private boolean restartUntilItRuns() throws InterruptedException {
        Duration wait = settings.firstBackoff();
        boolean reportedDown = false;
        while (true) {
            Thread.sleep(wait.toMillis());
            if (shuttingDown()) {
                return false;
            }
            try {
                restart();
                Duration down = Duration.between(downSince, Instant.now());
                restarts++;
                failedAttempts = 0;
                downSince = null;
                LOG.infof(
                        "The embedded PostgreSQL runs again (pid %s, port %d) after %d ms%s",
                        postmaster.map(p -> Long.toString(p.pid())).orElse("unknown"),
                        port,
                        down.toMillis(),
                        reportedDown ? "; liveness is UP again" : "");
                return true;
            } catch (IOException | RuntimeException e) {
                failedAttempts++;
                wait = min(wait.multipliedBy(2), settings.maxBackoff());
                LOG.errorf(
                        "Could not start the embedded PostgreSQL again (attempt %d): %s; next attempt in %d s",
                        failedAttempts, e.getMessage(), wait.toSeconds());
                if (!reportedDown && !status().live()) {
                    reportedDown = true;
                    LOG.errorf(
                            "The embedded PostgreSQL has been down for %d s: liveness is DOWN until it runs again",
                            Duration.between(downSince, Instant.now()).toSeconds());
                }
            }
        }
    }

    private void restart() throws IOException, InterruptedException {
        Optional<ProcessHandle> running = EmbeddedDatabase.postmaster(pgData);
        if (running.isPresent()) {
            // an earlier attempt started it and stopped waiting for it (a long recovery): keep it
            postmaster = running;
            return;
        }
        requirePortFree();
        EmbeddedDatabase.stopLeftovers(pgData);
        startAgain();
        postmaster = EmbeddedDatabase.postmaster(pgData);
        if (postmaster.isEmpty()) {
            throw new IOException("pg_ctl reported the server started, but no server runs on " + pgData);
        }
    }

    /** The server must come back on its own port, which another program may have taken meanwhile. */
    private void requirePortFree() throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (BindException e) {
            throw new IOException("port " + port + " on 127.0.0.1 is taken by another program", e);
        }
    }

    /** {@code pg_ctl start}, waiting until the server accepts connections (at most 60 s). */
    private void startAgain() throws IOException, InterruptedException {
        String opts = Files.readString(pgData.resolve("postmaster.opts"), StandardCharsets.UTF_8)
                .strip();
        int firstOption = opts.indexOf(" \"");
        if (firstOption < 0) {
            throw new IOException("postmaster.opts holds no options");
        }
        Path pgCtl = Path.of(opts.substring(0, firstOption)).resolveSibling("pg_ctl");
        // pg_ctl names the data directory itself
        StringBuilder options =
                new StringBuilder(opts.substring(firstOption + 1).replaceAll("\"-D\" \"[^\"]*\" ?", ""));
        QUIET.stream()
                .filter(o -> options.indexOf(o) < 0)
                .forEach(o -> options.append(' ').append(o));
        Path log = pgData.resolveSibling("postgres.log");
        Files.writeString(log, "", StandardCharsets.UTF_8);
        EmbeddedDatabase.restrictToOwner(log);

        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U")); // as zonky does when running as root, which PostgreSQL refuses
        }
        command.addAll(List.of(
                pgCtl.toString(),
                "start",
                "-D",
                pgData.toString(),
                "-w",
                "-t",
                "60",
                "-s",
                "-l",
                log.toString(),
                "-o",
                options.toString()));
        Process pgCtlProcess =
                new ProcessBuilder(command).redirectErrorStream(true).start();
        // pg_ctl's own messages; the server writes to the log
        String output = new String(pgCtlProcess.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!pgCtlProcess.waitFor(90, TimeUnit.SECONDS)) {
            pgCtlProcess.destroyForcibly();
            throw new IOException("pg_ctl did not finish");
        }
        if (pgCtlProcess.exitValue() != 0) {
            List<String> serverSaid = Files.readAllLines(log, StandardCharsets.UTF_8);
            throw new IOException("pg_ctl start failed: "
                    + String.join(" ", output.strip().lines().toList())
                    + (serverSaid.isEmpty() ? "" : "; the server said: " + serverSaid.get(serverSaid.size() - 1)));
        }
    }

    private boolean running() {
        Optional<ProcessHandle> process = postmaster;
        if (process.isPresent()) {
            return process.get().isAlive();
        }
        // the pid could not be read: whether the port answers
        return EmbeddedDatabase.answers(port);
    }

    /** True once the JVM runs its shutdown hooks, one of which stops the server on purpose. */
    private static boolean shuttingDown() {
        Thread probe = new Thread(() -> {});
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
