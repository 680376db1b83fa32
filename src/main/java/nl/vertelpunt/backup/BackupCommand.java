package nl.vertelpunt.backup;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import nl.vertelpunt.web.EmbeddedDatabase;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;

/**
 * The {@code backup} and {@code restore} commands of the service jar:
 * <pre>
 * java -jar quarkus-run.jar backup  --out vertelpunt-backup.zip    # while the service runs, or not
 * java -jar quarkus-run.jar restore --in  vertelpunt-backup.zip    # into an empty database, service stopped
 * </pre>
 * They use the same settings as the service: the external PostgreSQL of {@code QUARKUS_DATASOURCE_JDBC_URL},
 * or the embedded one in {@code VERTELPUNT_DATA_DIR} (reached while the service runs, started for the
 * command when it does not).
 */
public final class BackupCommand {

    private BackupCommand() {}

    public static void main(String command, String... args) throws Exception {
        String file = option(args, command.equals("backup") ? "--out" : "--in")
                .orElseThrow(
                        () -> new IllegalArgumentException("usage: backup --out file.zip | restore --in file.zip"));
        Config config = ConfigProvider.getConfig();
        Optional<String> url = config.getOptionalValue("quarkus.datasource.jdbc.url", String.class);
        EmbeddedPostgres started = null;
        String jdbc;
        String user;
        String password;
        if (url.isPresent()) {
            jdbc = url.get();
            user = config.getOptionalValue("quarkus.datasource.username", String.class)
                    .orElse("postgres");
            password = config.getOptionalValue("quarkus.datasource.password", String.class)
                    .orElse("");
        } else {
            Path pgData = Path.of(config.getOptionalValue("vertelpunt.data-dir", String.class)
                            .orElse("data"))
                    .toAbsolutePath()
                    .normalize()
                    .resolve("postgres");
            Optional<Integer> running = EmbeddedDatabase.runningPort(pgData);
            if (running.isEmpty()
                    && command.equals("backup")
                    && !pgData.resolve("postgresql.conf").toFile().exists()) {
                throw new IllegalStateException("there is no database in " + pgData);
            }
            if (running.isEmpty()) {
                started = EmbeddedDatabase.start(pgData, 0);
            }
            jdbc = EmbeddedDatabase.jdbcUrl(running.isPresent() ? running.get() : started.getPort());
            user = "postgres";
            password = EmbeddedDatabase.readPassword(pgData);
        }
        try {
            if (command.equals("restore")) {
                Flyway.configure()
                        .dataSource(jdbc, user, password)
                        .locations("classpath:db/migration")
                        .load()
                        .migrate();
            }
            try (Connection c = DriverManager.getConnection(jdbc, user, password)) {
                Backup.Summary summary =
                        command.equals("backup") ? Backup.write(c, Path.of(file)) : Backup.restore(c, Path.of(file));
                long stories = summary.rows().getOrDefault("story", 0L);
                System.out.printf(
                        "%s %s: schema version %s, %d tables, %d stories%n",
                        command.equals("backup") ? "Wrote" : "Restored",
                        file,
                        summary.schemaVersion(),
                        summary.rows().size(),
                        stories);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(command + " failed: " + e.getMessage(), e);
        } finally {
            if (started != null) {
                started.close();
            }
        }
    }

    private static Optional<String> option(String[] args, String name) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Optional.of(args[i + 1]);
            }
        }
        return Optional.empty();
    }
}
