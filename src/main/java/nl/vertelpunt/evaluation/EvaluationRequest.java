package nl.vertelpunt.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import nl.vertelpunt.story.StoryFilter;

/**
 * What to evaluate: the stories of a story point that pass {@code filter}, with {@code settings}; or (with
 * {@code module} instead of {@code storyPoint}) the stories of every story point that includes a question module, or of
 * those of them listed in {@code storyPoints}; and optionally a subset of them compared question by question with the
 * rest, or with another filter.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationRequest(
        String storyPoint,
        String module,
        List<String> storyPoints,
        StoryFilter filter,
        EvaluationSettings settings,
        Subset subset) {

    /**
     * A subset comparison: stories that also pass {@code filter}, against the other stories of the
     * evaluated set, or (with {@code against}) against the stories that pass that filter instead.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    /** A request for one story point's stories. */
    public static EvaluationRequest of(
            String storyPoint, StoryFilter filter, EvaluationSettings settings, Subset subset) {
        return new EvaluationRequest(storyPoint, null, null, filter, settings, subset);
    }

    public record Subset(StoryFilter filter, StoryFilter against) {}

    /** This request with every default filled in, as it is stored and reported. */
    public EvaluationRequest normalized() {
        return new EvaluationRequest(
                storyPoint,
                module,
                storyPoints,
                filter == null ? StoryFilter.all() : filter,
                (settings == null ? EvaluationSettings.DEFAULTS : settings).withDefaults(),
                subset);
    }
}
