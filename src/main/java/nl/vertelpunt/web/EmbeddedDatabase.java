package nl.vertelpunt.web;

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
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
 * an acknowledged story must survive a crash.
 */
public final class EmbeddedDatabase {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    /** JVM-wide marker, so that a second call (for example a dev-mode restart) does not start a second server. */
    private static final String STARTED_MARKER = "vertelpunt.embedded-db.started";

    private static final String PASSWORD_FILE = ".vertelpunt-db-password";
    private static final String DATABASE = "postgres";
    private static final String USER = "postgres";

    private static volatile EmbeddedPostgres server;

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
        return true;
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
        stopOrphanedPostmaster(pgData);
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
                .setConnectConfig("password", password);
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
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return Optional.of(port);
            }
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

    private static void restrictToOwner(Path path) {
        try {
            Files.setPosixFilePermissions(
                    path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwx------" : "rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            LOG.debugf("Could not restrict permissions of %s: %s", path, e.getMessage());
        }
    }

    /**
     * A PostgreSQL server outlives a {@code kill -9} of the JVM that started it and keeps the data folder
     * locked. Ask such an orphan to shut down fast (SIGINT) and wait for it.
     */
    private static void stopOrphanedPostmaster(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        } catch (RuntimeException e) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (process.isEmpty()) {
            return;
        }
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
}
