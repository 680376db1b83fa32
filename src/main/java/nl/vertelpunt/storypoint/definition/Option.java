package nl.vertelpunt.storypoint.definition;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * An option of a choice or multichoice question. A {@code retired} option is no longer offered but
 * keeps its meaning for answers already given. {@code labelByRole} words it for the storytellers of a role; the
 * neutral {@code label} (or the optional {@code shortLabel}) is what analysis, exports and cards use.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Option(
        String id,
        LocalizedText label,
        Boolean retired,
        LocalizedText shortLabel,
        Map<String, LocalizedText> labelByRole) {

    /** An option with only a neutral label. */
    public static Option of(String id, LocalizedText label) {
        return new Option(id, label, null, null, null);
    }

    /** The option as storytellers of the role read it. */
    public LocalizedText label(String role) {
        return Question.byRole(labelByRole, role, label);
    }

    /** The option as staff see it in charts and filters: the short label, or the label. */
    public LocalizedText staffLabel() {
        return shortLabel != null ? shortLabel : label;
    }

    /** Whether the option is still offered to storytellers. */
    public boolean offered() {
        return !Boolean.TRUE.equals(retired);
    }
}
