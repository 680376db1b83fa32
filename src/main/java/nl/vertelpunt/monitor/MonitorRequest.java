package nl.vertelpunt.monitor;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import nl.vertelpunt.story.StoryFilter;

/**
 * What to monitor: {@code indicators} per {@code interval} ("quarter", the default, or "month") over the stories that
 * pass {@code filter} (its {@code from} and {@code to} are the date range), and optionally a part of them ({@code
 * compare.filter}, e.g. one region) against the other stories.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MonitorRequest(List<Indicator> indicators, String interval, StoryFilter filter, Compare compare) {

    /**
     * One indicator: {@code share-at-least} (share of the stories answering slider {@code question} with
     * {@code threshold} or more), {@code median} (of slider {@code question}) or {@code share-option} (share of the
     * stories answering choice or multichoice {@code question} that chose {@code option}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Indicator(String kind, String question, Integer threshold, String option) {}

    /** The focus: stories that also pass {@code filter}, set against the other stories. */
    public record Compare(StoryFilter filter) {}
}
