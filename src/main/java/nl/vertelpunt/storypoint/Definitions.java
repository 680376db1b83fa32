package nl.vertelpunt.storypoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import nl.vertelpunt.storypoint.definition.ModuleDefinition;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;

/**
 * Turns definition documents into objects and back into their canonical JSON, and keeps parsed
 * definitions in memory by version and revision, so intake does not parse JSON per story.
 */
@ApplicationScoped
public class Definitions {

    private record Cached(int revision, StoryPointDefinition definition) {}

    private final ObjectMapper mapper;
    private final Map<Long, Cached> byVersion = new ConcurrentHashMap<>();

    Definitions(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Converts an already validated document. */
    public StoryPointDefinition fromValidated(JsonNode document) {
        try {
            return mapper.treeToValue(document, StoryPointDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a validated definition could not be read: " + e.getOriginalMessage(), e);
        }
    }

    public StoryPointDefinition parse(String canonicalJson) {
        try {
            return mapper.readValue(canonicalJson, StoryPointDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored definition could not be read: " + e.getOriginalMessage(), e);
        }
    }

    /** Converts an already validated module document. */
    public ModuleDefinition moduleFromValidated(JsonNode document) {
        try {
            return mapper.treeToValue(document, ModuleDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a validated module could not be read: " + e.getOriginalMessage(), e);
        }
    }

    public ModuleDefinition parseModule(String canonicalJson) {
        try {
            return mapper.readValue(canonicalJson, ModuleDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored module could not be read: " + e.getOriginalMessage(), e);
        }
    }

    /** A stored definition (of a story point or a module) as a JSON tree. */
    public JsonNode tree(String canonicalJson) {
        try {
            return mapper.readTree(canonicalJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored definition could not be read: " + e.getOriginalMessage(), e);
        }
    }

    public String canonical(Object definition) {
        try {
            return mapper.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The definition of a version at a revision, parsed once. */
    public StoryPointDefinition get(long versionId, int revision, Supplier<String> json) {
        Cached cached = byVersion.get(versionId);
        if (cached == null || cached.revision() != revision) {
            cached = new Cached(revision, parse(json.get()));
            byVersion.put(versionId, cached);
        }
        return cached.definition();
    }
}
