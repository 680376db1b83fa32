package nl.vertelpunt.storypoint.definition;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A text in several languages, keyed by language code; Dutch ({@code nl}) is always present. */
public record LocalizedText(Map<String, String> texts) {

    public LocalizedText {
        texts = Collections.unmodifiableMap(new LinkedHashMap<>(texts));
    }

    @JsonCreator
    public static LocalizedText of(Map<String, String> texts) {
        return new LocalizedText(texts);
    }

    public static LocalizedText nl(String dutch) {
        return new LocalizedText(Map.of("nl", dutch));
    }

    @JsonValue
    public Map<String, String> texts() {
        return texts;
    }

    /** The text in {@code language}, falling back to Dutch. */
    public String in(String language) {
        return texts.getOrDefault(language, texts.get("nl"));
    }
}
