package nl.vertelpunt.evaluation;

import java.util.List;
import nl.vertelpunt.storypoint.definition.Question;

/**
 * The answers of the stories in an evaluation, held as columns of primitives: one byte per story per
 * variable. Slider values are 0..100; choice variables hold the index of the chosen option. Negative
 * codes are missing values and never take part in a statistic: {@link #UNANSWERED},
 * {@link #NOT_APPLICABLE} and {@link #NOT_ASKED} (the question is not asked to the story's role).
 *
 * <p>A multichoice question becomes one yes/no variable per option ({@code question:option}, code 1 =
 * chosen, 0 = not chosen, missing when the question was not answered). The story's role is the
 * choice variable {@code role}.
 *
 * @param size        number of stories held
 * @param sliders     the slider variables
 * @param categories  the choice-like variables (role, choice questions, multichoice options)
 * @param triads      the triad questions, three share columns each
 * @param inBase      which stories belong to the evaluated set (the others only to a subset comparison)
 * @param inSubset    which stories belong to the subset of a subset comparison (the evaluated set and the
 *                    subset filter both hold), or null
 * @param inComparison which stories belong to the set the subset is compared with: the {@code against}
 *                    set, or without one the evaluated set; or null. A story can be in both sets: the
 *                    evaluation counts it only in the subset
 * @param fingerprint SHA-256 (hex) over the ids, roles, channels and answers of the evaluated set, in id order
 */
public record Dataset(
        int size,
        List<SliderVariable> sliders,
        List<CategoricalVariable> categories,
        List<TriadVariable> triads,
        boolean[] inBase,
        boolean[] inSubset,
        boolean[] inComparison,
        int baseSize,
        String fingerprint) {

    public static final byte UNANSWERED = -1;
    public static final byte NOT_APPLICABLE = -2;
    public static final byte NOT_ASKED = -3;

    /** A slider question's answers. */
    public record SliderVariable(String name, Question question, byte[] values) {}

    /**
     * A choice-like variable: its categories (option ids, roles, or no/yes) and each story's category index.
     *
     * @param family the question this variable comes from; two variables of one multichoice question
     *               share it and are never tested against each other
     */
    public record CategoricalVariable(
            String name,
            String family,
            Question question,
            List<String> categories,
            List<String> labels,
            byte[] codes) {}

    /** A triad question: three shares per story, {@link #UNANSWERED} where not answered. */
    public record TriadVariable(String name, Question question, byte[] a, byte[] b, byte[] c) {}
}
