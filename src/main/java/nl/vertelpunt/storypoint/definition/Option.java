package nl.vertelpunt.storypoint.definition;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An option of a choice or multichoice question. A {@code retired} option is no longer offered but
 * keeps its meaning for answers already given.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Option(String id, LocalizedText label, Boolean retired) {

    /** Whether the option is still offered to storytellers. */
    public boolean offered() {
        return !Boolean.TRUE.equals(retired);
    }
}
