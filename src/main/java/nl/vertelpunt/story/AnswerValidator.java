package nl.vertelpunt.story;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.vertelpunt.storypoint.definition.Option;
import nl.vertelpunt.storypoint.definition.Question;
import nl.vertelpunt.storypoint.definition.QuestionType;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import nl.vertelpunt.web.FieldError;
import nl.vertelpunt.web.JsonBodies;
import nl.vertelpunt.web.Texts;

/**
 * Checks the answers to a story's questions against the story point and brings them into their
 * stored form:
 * slider an integer 0..100 or "NA"; choice an option id; multichoice a list of option ids in the
 * order of the options; triad three integers summing to 100; stones an object from item ids to {@code [x, y]}
 * (two integers 0..100) or "NA", in the order of the items; text a string.
 * A missing answer, {@code null}, an empty list (for stones an empty object) or a blank text means unanswered and is not stored.
 */
public final class AnswerValidator {

    /** The stored answers and how many questions they answer ("not applicable" counts as an answer). */
    public record Result(ObjectNode answers, int answered) {}

    /** How strict intake is: the online form enforces required questions and offers no retired options; imports of older data do neither. */
    public enum Mode {
        FORM,
        IMPORT
    }

    public static final String NOT_APPLICABLE = Question.NOT_APPLICABLE;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AnswerValidator() {}

    /**
     * @param raw         answers by question id, as given
     * @param fieldPrefix how errors name an answer, e.g. {@code "answers."}
     * @param errors      where problems are added
     */
    public static Result validate(
            StoryPointDefinition definition,
            String role,
            Map<String, JsonNode> raw,
            String fieldPrefix,
            Mode mode,
            List<FieldError> errors) {
        for (String id : raw.keySet()) {
            if (definition.question(id).isEmpty()) {
                errors.add(new FieldError(fieldPrefix + id, "is not a question of this story point"));
            }
        }
        ObjectNode answers = NODES.objectNode();
        int answered = 0;
        for (Question q : definition.questions()) {
            JsonNode value = raw.get(q.id());
            String field = fieldPrefix + q.id();
            boolean given = value != null
                    && !value.isNull()
                    && !(value.isArray() && value.isEmpty())
                    && !(value.isObject() && value.isEmpty() && q.type() == QuestionType.STONES)
                    && !(value.isTextual() && Texts.isBlank(value.asText()));
            if (!given) {
                if (mode == Mode.FORM && q.mustBeAnswered() && role != null && q.isAskedTo(role)) {
                    errors.add(new FieldError(field, "is required"));
                }
                continue;
            }
            if (role != null && !q.isAskedTo(role)) {
                errors.add(new FieldError(field, "is not asked to storytellers with role '" + role + "'"));
                continue;
            }
            JsonNode stored = switch (q.type()) {
                case SLIDER -> slider(q, value, field, errors);
                case CHOICE -> choice(q, value, field, mode, errors);
                case MULTICHOICE -> multichoice(q, value, field, mode, errors);
                case TRIAD -> triad(value, field, errors);
                case STONES -> stones(q, value, field, mode, errors);
                case TEXT -> text(value, field, errors);
            };
            if (stored != null) {
                answers.set(q.id(), stored);
                answered++;
            }
        }
        return new Result(answers, answered);
    }

    private static JsonNode slider(Question q, JsonNode value, String field, List<FieldError> errors) {
        if (value.isTextual() && value.asText().equals(NOT_APPLICABLE)) {
            if (!q.allowsNotApplicable()) {
                errors.add(new FieldError(field, "\"NA\" (not applicable) is not allowed for this question"));
                return null;
            }
            return NODES.textNode(NOT_APPLICABLE);
        }
        if (!JsonBodies.isInteger(value) || value.asInt() < 0 || value.asInt() > 100) {
            errors.add(new FieldError(
                    field, "must be a whole number from 0 to 100" + (q.allowsNotApplicable() ? " or \"NA\"" : "")));
            return null;
        }
        return NODES.numberNode(value.asInt());
    }

    private static JsonNode choice(Question q, JsonNode value, String field, Mode mode, List<FieldError> errors) {
        if (!value.isTextual()) {
            errors.add(new FieldError(field, "must be one option id"));
            return null;
        }
        if (!offers(q, value.asText(), mode)) {
            errors.add(new FieldError(field, "'" + value.asText() + "' is not an option of this question"));
            return null;
        }
        return NODES.textNode(value.asText());
    }

