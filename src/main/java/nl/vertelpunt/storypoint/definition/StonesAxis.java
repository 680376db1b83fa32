package nl.vertelpunt.storypoint.definition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One axis of one item of a stones question, which analysis reads as a slider variable of its own:
 * {@code question:item:x} (across, from {@code left} to {@code right}) and {@code question:item:y} (up, from
 * {@code bottom} to {@code top}). A stored answer {@code {"item": [x, y]}} holds the axis at {@link #index()}.
 *
 * @param question the stones question
 * @param item     the item placed
 * @param vertical false for the x axis (across), true for the y axis (up)
 */
public record StonesAxis(Question question, Option item, boolean vertical) {

    /** The variable name: {@code question:item:x} or {@code question:item:y}. */
    public String variable() {
        return question.id() + ":" + item.id() + ":" + (vertical ? "y" : "x");
    }

    /** Where the axis is in a stored answer {@code [x, y]}. */
    public int index() {
        return vertical ? 1 : 0;
    }

    /** The pole at 0: left, or bottom. */
    public LocalizedText low() {
        return vertical ? question.bottom() : question.left();
    }

    /** The pole at 100: right, or top. */
    public LocalizedText high() {
        return vertical ? question.top() : question.right();
    }

    /**
     * The label staff read, in every language of the question: "Steun: Familie (ver weg – dichtbij)", the question's
     * short label (or label), the item's, and the axis's two poles.
     */
    public LocalizedText label() {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String language : question.staffLabel().texts().keySet()) {
            texts.put(
                    language,
                    question.staffLabel().in(language) + ": "
                            + item.staffLabel().in(language) + " (" + low().in(language) + " – " + high().in(language)
                            + ")");
        }
        return LocalizedText.of(texts);
    }

    /**
     * The axis as a slider question, for analysis and cards: its id is the variable name, its number the stones
     * question's, its label {@link #label()}, its poles the axis's poles; "not applicable" as the question allows.
     */
    public Question asSlider() {
        return new Question(
                variable(),
                question.number(),
                QuestionType.SLIDER,
                label(),
                null,
                null,
                question.roles(),
                low(),
                high(),
                question.notApplicable(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** Every axis of a stones question: per item (retired ones too: they keep their answers) x, then y. */
    public static List<StonesAxis> of(Question question) {
        List<StonesAxis> axes = new ArrayList<>();
        if (question.type() == QuestionType.STONES && question.items() != null) {
            for (Option item : question.items()) {
                axes.add(new StonesAxis(question, item, false));
                axes.add(new StonesAxis(question, item, true));
            }
        }
        return axes;
    }

    /** The axis a variable name ({@code question:item:x} or {@code question:item:y}) names, if it names one. */
    public static Optional<StonesAxis> parse(String variable, StoryPointDefinition definition) {
        String[] parts = variable.split(":", -1);
        if (parts.length != 3 || !(parts[2].equals("x") || parts[2].equals("y"))) {
            return Optional.empty();
        }
        return definition
                .question(parts[0])
                .filter(q -> q.type() == QuestionType.STONES)
                .flatMap(q -> q.item(parts[1]).map(item -> new StonesAxis(q, item, parts[2].equals("y"))));
    }
}
