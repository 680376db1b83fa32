package nl.vertelpunt.storypoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The sample story point definitions that ship inside the application. The build copies {@code samples/storypoints/*.json}
 * of the repository onto the class path under the same name (pom.xml), so they are there however and wherever the
 * service is started: from the repository, as {@code java -jar} from any folder, or in the container image.
 */
public final class SampleStoryPoints {

    private static final Logger LOG = Logger.getLogger(SampleStoryPoints.class);

    /** The folder on the class path, the same as in the repository. */
    public static final String RESOURCE_FOLDER = "samples/storypoints";
    /** The folder of the sample question modules that sample story points include (published first). */
    public static final String MODULE_FOLDER = "samples/modules";

    private SampleStoryPoints() {}

    /** The samples, in the order of their file names; one that cannot be read is reported and left out. */
    static List<StoryPointLoader.Definition> read(ObjectMapper mapper) {
        List<StoryPointLoader.Definition> samples = new ArrayList<>();
        for (String name : names(RESOURCE_FOLDER)) {
            try (InputStream in = open(RESOURCE_FOLDER, name)) {
                samples.add(StoryPointLoader.definition(
                        "the application (" + RESOURCE_FOLDER + "/" + name + ")", in, mapper));
            } catch (IOException e) {
                LOG.errorf("The sample story point %s could not be read: %s", name, e.getMessage());
            }
        }
        return samples;
    }

    /** The sample modules' documents, in the order of their file names; one that cannot be read is reported. */
    static List<JsonNode> readModules(ObjectMapper mapper) {
        List<JsonNode> modules = new ArrayList<>();
        for (String name : names(MODULE_FOLDER)) {
            try (InputStream in = open(MODULE_FOLDER, name)) {
                modules.add(mapper.readTree(in));
            } catch (IOException e) {
                LOG.errorf("The sample module %s could not be read: %s", name, e.getMessage());
            }
        }
        return modules;
    }

    /**
     * A sample's definition as publishing it makes it: with the questions of the sample modules it includes written
     * out (each sample module has one version). For {@code generate} and tests, which need no database.
     */
    public static JsonNode expanded(String name, ObjectMapper mapper) throws IOException {
        try (InputStream in = open(name)) {
            return expand(mapper.readTree(in), mapper);
        }
    }

    /** Any definition with the questions of the sample modules it includes written out, as {@link #expanded}. */
    public static JsonNode expand(JsonNode document, ObjectMapper mapper) {
        Map<String, JsonNode> modules = new HashMap<>();
        readModules(mapper).forEach(m -> modules.put(m.path("id").asText(), m));
        return StoryPointModules.expand((ObjectNode) document, new StoryPointModules.Modules() {
            @Override
            public boolean exists(String id) {
                return modules.containsKey(id);
            }

            @Override
            public Optional<StoryPointModules.Found> find(String id, Integer version) {
                return version == null || version == 1
                        ? Optional.of(new StoryPointModules.Found(
                                1, (ArrayNode) modules.get(id).get("questions")))
                        : Optional.empty();
            }
        });
    }

    /** One sample's definition, by its file name (such as {@code voordejeugd.json}). */
    public static InputStream open(String name) throws IOException {
        return open(RESOURCE_FOLDER, name);
    }

    private static InputStream open(String folder, String name) throws IOException {
        InputStream in = classLoader().getResourceAsStream(folder + "/" + name);
        if (in == null) {
            throw new IOException(folder + "/" + name + " is not in the application");
        }
        return in;
    }

    /** The file names of the sample story points ({@code *.json}), sorted. */
    public static List<String> names() {
        return names(RESOURCE_FOLDER);
    }

    /** The file names ({@code *.json}) in a sample folder, sorted: from a folder (tests, dev mode) or the jar. */
    static List<String> names(String resourceFolder) {
        URL folder = classLoader().getResource(resourceFolder);
        if (folder == null) {
            LOG.warnf("No samples in the application (%s is not on the class path)", resourceFolder);
            return List.of();
        }
        try {
            List<String> names = switch (folder.getProtocol()) {
                case "file" -> inFolder(Path.of(folder.toURI()));
                case "jar" -> inJar(folder, resourceFolder);
                default -> throw new IOException("cannot list " + folder);
            };
            return names.stream().filter(n -> n.endsWith(".json")).sorted().toList();
        } catch (IOException | URISyntaxException e) {
            LOG.errorf("The sample story points could not be listed: %s", e.getMessage());
            return List.of();
        }
    }

    private static List<String> inFolder(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static List<String> inJar(URL folder, String resourceFolder) throws IOException {
        JarURLConnection connection = (JarURLConnection) folder.openConnection();
        connection.setUseCaches(false);
        String prefix = resourceFolder + "/";
        List<String> names = new ArrayList<>();
        try (JarFile jar = connection.getJarFile()) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (name.startsWith(prefix) && !entry.isDirectory() && name.indexOf('/', prefix.length()) < 0) {
                    names.add(name.substring(prefix.length()));
                }
            }
        }
        return names;
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : SampleStoryPoints.class.getClassLoader();
    }
}
