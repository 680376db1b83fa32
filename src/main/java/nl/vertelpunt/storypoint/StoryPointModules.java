package nl.vertelpunt.storypoint;

import static nl.vertelpunt.web.JsonPaths.field;
import static nl.vertelpunt.web.JsonPaths.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.vertelpunt.storypoint.definition.DefinitionValidator;
import nl.vertelpunt.web.FieldError;
import nl.vertelpunt.web.ProblemException;

/**
 * Writes the questions of the modules a story point includes among its own questions, each block where the
 * definition says ({@code after} one of its own questions, or before them), and pins each module's version (the
 * current one when none is given). The result is an ordinary definition with a list of the modules it holds, so the
 * form, intake, exports and analysis need to know nothing of modules.
 *
 * <p>A question id is one question everywhere: a module's question id that the story point also uses for a question
 * of its own, or that two modules share, is refused. A question of the story point that equals the module's question
 * (a definition read back from the API and published again) is the module's and is left out.
 */
@ApplicationScoped
class StoryPointModules {

    private static final Pattern QUESTION_PATH = Pattern.compile("^questions\\[(\\d+)](.*)$");

    private final ModuleService modules;
    private final Definitions definitions;

    StoryPointModules(ModuleService modules, Definitions definitions) {
        this.modules = modules;
        this.definitions = definitions;
    }

    /** Where a question of the expanded definition came from: a module (its index in "modules") or the story point. */
    private record Origin(int module, int own) {}

    /**
     * The definition with its modules' questions written out, or the document itself when it includes none; refuses
     * (422) unknown modules or versions, colliding ids and numbers, and module questions that do not fit the story
     * point (a role it does not have), naming the module.
     */
    ObjectNode expand(ObjectNode document) {
        return expand(document, new Modules() {
            @Override
            public boolean exists(String id) {
                if (QuestionModule.findById(id) == null) {
                    return false;
                }
                // kept still until this story point is published: a module version is rewritten only while no
                // story point includes it
                modules.lock(id);
                return true;
            }

            @Override
            public Optional<Found> find(String id, Integer version) {
                return modules.resolve(id, version)
                        .map(v -> new Found(v.version, (ArrayNode)
                                definitions.tree(v.definition).get("questions")));
            }
        });
    }

    /** A module version found: its number and its questions. */
    record Found(int version, ArrayNode questions) {}

    /** Where modules are found: the database, or the samples that ship with the application. */
    interface Modules {
        /** Whether there is a module with this id. */
        boolean exists(String id);

        /** The module's version ({@code version}, or the current one when null); empty when it has no such version. */
        Optional<Found> find(String id, Integer version);
    }

