package nl.vertelpunt.storypoint.definition;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A role a storyteller chooses at the start, such as jongere, ouder or professional. The {@code label} is what the
 * storyteller reads on the button, a statement about themselves ("Ik ben een kind of jongere"); the optional
 * {@code shortLabel} is how staff see the role in charts, filters and on cards ("Jongere").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Role(String id, LocalizedText label, LocalizedText shortLabel) {

    /** The role as staff see it: the short label, or the label. */
    public LocalizedText staffLabel() {
        return shortLabel != null ? shortLabel : label;
    }
}
