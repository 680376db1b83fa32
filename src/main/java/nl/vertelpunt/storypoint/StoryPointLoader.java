package nl.vertelpunt.storypoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import nl.vertelpunt.web.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes the story point definitions found in a folder at start-up, so a fresh install serves them
 * at once. Unchanged files change nothing; a broken file is reported in the log and skipped.
 */
@Singleton
public class StoryPointLoader {

    private static final Logger LOG = Logger.getLogger(StoryPointLoader.class);

    void onStart(
            @Observes StartupEvent event,
            StoryPointService service,
            ObjectMapper mapper,
            @ConfigProperty(name = "vertelpunt.storypoints.dir") Optional<String> dir) {
        if (dir.isEmpty() || dir.get().isBlank()) {
            return;
        }
        Path folder = Path.of(dir.get());
        if (!Files.isDirectory(folder)) {
            LOG.infof("No story point folder at %s; nothing loaded", folder.toAbsolutePath());
            return;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            LOG.errorf("Cannot read the story point folder %s: %s", folder, e.getMessage());
            return;
        }
        for (Path file : files) {
            load(file, service, mapper);
        }
    }

    private static void load(Path file, StoryPointService service, ObjectMapper mapper) {
        try {
            JsonNode document = mapper.readTree(file.toFile());
            String slug = document.path("slug").asText("");
            StoryPointService.Published result;
            try {
                result = service.publish(slug, document);
            } catch (RuntimeException e) {
                // another replica may have created it at the same moment: once more
                if (e instanceof ProblemException) {
                    throw e;
                }
                result = service.publish(slug, document);
            }
            if (result.changed()) {
                LOG.infof("Loaded story point %s (version %d) from %s", slug, result.version(), file.getFileName());
            }
        } catch (ProblemException e) {
            LOG.errorf(
                    "Story point file %s is not valid and was skipped: %s %s",
                    file,
                    e.getMessage(),
                    e.errors().stream()
                            .map(err -> err.field() + ": " + err.message())
                            .toList());
        } catch (IOException e) {
            LOG.errorf("Story point file %s could not be read: %s", file, e.getMessage());
        }
    }
}