    /** {@link #expand(ObjectNode)} with modules from {@code found}, without a database (the samples). */
    static ObjectNode expand(ObjectNode document, Modules found) {
        JsonNode uses = document.get("modules");
        if (uses == null || uses.isNull() || uses.isEmpty()) {
            ObjectNode plain = document.deepCopy();
            plain.remove("modules");
            return plain;
        }
        List<FieldError> errors = new ArrayList<>();
        ArrayNode own = (ArrayNode) document.get("questions");
        Map<String, Integer> ownIndex = new HashMap<>();
        for (int j = 0; j < own.size(); j++) {
            ownIndex.put(own.get(j).path("id").asText(), j);
        }
        boolean[] dropped = new boolean[own.size()];
        List<ArrayNode> blocks = new ArrayList<>();
        List<Integer> pinned = new ArrayList<>();
        Map<String, String> moduleOfQuestion = new HashMap<>();
        for (int i = 0; i < uses.size(); i++) {
            JsonNode use = uses.get(i);
            String id = use.get("id").asText();
            Integer asked = use.hasNonNull("version") ? use.get("version").asInt() : null;
            String path = index("modules", i);
            Optional<Found> version = Optional.empty();
            if (!found.exists(id)) {
                errors.add(new FieldError(field(path, "id"), "there is no module '" + id + "'"));
            } else {
                version = found.find(id, asked);
                if (version.isEmpty()) {
                    errors.add(new FieldError(field(path, "version"), "module '" + id + "' has no version " + asked));
                }
            }
            if (use.hasNonNull("after")
                    && !ownIndex.containsKey(use.get("after").asText())) {
                errors.add(new FieldError(
                        field(path, "after"),
                        "'" + use.get("after").asText() + "' is not one of this story point's own questions"));
            }
            ArrayNode block = version.map(Found::questions).orElseGet(document::arrayNode);
            blocks.add(block);
            pinned.add(version.map(Found::version).orElse(null));
            for (JsonNode q : block) {
                String qid = q.get("id").asText();
                String other = moduleOfQuestion.putIfAbsent(qid, id);
                if (other != null) {
                    errors.add(new FieldError(
                            field(path, "id"),
                            "question '" + qid + "' of module '" + id + "' is also a question of module '" + other
                                    + "'; a question id must mean one question"));
                }
                Integer j = ownIndex.get(qid);
                if (j != null) {
                    if (own.get(j).equals(q)) {
                        dropped[j] = true;
                    } else {
                        errors.add(new FieldError(
                                field(index("questions", j), "id"),
                                "'" + qid + "' is a question of module '" + id + "'; change it in the module, or give"
                                        + " this question another id"));
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }

        ArrayNode questions = document.arrayNode();
        List<Origin> origins = new ArrayList<>();
        Map<String, List<Integer>> after = new LinkedHashMap<>();
        for (int i = 0; i < uses.size(); i++) {
            JsonNode a = uses.get(i).get("after");
            after.computeIfAbsent(a == null || a.isNull() ? "" : a.asText(), k -> new ArrayList<>())
                    .add(i);
        }
        addBlocks(after.get(""), blocks, questions, origins);
        for (int j = 0; j < own.size(); j++) {
            if (!dropped[j]) {
                questions.add(own.get(j));
                origins.add(new Origin(-1, j));
            }
            addBlocks(after.get(own.get(j).path("id").asText()), blocks, questions, origins);
        }

        ObjectNode expanded = document.deepCopy();
        expanded.set("questions", questions);
        expanded.remove("modules");
        List<FieldError> problems = DefinitionValidator.validate(expanded);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems.stream()
                    .map(e -> where(e, origins, uses, questions))
                    .toList());
        }
        ArrayNode pins = expanded.putArray("modules");
        for (int i = 0; i < uses.size(); i++) {
            ObjectNode pin =
                    pins.addObject().put("id", uses.get(i).get("id").asText()).put("version", pinned.get(i));
            JsonNode a = uses.get(i).get("after");
            if (a != null && !a.isNull()) {
                pin.put("after", a.asText());
            }
        }
        return expanded;
    }

    private static void addBlocks(
            List<Integer> which, List<ArrayNode> blocks, ArrayNode questions, List<Origin> origins) {
        if (which == null) {
            return;
        }
        for (int i : which) {
            for (JsonNode q : blocks.get(i)) {
                questions.add(q);
                origins.add(new Origin(i, -1));
            }
        }
    }

    /** A problem of the expanded definition, named where the author can fix it: their question, or the module. */
    private static FieldError where(FieldError e, List<Origin> origins, JsonNode uses, ArrayNode questions) {
        Matcher m = QUESTION_PATH.matcher(e.field());
        if (!m.matches()) {
            return e;
        }
        int k = Integer.parseInt(m.group(1));
        Origin origin = origins.get(k);
        if (origin.module() < 0) {
            return new FieldError("questions[" + origin.own() + "]" + m.group(2), e.message());
        }
        String module = uses.get(origin.module()).get("id").asText();
        String question = questions.get(k).path("id").asText();
        String inside = m.group(2).startsWith(".") ? m.group(2).substring(1) + ": " : "";
        return new FieldError(
                index("modules", origin.module()),
                "question '" + question + "' of module '" + module + "' does not fit this story point: " + inside
                        + e.message());
    }
}
