package nl.vertelpunt.story.imports;

import static nl.vertelpunt.story.imports.MappingChecks.describe;
import static nl.vertelpunt.story.imports.MappingChecks.field;
import static nl.vertelpunt.story.imports.MappingChecks.path;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.vertelpunt.storypoint.definition.Option;
import nl.vertelpunt.storypoint.definition.Question;
import nl.vertelpunt.storypoint.definition.QuestionType;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;

/**
 * How cells name the options of a choice: {@code values} (cell texts to option ids), {@code writeIns} (what
 * happens to a cell that names no option, and which text question receives it, at most one sender per
 * question), and the wording of both in a dry run's explanation and in problems.
 */
final class OptionMapping {

    private final MappingChecks checks;
    private final StoryPointDefinition definition;
    /** Text questions that receive write-ins, with the place in the mapping that sends them. */
    private final List<Map.Entry<String, String>> writeInTargets = new ArrayList<>();

    OptionMapping(MappingChecks checks, StoryPointDefinition definition) {
        this.checks = checks;
        this.definition = definition;
    }

    /** A read's {@code values}: cell texts (stripped) to option ids of {@code q}, null meaning no answer. */
    AnswerReads.OptionNames optionNames(Question q, JsonNode values, String p) {
        Set<String> ids = q.options() == null
                ? Set.of()
                : q.options().stream().map(Option::id).collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, String> map = new LinkedHashMap<>();
        if (values == null || values.isNull()) {
            return new AnswerReads.OptionNames(map, ids);
        }
        if (!values.isObject()) {
            checks.error(
                    p,
                    "must be an object of cell texts to option ids: {\"<cell>\": \"<option id>\"} (null: no answer)");
            return new AnswerReads.OptionNames(map, ids);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode target = e.getValue();
            if (target.isNull()) {
                map.put(e.getKey().strip(), null);
            } else if (!target.isTextual() || !ids.contains(target.asText())) {
                checks.error(field(p, e.getKey()), notAnOption(q, target));
            } else {
                map.put(e.getKey().strip(), target.asText());
            }
        }
        return new AnswerReads.OptionNames(map, ids);
    }

    /** A read's {@code writeIns}: refuse (the default), ignore, or keep as text in a text question. */
    AnswerReads.WriteIns writeIns(JsonNode node, String p) {
        if (node == null || node.isNull() || (node.isTextual() && node.asText().equals("error"))) {
            return new AnswerReads.WriteIns.Refuse();
        }
        if (node.isTextual() && node.asText().equals("ignore")) {
            return new AnswerReads.WriteIns.Ignore();
        }
        if (node.isObject() && node.size() == 1 && node.has("question")) {
            JsonNode target = node.get("question");
            Optional<Question> q = target.isTextual() ? definition.question(target.asText()) : Optional.empty();
            if (q.isEmpty() || q.get().type() != QuestionType.TEXT) {
                checks.error(
                        field(p, "question"),
                        "must be a text question of this story point; text questions are "
                                + definition.questions().stream()
                                        .filter(t -> t.type() == QuestionType.TEXT)
                                        .map(Question::id)
                                        .toList());
                return new AnswerReads.WriteIns.Refuse();
            }
            writeInTargets.add(Map.entry(target.asText(), p));
            return new AnswerReads.WriteIns.ToQuestion(target.asText());
        }
        checks.error(p, "must be \"error\" (the default), \"ignore\" or {\"question\": \"<text question id>\"}");
        return new AnswerReads.WriteIns.Refuse();
    }

    /** Refuses a text question that write-ins go to while it is mapped itself or receives write-ins twice. */
    void checkWriteInTargets(JsonNode questions) {
        Map<String, String> filledBy = new HashMap<>();
        if (questions != null && questions.isObject()) {
            questions.fieldNames().forEachRemaining(id -> filledBy.put(id, path("questions." + id)));
        }
        for (Map.Entry<String, String> target : writeInTargets) {
            String other = filledBy.putIfAbsent(target.getKey(), target.getValue());
            if (other != null) {
                checks.error(
                        field(target.getValue(), "question"),
                        "'" + target.getKey() + "' is already answered by " + other);
            }
        }
    }

    // ---- messages -------------------------------------------------------------------------------------

    static String lookupHow(AnswerReads.OptionNames names, Question q) {
        return (names.values().isEmpty()
                        ? ""
                        : "cell looked up in values (" + describe(names.values()) + "), otherwise ")
                + "taken as an option id (" + optionIds(q) + ")";
    }

    static String writeInsHow(AnswerReads.WriteIns writeIns) {
        if (writeIns instanceof AnswerReads.WriteIns.ToQuestion to) {
            return "other texts (write-ins) are kept as text in '" + to.question() + "'";
        }
        return writeIns instanceof AnswerReads.WriteIns.Ignore
                ? "other texts (write-ins) are ignored"
                : "other texts are refused";
    }

    static String optionIds(Question q) {
        return q.options() == null ? "" : q.options().stream().map(Option::id).collect(Collectors.joining(", "));
    }

    static String notAnOption(Question q, JsonNode value) {
        return "'" + value.asText() + "' is not an option of '" + q.id() + "' (" + optionIds(q) + ")";
    }
}
