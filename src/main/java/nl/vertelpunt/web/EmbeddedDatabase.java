package nl.vertelpunt.web;

import io.quarkus.runtime.configuration.DurationConverter;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Starts a persistent PostgreSQL inside this process before Quarkus boots, unless an external
 * database is configured through the standard {@code quarkus.datasource.jdbc.url} setting.
 *
 * <p>The embedded server keeps its data in {@code vertelpunt.data-dir} (default {@code ./data}),
 * listens on loopback only, requires a password for TCP connections (generated once and kept in
 * the data folder), and commits durably ({@code fsync} and {@code synchronous_commit} on), because
 * an acknowledged story must survive a crash. While the service runs, {@link EmbeddedDatabaseSupervisor} starts it
 * again when it dies.
 */
public final class EmbeddedDatabase {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    /** JVM-wide marker, so that a second call (for example a dev-mode restart) does not start a second server. */
    private static final String STARTED_MARKER = "vertelpunt.embedded-db.started";

    private static final String PASSWORD_FILE = ".vertelpunt-db-password";
    private static final String DATABASE = "postgres";
    private static final String USER = "postgres";

    private static volatile EmbeddedDatabaseSupervisor supervisor;

    private EmbeddedDatabase() {}

    /**
     * Starts the embedded database when no external one is configured, and points Quarkus at it.
     *
     * @return true when an embedded database runs (started now or earlier in this JVM)
     */
    public static synchronized boolean startIfNeeded() {
        if (System.getProperty(STARTED_MARKER) != null) {
            return true;
        }
        Config config = ConfigProvider.getConfig();
        Optional<String> externalUrl = config.getOptionalValue("quarkus.datasource.jdbc.url", String.class);
        boolean enabled = config.getOptionalValue("vertelpunt.embedded-db.enabled", Boolean.class)
                .orElse(true);
        if (externalUrl.isPresent() || !enabled) {
            LOG.infof("Using the configured PostgreSQL; no embedded database is started");
            return false;
        }
        Path dataDir = Path.of(config.getOptionalValue("vertelpunt.data-dir", String.class)
                        .orElse("data"))
                .toAbsolutePath()
                .normalize();
        int port = config.getOptionalValue("vertelpunt.embedded-db.port", Integer.class)
                .orElse(0);
        Duration livenessGrace = DurationConverter.parseDuration(
                config.getOptionalValue("vertelpunt.embedded-db.liveness-grace", String.class)
                        .orElse("60s"));
        EmbeddedPostgres server;
        try {
            server = start(dataDir.resolve("postgres"), port);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Could not start the embedded PostgreSQL in " + dataDir + ": " + e.getMessage(), e);
        }
        writePort(dataDir.resolve("postgres"), server.getPort());
        System.setProperty("quarkus.datasource.jdbc.url", jdbcUrl(server.getPort()));
        System.setProperty("quarkus.datasource.username", USER);
        System.setProperty("quarkus.datasource.password", readPassword(dataDir.resolve("postgres")));
        System.setProperty(STARTED_MARKER, "true");
        LOG.infof("Embedded PostgreSQL ready on 127.0.0.1:%d with data in %s", server.getPort(), dataDir);
        supervisor = new EmbeddedDatabaseSupervisor(
                dataDir.resolve("postgres"),
                server.getPort(),
                EmbeddedDatabaseSupervisor.Settings.withGrace(livenessGrace));
        supervisor.start();
        return true;
    }

    /**
     * How the supervisor of the embedded database sees it; empty when this service uses an external database (or, in
     * dev mode after a live reload, when an earlier class loader started and supervises it).
     */
    static Optional<EmbeddedDatabaseSupervisor.Status> supervision() {
        return Optional.ofNullable(supervisor).map(EmbeddedDatabaseSupervisor::status);
    }

