package nl.vertelpunt.storypoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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

    private SampleStoryPoints() {}

    /** The samples, in the order of their file names; one that cannot be read is reported and left out. */
    static List<StoryPointLoader.Definition> read(ObjectMapper mapper) {
        List<StoryPointLoader.Definition> samples = new ArrayList<>();
        for (String name : names()) {
            try (InputStream in = open(name)) {
                samples.add(StoryPointLoader.definition(
                        "the application (" + RESOURCE_FOLDER + "/" + name + ")", in, mapper));
            } catch (IOException e) {
                LOG.errorf("The sample story point %s could not be read: %s", name, e.getMessage());
            }
        }
        return samples;
    }

    /** One sample's definition, by its file name (such as {@code voordejeugd.json}). */
    public static InputStream open(String name) throws IOException {
        InputStream in = classLoader().getResourceAsStream(RESOURCE_FOLDER + "/" + name);
        if (in == null) {
            throw new IOException(RESOURCE_FOLDER + "/" + name + " is not in the application");
        }
        return in;
    }

    /** The file names of the samples ({@code *.json}), sorted: from a folder (tests, dev mode) or the application's jar. */
    public static List<String> names() {
        URL folder = classLoader().getResource(RESOURCE_FOLDER);
        if (folder == null) {
            LOG.warnf("No sample story points in the application (%s is not on the class path)", RESOURCE_FOLDER);
            return List.of();
        }
        try {
            List<String> names = switch (folder.getProtocol()) {
                case "file" -> inFolder(Path.of(folder.toURI()));
                case "jar" -> inJar(folder);
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

    private static List<String> inJar(URL folder) throws IOException {
        JarURLConnection connection = (JarURLConnection) folder.openConnection();
        connection.setUseCaches(false);
        String prefix = RESOURCE_FOLDER + "/";
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
