package nl.vertelpunt.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import nl.vertelpunt.web.EmbeddedDatabase;

/**
 * Gives every {@code @QuarkusTest} the same kind of real PostgreSQL the service embeds, in a throw-away
 * folder: started once for the whole test run, deleted afterwards.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres postgres;
    private Path folder;

    @Override
    public Map<String, String> start() {
        try {
            folder = Files.createTempDirectory("vertelpunt-test-db");
            Path pgData = folder.resolve("postgres");
            postgres = EmbeddedDatabase.start(pgData, 0);
            return Map.of(
                    "quarkus.datasource.jdbc.url", EmbeddedDatabase.jdbcUrl(postgres.getPort()),
                    "quarkus.datasource.username", "postgres",
                    "quarkus.datasource.password", EmbeddedDatabase.readPassword(pgData));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        try {
            if (postgres != null) {
                postgres.close();
            }
            if (folder != null) {
                try (Stream<Path> files = Files.walk(folder)) {
                    files.sorted(Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
