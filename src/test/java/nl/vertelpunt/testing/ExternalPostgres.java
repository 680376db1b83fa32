package nl.vertelpunt.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import nl.vertelpunt.web.EmbeddedDatabase;

/**
 * A PostgreSQL server that service processes use as their external database, on a fixed port, which a
 * test can crash (SIGKILL) and start again on the same data.
 */
public final class ExternalPostgres implements AutoCloseable {

    private final Path pgData;
    private final int port;
    private EmbeddedPostgres server;

    public ExternalPostgres(Path folder) throws IOException {
        this.pgData = folder.resolve("postgres");
        this.port = ServiceProcess.freePort();
        this.server = EmbeddedDatabase.start(pgData, port);
    }

    /** The standard Quarkus datasource settings for a service process. */
    public Map<String, String> environment() {
        return Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL",
                EmbeddedDatabase.jdbcUrl(port),
                "QUARKUS_DATASOURCE_USERNAME",
                "postgres",
                "QUARKUS_DATASOURCE_PASSWORD",
                EmbeddedDatabase.readPassword(pgData));
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(
                EmbeddedDatabase.jdbcUrl(port), "postgres", EmbeddedDatabase.readPassword(pgData));
    }

    /** Kills the postmaster with SIGKILL, as a crash would: only what was committed (and synced) survives. */
    public void crash() throws IOException, InterruptedException {
        long pid = Long.parseLong(
                Files.readAllLines(pgData.resolve("postmaster.pid")).get(0).strip());
        new ProcessBuilder("kill", "-KILL", Long.toString(pid))
                .inheritIO()
                .start()
                .waitFor();
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
        // its children (backends) end when they notice; wait until the port is free
        for (int i = 0; i < 100 && portOpen(); i++) {
            Thread.sleep(100);
        }
        try {
            server.close();
        } catch (IOException e) {
            // pg_ctl stop fails on a crashed server: expected
        }
    }

    /** Starts the server again on the same data and port (crash recovery replays the WAL). */
    public void start() throws IOException {
        server = EmbeddedDatabase.start(pgData, port);
    }

    private boolean portOpen() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
