package nl.vertelpunt;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Arrays;
import nl.vertelpunt.backup.BackupCommand;
import nl.vertelpunt.sample.SyntheticStories;
import nl.vertelpunt.web.EmbeddedDatabase;

/**
 * Entry point. Without arguments it serves Vertelpunt (starting the embedded PostgreSQL unless an
 * external one is configured); {@code generate ...} writes a synthetic story set instead, and
 * {@code backup --out file} and {@code restore --in file} save and restore all data.
 */
@QuarkusMain
public class VertelpuntMain {

    public static void main(String... args) throws Exception {
        if (args.length > 0 && args[0].equals("generate")) {
            SyntheticStories.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"))) {
            BackupCommand.main(args[0], Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        EmbeddedDatabase.startIfNeeded();
        Quarkus.run(args);
    }
}
