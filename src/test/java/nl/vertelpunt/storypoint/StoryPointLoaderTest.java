package nl.vertelpunt.storypoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Which definitions are published at start-up. Plain JUnit: the samples come from the class path, as in the jar. */
class StoryPointLoaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldShipEverySampleOfTheRepositoryInTheApplication() throws Exception {
        List<String> inRepository;
        try (Stream<Path> files = Files.list(Path.of("samples/storypoints"))) {
            inRepository = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .sorted()
                    .toList();
        }
        assertThat(SampleStoryPoints.names()).isNotEmpty().isEqualTo(inRepository);
        assertThat(SampleStoryPoints.read(JSON))
                .extracting(StoryPointLoader.Definition::slug)
                .contains("voordejeugd");
    }

    @Test
    void shouldLeaveOutASampleWhoseSlugTheFolderHas() {
        StoryPointLoader.Definition own = definition("voordejeugd", "/srv/storypoints/voordejeugd.json");
        StoryPointLoader.Definition replaced = definition("voordejeugd", "the application");
        StoryPointLoader.Definition kept = definition("ander-voorbeeld", "the application");

        assertThat(StoryPointLoader.samplesToPublish(List.of(own), List.of(replaced, kept)))
                .containsExactly(kept);
        assertThat(StoryPointLoader.samplesToPublish(List.of(), List.of(replaced, kept)))
                .containsExactly(replaced, kept);
    }

    private static StoryPointLoader.Definition definition(String slug, String origin) {
        return new StoryPointLoader.Definition(
                origin, slug, JSON.createObjectNode().put("slug", slug));
    }
}
