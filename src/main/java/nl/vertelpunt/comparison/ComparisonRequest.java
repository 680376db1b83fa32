package nl.vertelpunt.comparison;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.util.List;
import nl.vertelpunt.evaluation.EvaluationSettings;
import nl.vertelpunt.story.StoryFilter;

/**
 * What to compare: the stories of the {@code focus} with those of the {@code reference}, pattern by pattern.
 *
 * <p>Two forms. Within one story point: {@code {"storyPoint": slug, "focus": {"filter": …}, "reference": "rest" |
 * {"filter": …}}}. Across the story points that include a question module: {@code {"module": id, "focus":
 * {"storyPoints": […]} | {"filter": …}, "reference": "rest" | {"storyPoints": […]} | {"filter": …}}}, where story
 * points are a condition on the module scope's variable {@code storyPoint}.
 *
 * @param settings   how each side is evaluated ("strong" as in a pattern evaluation); also {@code maxQ} for the
 *                   difference tests
 * @param resampling the seed and the numbers of bootstrap resamples and permutations
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComparisonRequest(
        String module,
        String storyPoint,
        Side focus,
        Reference reference,
        EvaluationSettings settings,
        ResamplingSettings resampling) {

    /** One side: stories of these story points (across a module only), or of a filter, or both. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Side(List<String> storyPoints, StoryFilter filter) {}

    /** The reference: the word {@code "rest"} (everything that is not the focus) or a side of its own. */
    @JsonDeserialize(using = Reference.Reader.class)
    public record Reference(String keyword, Side side) {

        public static final String REST = "rest";

        public static Reference rest() {
            return new Reference(REST, null);
        }

        public boolean isRest() {
            return REST.equals(keyword);
        }

        @JsonValue
        Object json() {
            return keyword != null ? keyword : side;
        }

        /** A text (checked as every text) or an object; anything else is refused naming {@code reference}. */
        static final class Reader extends JsonDeserializer<Reference> {
            @Override
            public Reference deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (p.hasToken(JsonToken.VALUE_STRING)) {
                    return new Reference(ctxt.readValue(p, String.class), null);
                }
                if (p.hasToken(JsonToken.START_OBJECT)) {
                    return new Reference(null, ctxt.readValue(p, Side.class));
                }
                return (Reference) ctxt.handleUnexpectedToken(Reference.class, p);
            }
        }
    }

    /**
     * Resampling for the intervals and tests that have no formula: the seed (the same seed, data and settings give
     * the same result byte for byte), bootstrap resamples per side, and permutations per difference test.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ResamplingSettings(Long seed, Integer bootstrap, Integer permutations) {

        public static final ResamplingSettings DEFAULTS = new ResamplingSettings(20_191_001L, 2_000, 2_000);

        public ResamplingSettings withDefaults() {
            return new ResamplingSettings(
                    seed != null ? seed : DEFAULTS.seed,
                    bootstrap != null ? bootstrap : DEFAULTS.bootstrap,
                    permutations != null ? permutations : DEFAULTS.permutations);
        }
    }

    /** This request with every default filled in, as it is stored and reported. */
    public ComparisonRequest normalized() {
        return new ComparisonRequest(
                module,
                storyPoint,
                focus,
                reference,
                (settings == null ? EvaluationSettings.DEFAULTS : settings).withDefaults(),
                (resampling == null ? ResamplingSettings.DEFAULTS : resampling).withDefaults());
    }
}