    private static JsonNode multichoice(Question q, JsonNode value, String field, Mode mode, List<FieldError> errors) {
        if (!value.isArray()) {
            errors.add(new FieldError(field, "must be a list of option ids"));
            return null;
        }
        Set<String> chosen = new HashSet<>();
        boolean ok = true;
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String itemField = field + "[" + i + "]";
            if (!item.isTextual()) {
                errors.add(new FieldError(itemField, "must be an option id"));
                ok = false;
            } else if (!offers(q, item.asText(), mode)) {
                errors.add(new FieldError(itemField, "'" + item.asText() + "' is not an option of this question"));
                ok = false;
            } else if (!chosen.add(item.asText())) {
                errors.add(new FieldError(itemField, "'" + item.asText() + "' is chosen twice"));
                ok = false;
            }
        }
        if (q.max() != null && chosen.size() > q.max()) {
            errors.add(new FieldError(field, "at most " + q.max() + " options may be chosen, not " + chosen.size()));
            ok = false;
        }
        if (!ok) {
            return null;
        }
        ArrayNode stored = NODES.arrayNode();
        for (Option o : q.options()) {
            if (chosen.contains(o.id())) {
                stored.add(o.id());
            }
        }
        return stored;
    }

    private static boolean offers(Question q, String optionId, Mode mode) {
        return q.option(optionId)
                .filter(o -> mode == Mode.IMPORT || o.offered())
                .isPresent();
    }

    private static JsonNode triad(JsonNode value, String field, List<FieldError> errors) {
        if (!value.isArray() || value.size() != 3) {
            errors.add(new FieldError(field, "must be a list of three whole numbers that add up to 100"));
            return null;
        }
        int sum = 0;
        for (Iterator<JsonNode> it = value.elements(); it.hasNext(); ) {
            JsonNode share = it.next();
            if (!JsonBodies.isInteger(share) || share.asInt() < 0 || share.asInt() > 100) {
                errors.add(new FieldError(
                        field, "must be a list of three whole numbers from 0 to 100 that add up to 100"));
                return null;
            }
            sum += share.asInt();
        }
        if (sum != 100) {
            errors.add(new FieldError(field, "the three numbers add up to " + sum + ", not 100"));
            return null;
        }
        ArrayNode stored = NODES.arrayNode();
        value.forEach(v -> stored.add(v.asInt()));
        return stored;
    }

    /**
     * Stones: {@code {"item": [x, y]}} with whole numbers 0..100, or {@code "NA"} for an item where the question allows
     * it; an item left out is not placed. Stored in the order of the question's items.
     */
    private static JsonNode stones(Question q, JsonNode value, String field, Mode mode, List<FieldError> errors) {
        if (!value.isObject()) {
            errors.add(new FieldError(
                    field, "must be an object from item ids to [x, y], two whole numbers from 0 to 100"));
            return null;
        }
        boolean ok = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String itemField = field + "." + e.getKey();
            JsonNode place = e.getValue();
            if (q.item(e.getKey())
                    .filter(i -> mode == Mode.IMPORT || i.offered())
                    .isEmpty()) {
                errors.add(new FieldError(itemField, "is not an item of this question"));
                ok = false;
            } else if (place.isTextual() && place.asText().equals(NOT_APPLICABLE)) {
                if (!q.allowsNotApplicable()) {
                    errors.add(new FieldError(itemField, "\"NA\" (not applicable) is not allowed for this question"));
                    ok = false;
                }
            } else if (!place.isArray()
                    || place.size() != 2
                    || !coordinate(place.get(0))
                    || !coordinate(place.get(1))) {
                errors.add(new FieldError(
                        itemField,
                        "must be [x, y], two whole numbers from 0 to 100"
                                + (q.allowsNotApplicable() ? ", or \"NA\"" : "")));
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        ObjectNode stored = NODES.objectNode();
        for (Option item : q.items()) {
            JsonNode place = value.get(item.id());
            if (place == null) {
                continue;
            }
            if (place.isTextual()) {
                stored.put(item.id(), NOT_APPLICABLE);
            } else {
                stored.putArray(item.id())
                        .add(place.get(0).asInt())
                        .add(place.get(1).asInt());
            }
        }
        return stored;
    }

    private static boolean coordinate(JsonNode value) {
        return JsonBodies.isInteger(value) && value.asInt() >= 0 && value.asInt() <= 100;
    }

    private static JsonNode text(JsonNode value, String field, List<FieldError> errors) {
        if (!value.isTextual()) {
            errors.add(new FieldError(field, "must be a text"));
            return null;
        }
        if (StoryRules.length(value.asText()) > Question.MAX_TEXT_ANSWER) {
            errors.add(new FieldError(field, "is longer than " + Question.MAX_TEXT_ANSWER + " characters"));
            return null;
        }
        return NODES.textNode(value.asText());
    }
}