    /** The JDBC URL the embedded server answers on. */
    public static String jdbcUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /**
     * Starts a PostgreSQL server on a data directory, creating it on first use. Used by the service and
     * by tools (backup, benchmarks) that need the same kind of server.
     *
     * @param pgData the PostgreSQL data directory
     * @param port   the TCP port, or 0 for a free one
     */
    public static EmbeddedPostgres start(Path pgData, int port) throws IOException {
        Files.createDirectories(pgData);
        restrictToOwner(pgData);
        stopLeftovers(pgData);
        boolean fresh = !Files.exists(pgData.resolve("postgresql.conf"));
        Path passwordFile = pgData.getParent().resolve(PASSWORD_FILE);
        if (fresh || !Files.exists(passwordFile)) {
            if (!fresh) {
                throw new IOException("the data folder exists but its password file " + passwordFile + " is missing");
            }
            writePassword(passwordFile);
        }
        String password = readPassword(pgData);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("unix_socket_directories", pgData.toString())
                .setServerConfig("unix_socket_permissions", "0700")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                .setConnectConfig("password", password)
                // zonky's readiness check: never wait forever for a server that does not answer
                .setConnectConfig("loginTimeout", "10");
        if (fresh) {
            // zonky runs "initdb -A trust"; these later options override it for TCP connections.
            Path pwfile = Files.createTempFile("vertelpunt-pw", ".txt");
            try {
                Files.writeString(pwfile, password + "\n", StandardCharsets.UTF_8);
                builder.setLocaleConfig("auth-host", "scram-sha-256")
                        .setLocaleConfig("pwfile", pwfile.toString())
                        .setLocaleConfig("locale", "C");
                return builder.start();
            } finally {
                Files.deleteIfExists(pwfile);
            }
        }
        return builder.start();
    }

    private static final String PORT_FILE = ".vertelpunt-db-port";

    private static void writePort(Path pgData, int port) {
        try {
            Files.writeString(pgData.getParent().resolve(PORT_FILE), Integer.toString(port), StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.debugf("Could not write the port file: %s", e.getMessage());
        }
    }

    /** The port of the embedded server of a running service on this data directory, if one answers. */
    public static Optional<Integer> runningPort(Path pgData) {
        try {
            int port = Integer.parseInt(Files.readString(pgData.getParent().resolve(PORT_FILE), StandardCharsets.UTF_8)
                    .strip());
            return answers(port) ? Optional.of(port) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The password of the embedded server whose data directory is {@code pgData}. */
    public static String readPassword(Path pgData) {
        try {
            return Files.readString(pgData.getParent().resolve(PASSWORD_FILE), StandardCharsets.UTF_8)
                    .strip();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the embedded database password: " + e.getMessage(), e);
        }
    }

    private static void writePassword(Path file) throws IOException {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        Files.writeString(file, HexFormat.of().formatHex(bytes), StandardCharsets.UTF_8);
        restrictToOwner(file);
    }

    static void restrictToOwner(Path path) {
        try {
            Files.setPosixFilePermissions(
                    path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwx------" : "rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            LOG.debugf("Could not restrict permissions of %s: %s", path, e.getMessage());
        }
    }

    /**
     * Clears what an earlier server on this data directory left behind, before a server is started on it:
     *
     * <ul>
     *   <li>a postmaster still running: a PostgreSQL server outlives a {@code kill -9} of the JVM that started it and
     *       keeps the data folder locked. Ask such an orphan to shut down fast (SIGINT) and wait for it;
     *   <li>server processes whose postmaster was killed: they would keep its shared memory in use, which makes a new
     *       server refuse to start. Killed (SIGKILL; the new server recovers from its write-ahead log);
     *   <li>the lock files {@code postmaster.pid} and {@code .s.PGSQL.<port>.lock} of a dead server: PostgreSQL would
     *       take them as in use once another process gets the pid they name.
     * </ul>
     */
    static void stopLeftovers(Path pgData) throws IOException {
        stopOrphanedPostmaster(pgData);
        killOrphanedServerProcesses(pgData);
        removeStaleLockFiles(pgData);
    }

    /** The postmaster named in {@code postmaster.pid}, when it runs: a live PostgreSQL process on this data directory. */
    static Optional<ProcessHandle> postmaster(Path pgData) {
        return pidIn(pgData.resolve("postmaster.pid"))
                .flatMap(ProcessHandle::of)
                .filter(p -> isServerOf(p, pgData));
    }

    /** Whether something accepts connections on this loopback port. */
    static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void stopOrphanedPostmaster(Path pgData) throws IOException {
        Optional<ProcessHandle> process = postmaster(pgData);
        if (process.isEmpty()) {
            return;
        }
        long pid = process.get().pid();
        LOG.warnf("Stopping an orphaned PostgreSQL (pid %d) that still holds %s", pid, pgData);
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(pid))
                    .inheritIO()
                    .start()
                    .waitFor();
            process.get().onExit().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the orphaned PostgreSQL to stop", e);
        } catch (Exception e) {
            throw new IOException("the orphaned PostgreSQL (pid " + pid + ") did not stop: " + e.getMessage(), e);
        }
    }

    /** Only after the postmaster is gone: then every PostgreSQL process working in this data directory is an orphan. */
    private static void killOrphanedServerProcesses(Path pgData) throws IOException {
        List<ProcessHandle> orphans = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> isServerOf(p, pgData) && workingDirectory(p).isPresent())
                .toList();
        if (orphans.isEmpty()) {
            return;
        }
        LOG.warnf(
                "Stopping PostgreSQL server processes (%d) left behind in %s by a server that died",
                orphans.size(), pgData);
        orphans.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle orphan : orphans) {
            try {
                orphan.onExit().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for PostgreSQL processes to end", e);
            } catch (Exception e) {
                throw new IOException(
                        "a PostgreSQL process (pid " + orphan.pid() + ") did not end: " + e.getMessage(), e);
            }
        }
    }

