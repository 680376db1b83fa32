package nl.vertelpunt.moderation;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Scans stories for personal data as they come in, with the bundled list of common first names plus any
 * configured names, and says which spans to flag.
 */
@ApplicationScoped
public class Flagger {

    /** A span to flag in a story's title or text. */
    public record Flag(String field, String kind, int start, int end) {}

    private final PersonalDataScanner scanner;

    Flagger(
            @ConfigProperty(name = "vertelpunt.moderation.names-file") Optional<String> namesFile,
            @ConfigProperty(name = "vertelpunt.moderation.names") Optional<List<String>> names) {
        Set<String> all = new HashSet<>(bundledNames());
        namesFile.filter(f -> !f.isBlank()).ifPresent(file -> {
            try {
                all.addAll(parse(Files.readString(Path.of(file), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                Log.errorf("The names file %s could not be read: %s", file, e.getMessage());
            }
        });
        names.ifPresent(all::addAll);
        this.scanner = new PersonalDataScanner(all);
    }

    public List<Flag> flags(String title, String text) {
        List<Flag> flags = new ArrayList<>();
        scanner.scan(title).forEach(f -> flags.add(new Flag("title", f.kind(), f.start(), f.end())));
        scanner.scan(text).forEach(f -> flags.add(new Flag("text", f.kind(), f.start(), f.end())));
        return flags;
    }

    private static Set<String> bundledNames() {
        try (InputStream in = Flagger.class.getResourceAsStream("/moderation/names-nl.txt")) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> parse(String list) {
        Set<String> names = new HashSet<>();
        for (String line : list.split("\\R")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                names.add(name);
            }
        }
        return names;
    }
}
