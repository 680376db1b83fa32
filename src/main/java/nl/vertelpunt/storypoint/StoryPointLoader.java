package nl.vertelpunt.storypoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import nl.vertelpunt.web.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes story point definitions at start-up, so a fresh install serves them at once:
 *
 * <ul>
 *   <li>the samples that ship inside the application ({@code samples/storypoints} of the repository, copied onto the
 *       class path by the build; {@link SampleStoryPoints}), unless {@code vertelpunt.samples.enabled} is false. A
 *       sample is published only while no story point has its slug: a story point changed through the API is never
 *       turned back into the sample by a restart;
 *   <li>the definitions in the folder {@code vertelpunt.storypoints.dir}, if set: at every start, so the files are
 *       what is published. A definition there wins over a sample with the same slug, which is then left out.
 * </ul>
 *
 * Unchanged definitions change nothing; a broken one is reported in the log and skipped.
 */
@Singleton
public class StoryPointLoader {

    private static final Logger LOG = Logger.getLogger(StoryPointLoader.class);

    /** A definition read from a file or from the class path; {@code origin} names it in the log. */
    record Definition(String origin, String slug, JsonNode document) {}

    void onStart(
            @Observes StartupEvent event,
            StoryPointService service,
            ModuleService modules,
            ObjectMapper mapper,
            @ConfigProperty(name = "vertelpunt.storypoints.dir") Optional<String> dir,
            @ConfigProperty(name = "vertelpunt.samples.enabled", defaultValue = "true") boolean samplesEnabled) {
        if (samplesEnabled) {
            // the modules the samples include come first
            for (JsonNode module : SampleStoryPoints.readModules(mapper)) {
                publishModule(module, modules);
            }
        }
        List<Definition> own = dir.filter(d -> !d.isBlank())
                .map(d -> folder(Path.of(d), mapper))
                .orElse(List.of());
        for (Definition definition : own) {
            publish(definition, service, false);
        }
        List<Definition> samples = samplesEnabled ? SampleStoryPoints.read(mapper) : List.of();
        for (Definition sample : samplesToPublish(own, samples)) {
            publish(sample, service, true);
        }
    }

    /** The samples that are not replaced by a definition of the folder with the same slug. */
    static List<Definition> samplesToPublish(List<Definition> own, List<Definition> samples) {
        Set<String> ownSlugs = new HashSet<>();
        own.forEach(d -> ownSlugs.add(d.slug()));
        List<Definition> kept = new ArrayList<>();
        for (Definition sample : samples) {
            if (ownSlugs.contains(sample.slug())) {
                LOG.infof(
                        "The sample story point %s is left out: the story point folder has a definition with that slug",
                        sample.slug());
            } else {
                kept.add(sample);
            }
        }
        return kept;
    }

    private static List<Definition> folder(Path folder, ObjectMapper mapper) {
        if (!Files.isDirectory(folder)) {
            LOG.infof("No story point folder at %s; nothing loaded from it", folder.toAbsolutePath());
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            LOG.errorf("Cannot read the story point folder %s: %s", folder, e.getMessage());
            return List.of();
        }
        List<Definition> definitions = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                definitions.add(definition(file.toString(), in, mapper));
            } catch (IOException e) {
                LOG.errorf("Story point file %s could not be read: %s", file, e.getMessage());
            }
        }
        return definitions;
    }

    /** Reads one definition; its slug is the one it names (checked again when it is published). */
    static Definition definition(String origin, InputStream in, ObjectMapper mapper) throws IOException {
        JsonNode document = mapper.readTree(in);
        return new Definition(origin, document.path("slug").asText(""), document);
    }

    private static void publish(Definition definition, StoryPointService service, boolean onlyIfNew) {
        try {
            Optional<StoryPointService.Published> result;
            try {
                result = attempt(definition, service, onlyIfNew);
            } catch (RuntimeException e) {
                // another replica may have created it at the same moment: once more
                if (e instanceof ProblemException) {
                    throw e;
                }
                result = attempt(definition, service, onlyIfNew);
            }
            result.filter(StoryPointService.Published::changed)
                    .ifPresent(r -> LOG.infof(
                            "Loaded story point %s (version %d) from %s",
                            definition.slug(), r.version(), definition.origin()));
        } catch (ProblemException e) {
            LOG.errorf(
                    "Story point definition %s is not valid and was skipped: %s %s",
                    definition.origin(),
                    e.getMessage(),
                    e.errors().stream()
                            .map(err -> err.field() + ": " + err.message())
                            .toList());
        }
    }

    private static void publishModule(JsonNode module, ModuleService modules) {
        String id = module.path("id").asText("");
        try {
            modules.publishIfNew(id, module)
                    .ifPresent(r ->
                            LOG.infof("Loaded sample module %s (version %d) from the application", id, r.version()));
        } catch (ProblemException e) {
            LOG.errorf(
                    "Sample module %s is not valid and was skipped: %s %s",
                    id,
                    e.getMessage(),
                    e.errors().stream()
                            .map(err -> err.field() + ": " + err.message())
                            .toList());
        }
    }

    private static Optional<StoryPointService.Published> attempt(
            Definition definition, StoryPointService service, boolean onlyIfNew) {
        if (onlyIfNew) {
            return service.publishIfNew(definition.slug(), definition.document());
        }
        return Optional.of(service.publish(definition.slug(), definition.document()));
    }
}