    private static void removeStaleLockFiles(Path pgData) throws IOException {
        List<Path> lockFiles = new ArrayList<>(List.of(pgData.resolve("postmaster.pid")));
        try (Stream<Path> files = Files.list(pgData)) {
            files.filter(f -> f.getFileName().toString().matches("\\.s\\.PGSQL\\.\\d+\\.lock"))
                    .forEach(lockFiles::add);
        }
        for (Path lockFile : lockFiles) {
            Optional<Long> pid = pidIn(lockFile);
            // stale: nothing runs under that pid, or something that is certainly not a server of this data directory
            boolean stale = pid.isPresent()
                    && pid.flatMap(ProcessHandle::of)
                            .filter(ProcessHandle::isAlive)
                            .map(p -> isOther(p, pgData))
                            .orElse(true);
            if (stale) {
                Files.deleteIfExists(lockFile);
                LOG.infof("Removed %s of a PostgreSQL server that is gone (pid %d)", lockFile.getFileName(), pid.get());
            }
        }
    }

    private static Optional<Long> pidIn(Path lockFile) {
        try {
            return Optional.of(
                    Long.parseLong(Files.readAllLines(lockFile).get(0).strip()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * A live PostgreSQL process working in this data directory: every server process runs in its data directory.
     * Where the working directory cannot be read (not Linux), the command alone decides.
     */
    private static boolean isServerOf(ProcessHandle process, Path pgData) {
        if (!process.isAlive()
                || !process.info().command().map(c -> c.endsWith("postgres")).orElse(false)) {
            return false;
        }
        Optional<Path> cwd = workingDirectory(process);
        if (cwd.isEmpty()) {
            return true;
        }
        try {
            return cwd.get().equals(pgData.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    /** A process known to be something other than a PostgreSQL server of this data directory. */
    private static boolean isOther(ProcessHandle process, Path pgData) {
        Optional<String> command = process.info().command();
        if (command.isEmpty()) {
            return false;
        }
        if (!command.get().endsWith("postgres")) {
            return true;
        }
        Optional<Path> cwd = workingDirectory(process);
        try {
            return cwd.isPresent() && !cwd.get().equals(pgData.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Path> workingDirectory(ProcessHandle process) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "cwd")));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }
}
