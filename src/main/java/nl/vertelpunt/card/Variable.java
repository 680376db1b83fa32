package nl.vertelpunt.card;

import java.util.List;
import java.util.Optional;
import nl.vertelpunt.evaluation.EvaluationScope;
import nl.vertelpunt.evaluation.TriadZones;
import nl.vertelpunt.storypoint.definition.Option;
import nl.vertelpunt.storypoint.definition.Question;
import nl.vertelpunt.storypoint.definition.StonesAxis;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;

/**
 * A variable of an evaluation as people read it: the role, a question, one option of a multichoice question
 * ({@code question:option}), the zone of a triad ({@code triad:zone}), or in a module-wide evaluation the story point
 * ({@code storyPoint}, a choice of the evaluation's definition whose options are the story points), or one axis of an
 * item of a stones question ({@code question:item:x}, {@code question:item:y}), which reads as a slider of its own.
 *
 * @param name     the variable as the evaluation names it
 * @param question the question, or null for the role; for a stones axis the axis as a slider
 *                 ({@link StonesAxis#asSlider()})
 * @param option   for a multichoice option, the option; otherwise null
 * @param axis     for a stones axis, the axis; otherwise null
 */
record Variable(String name, Question question, Option option, StonesAxis axis) {

    static Variable of(String name, StoryPointDefinition definition) {
        if ("role".equals(name)) {
            return new Variable(name, null, null, null);
        }
        Optional<StonesAxis> axis = StonesAxis.parse(name, definition);
        if (axis.isPresent()) {
            return new Variable(name, axis.get().asSlider(), null, axis.get());
        }
        int colon = name.indexOf(':');
        String questionId = colon < 0 ? name : name.substring(0, colon);
        Question question = definition
                .question(questionId)
                .orElseThrow(() ->
                        new IllegalArgumentException("'" + questionId + "' is not a question of this story point"));
        if (name.equals(TriadZones.variable(questionId)) && question.corners() != null) {
            return new Variable(name, question, null, null);
        }
        Option option = colon < 0
                ? null
                : question.option(name.substring(colon + 1))
                        .orElseThrow(() ->
                                new IllegalArgumentException("'" + name + "' is not an option of this story point"));
        return new Variable(name, question, option, null);
    }

    /** SQL on alias {@code s} for a slider's stored JSON value (with {@link #sliderParams()}). */
    String sliderJson() {
        return axis == null ? "(s.answers -> ?)" : "(s.answers -> ? -> ? -> ?)";
    }

    /** SQL on alias {@code s} for a slider's value as a whole number (with {@link #sliderParams()}). */
    String sliderValue() {
        return axis == null ? "(s.answers ->> ?)::int" : "(s.answers -> ? -> ? ->> ?)::int";
    }

    /** The parameters of {@link #sliderJson()} and {@link #sliderValue()}. */
    List<Object> sliderParams() {
        return axis == null
                ? List.of(question.id())
                : List.of(axis.question().id(), axis.item().id(), axis.index());
    }

    /** Whether this is the zone of a triad ({@code triad:zone}). */
    boolean isZone() {
        return question != null && name.equals(TriadZones.variable(question.id()));
    }

    /** Whether this is a triad question itself. */
    boolean isTriad() {
        return question != null && question.corners() != null && !isZone();
    }

    /** The Dutch labels of a triad's corners. */
    List<String> corners() {
        return question.corners().stream().map(c -> c.in("nl")).toList();
    }

    boolean isRole() {
        return question == null;
    }

    /** Whether this is the story point a story was told at (a module-wide evaluation's {@code storyPoint}). */
    boolean isStoryPoint() {
        return EvaluationScope.STORY_POINT.equals(name);
    }

    /** Whether this is no question of the form but the role or the story point. */
    boolean isBuiltIn() {
        return isRole() || isStoryPoint();
    }

    Integer number() {
        return question == null || isStoryPoint() ? null : question.number();
    }

    /** The question's Dutch label as staff and cards show it (its short label, if it has one), "Rol" for the role. */
    String label() {
        if (isZone()) {
            return question.staffLabel().in("nl") + " – vak in de driehoek";
        }
        return question == null ? "Rol" : question.staffLabel().in("nl");
    }

    /** "vraag 3" or, for the role, "de rol", for the story point "het vertelpunt". */
    String reference() {
        return question == null ? "de rol" : isStoryPoint() ? "het vertelpunt" : "vraag " + question.number();
    }

    /** The left pole of a slider (Dutch). */
    String left() {
        return question == null || question.left() == null
                ? "0"
                : question.left().in("nl");
    }

    /** The right pole of a slider (Dutch). */
    String right() {
        return question == null || question.right() == null
                ? "100"
                : question.right().in("nl");
    }

    /** The Dutch label of the option itself (its short label, if it has one), for a multichoice option. */
    String optionLabel() {
        return option == null ? null : option.staffLabel().in("nl");
    }
}
