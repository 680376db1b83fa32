package nl.vertelpunt.keyword;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import nl.vertelpunt.story.StoryFilter;
import nl.vertelpunt.web.StrictJson;

/**
 * Which two groups of stories to compare: {@code focus} (a filter, required) against {@code reference}: {@code "rest"}
 * (the default: every other story of the story point) or a filter of its own. {@code limit}: at most this many words
 * (default 50).
 */
public record KeywordRequest(StoryFilter focus, Reference reference, Integer limit) {

    /** The reference group: the rest of the story point (no filter), or the stories of a filter. */
    @JsonDeserialize(using = ReferenceReader.class)
    public record Reference(StoryFilter filter) {

        public static final Reference REST = new Reference(null);

        public boolean rest() {
            return filter == null;
        }
    }

    /** Reads {@code "rest"} or a filter object; anything else is refused, naming the field. */
    static final class ReferenceReader extends JsonDeserializer<Reference> {
        @Override
        public Reference deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING && "rest".equals(p.getText())) {
                return Reference.REST;
            }
            if (p.currentToken() == JsonToken.START_OBJECT) {
                return new Reference(ctxt.readValue(p, StoryFilter.class));
            }
            throw new StrictJson.Refusal(p, "must be \"rest\" or a filter object", Reference.class);
        }
    }
}
