package nl.vertelpunt.storypoint.definition;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The kinds of duidingsvragen a story point can ask. */
public enum QuestionType {
    /** A bipolar scale; the answer is an integer 0..100, or "NA" where allowed. */
    SLIDER,
    /** One option out of several. */
    CHOICE,
    /** Any subset of options, optionally at most {@code max}. */
    MULTICHOICE,
    /** A point in a triangle: three non-negative integers summing to 100. */
    TRIAD,
    /**
     * Items placed on a field of two bipolar axes: per item two integers 0..100 (across, up), or "NA" where allowed;
     * an item left off is unanswered.
     */
    STONES,
    /** A short free text. */
    TEXT;

    @JsonValue
    public String id() {
        return name().toLowerCase();
    }

    public static Optional<QuestionType> fromId(String id) {
        return Arrays.stream(values()).filter(t -> t.id().equals(id)).findFirst();
    }
}
