package nl.vertelpunt.storypoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nl.vertelpunt.storypoint.definition.DefinitionValidator;
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
                .contains("voordejeugd", "twente");
        // and the modules they include, with which each is a valid definition
        assertThat(SampleStoryPoints.readModules(JSON))
                .extracting(m -> m.path("id").asText())
                .containsExactly("kern", "twente-gewoon-leven");
        for (String name : SampleStoryPoints.names()) {
            JsonNode expanded = SampleStoryPoints.expanded(name, JSON);
            ObjectNode plain = ((ObjectNode) expanded).deepCopy();
            plain.remove("modules");
            assertThat(DefinitionValidator.validate(plain)).as(name).isEmpty();
        }
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
