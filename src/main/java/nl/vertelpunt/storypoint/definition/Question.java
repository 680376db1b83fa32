package nl.vertelpunt.storypoint.definition;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * One duidingsvraag. Which fields are set depends on {@link #type()}: sliders have {@code left},
 * {@code right} and optionally {@code notApplicable}; choices have {@code options} (multichoice also
 * {@code max}); triads have three {@code corners}.
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
        List<LocalizedText> corners) {

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

    public Optional<Option> option(String optionId) {
        return options == null
                ? Optional.empty()
                : options.stream().filter(o -> o.id().equals(optionId)).findFirst();
    }
}
