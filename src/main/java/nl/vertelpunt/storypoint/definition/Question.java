package nl.vertelpunt.storypoint.definition;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One duidingsvraag. Which fields are set depends on {@link #type()}: sliders have {@code left},
 * {@code right} and optionally {@code notApplicable}; choices have {@code options} (multichoice also
 * {@code max}); triads have three {@code corners}; stones have {@code items} placed on a field of two bipolar axes,
 * {@code left}–{@code right} across and {@code bottom}–{@code top} up, and optionally {@code notApplicable}. A question may be worded for each role that answers it
 * ({@code labelByRole}, {@code helpByRole}, {@code leftByRole}, {@code rightByRole}; options likewise): a young person
 * reads "Kreeg jij de hulp die je nodig had?", a parent "Kreeg uw kind…". It stays one question: analysis, exports
 * and cards use its neutral {@code label}, or the optional {@code shortLabel} in charts and filters.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Question(
        String id,
        int number,
        QuestionType type,
        LocalizedText label,
        LocalizedText help,
        Boolean required,
        List<String> roles,
        LocalizedText left,
        LocalizedText right,
        Boolean notApplicable,
        List<Option> options,
        Integer max,
        List<LocalizedText> corners,
        LocalizedText shortLabel,
        Map<String, LocalizedText> labelByRole,
        Map<String, LocalizedText> helpByRole,
        Map<String, LocalizedText> leftByRole,
        Map<String, LocalizedText> rightByRole,
        LocalizedText bottom,
        LocalizedText top,
        List<Option> items) {

    /** A question of any type but stones, which alone has {@code bottom}, {@code top} and {@code items}. */
    public Question(
            String id,
            int number,
            QuestionType type,
            LocalizedText label,
            LocalizedText help,
            Boolean required,
            List<String> roles,
            LocalizedText left,
            LocalizedText right,
            Boolean notApplicable,
            List<Option> options,
            Integer max,
            List<LocalizedText> corners,
            LocalizedText shortLabel,
            Map<String, LocalizedText> labelByRole,
            Map<String, LocalizedText> helpByRole,
            Map<String, LocalizedText> leftByRole,
            Map<String, LocalizedText> rightByRole) {
        this(
                id,
                number,
                type,
                label,
                help,
                required,
                roles,
                left,
                right,
                notApplicable,
                options,
                max,
                corners,
                shortLabel,
                labelByRole,
                helpByRole,
                leftByRole,
                rightByRole,
                null,
                null,
                null);
    }

    /** Longest answer to a text question, in characters. */
    public static final int MAX_TEXT_ANSWER = 1000;
    /** The answer "not applicable" to a slider that allows it. */
    public static final String NOT_APPLICABLE = "NA";

    public boolean mustBeAnswered() {
        return Boolean.TRUE.equals(required);
    }

    public boolean allowsNotApplicable() {
        return Boolean.TRUE.equals(notApplicable);
    }

    /** Whether this question is shown to storytellers with the given role. */
    public boolean isAskedTo(String role) {
        return roles == null || roles.contains(role);
    }

    /** The question as storytellers of the role read it. */
    public LocalizedText label(String role) {
        return byRole(labelByRole, role, label);
    }

    /** The question as staff see it in charts and filters: the short label, or the label. */
    public LocalizedText staffLabel() {
        return shortLabel != null ? shortLabel : label;
    }

    /** The wording for a role, or the neutral one. */
    static LocalizedText byRole(Map<String, LocalizedText> byRole, String role, LocalizedText neutral) {
        return byRole == null || role == null ? neutral : byRole.getOrDefault(role, neutral);
    }

    /** An item of a stones question. */
    public Optional<Option> item(String itemId) {
        return items == null
                ? Optional.empty()
                : items.stream().filter(o -> o.id().equals(itemId)).findFirst();
    }

    public Optional<Option> option(String optionId) {
        return options == null
                ? Optional.empty()
                : options.stream().filter(o -> o.id().equals(optionId)).findFirst();
    }
}
