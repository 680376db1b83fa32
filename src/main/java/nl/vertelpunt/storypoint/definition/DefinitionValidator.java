package nl.vertelpunt.storypoint.definition;

import static nl.vertelpunt.web.JsonPaths.field;
import static nl.vertelpunt.web.JsonPaths.index;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import nl.vertelpunt.web.FieldError;
import nl.vertelpunt.web.JsonBodies;
import nl.vertelpunt.web.Texts;

/**
 * Checks a story point definition document strictly and lists every problem with the place where it
 * is: unknown fields, missing or mistyped values, duplicate ids, references to roles that do not exist.
 * Only a document without problems is turned into a {@link StoryPointDefinition}.
 */
public final class DefinitionValidator {

    public static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9-]{1,63}$");
    public static final Pattern ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$");
    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2}$");
    /** Names that are columns of the story CSV format or analysis variables of their own. */
    public static final Set<String> RESERVED_QUESTION_IDS =
            Set.of("id", "submitted_at", "role", "channel", "language", "title", "text", "storyPoint");

    private static final int MAX_TEXT = 5000;
    private static final int MAX_QUESTIONS = 200;
    private static final int MAX_OPTIONS = 100;
    private static final int MAX_ROLES = 20;
    /** More stones than this do not fit on a phone's field. */
    public static final int MAX_ITEMS = 12;

    private static final Set<String> TOP_FIELDS = Set.of(
            "slug",
            "title",
            "intro",
            "privacy",
            "crisisHelp",
            "roles",
            "storyPrompt",
            "completeness",
            "questions",
            "suppressionThreshold",
            "modules");
    private static final Set<String> MODULE_FIELDS = Set.of("id", "title", "description", "questions");
    private static final int MAX_MODULES = 20;
    private static final Set<String> COMMON_QUESTION_FIELDS = Set.of(
            "id", "number", "type", "label", "help", "required", "roles", "shortLabel", "labelByRole", "helpByRole");
    private static final Map<QuestionType, Set<String>> TYPE_FIELDS = Map.of(
            QuestionType.SLIDER, Set.of("left", "right", "notApplicable", "leftByRole", "rightByRole"),
            QuestionType.CHOICE, Set.of("options"),
            QuestionType.MULTICHOICE, Set.of("options", "max"),
            QuestionType.TRIAD, Set.of("corners"),
            QuestionType.STONES, Set.of("left", "right", "bottom", "top", "notApplicable", "items"),
            QuestionType.TEXT, Set.of());

    private final List<FieldError> errors = new ArrayList<>();

    private DefinitionValidator() {}

    /** Every problem in the document; empty when it is a valid definition. */
    public static List<FieldError> validate(JsonNode root) {
        DefinitionValidator v = new DefinitionValidator();
        v.checkRoot(root);
        return List.copyOf(v.errors);
    }

    /**
     * Every problem in a question module's document; empty when it is valid. The roles its questions name are checked
     * where a story point includes the module, as roles belong to story points.
     */
    public static List<FieldError> validateModule(JsonNode root) {
        DefinitionValidator v = new DefinitionValidator();
        if (root == null || !root.isObject()) {
            v.error("body", "a JSON object is expected");
        } else {
            v.onlyKnownFields(root, "", MODULE_FIELDS);
            v.id(root, "");
            v.localized(root, "title", "", true);
            v.localized(root, "description", "", false);
            JsonNode questions = root.get("questions");
            if (questions != null && questions.isArray() && questions.isEmpty()) {
                v.error("questions", "must hold at least one question");
            } else {
                v.questions(questions, null);
            }
        }
        return List.copyOf(v.errors);
    }

    private void checkRoot(JsonNode root) {
        if (root == null || !root.isObject()) {
            error("body", "a JSON object is expected");
            return;
        }
        onlyKnownFields(root, "", TOP_FIELDS);
        JsonNode slug = root.get("slug");
        if (slug == null || slug.isNull()) {
            error("slug", "is required");
        } else if (!slug.isTextual() || !SLUG.matcher(slug.asText()).matches()) {
            error("slug", "must be 2 to 64 lowercase letters, digits or hyphens, starting with a letter or digit");
        }
        localized(root, "title", "", true);
        localized(root, "intro", "", false);
        localized(root, "privacy", "", false);
        localized(root, "crisisHelp", "", false);
        localized(root, "storyPrompt", "", true);
        Set<String> roleIds = roles(root.get("roles"));
        int questionCount = questions(root.get("questions"), roleIds);
        boolean includesModules = modules(root.get("modules"));
        // with modules the count of questions is checked once their questions are in (StoryPointModules)
        completeness(root.get("completeness"), includesModules ? Integer.MAX_VALUE : questionCount);
        JsonNode threshold = root.get("suppressionThreshold");
        if (threshold != null
                && !threshold.isNull()
                && (!JsonBodies.isInteger(threshold) || threshold.asInt() < 1 || threshold.asInt() > 100)) {
            error(
                    "suppressionThreshold",
                    "must be a whole number from 1 to 100 (groups smaller than it are hidden in aggregates)");
        }
    }

    /** The shape of the list of included modules; whether it names any. */
    private boolean modules(JsonNode modules) {
        if (modules == null || modules.isNull()) {
            return false;
        }
        if (!modules.isArray() || modules.size() > MAX_MODULES) {
            error("modules", "must be a list of at most " + MAX_MODULES + " modules: [{\"id\": \"kern\"}]");
            return false;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < modules.size(); i++) {
            String path = index("modules", i);
            JsonNode use = modules.get(i);
            if (!use.isObject()) {
                error(path, "must be an object with the module's id, and optionally version and after");
                continue;
            }
            onlyKnownFields(use, path, Set.of("id", "version", "after"));
            String id = id(use, path);
            if (id != null && !ids.add(id)) {
                error(field(path, "id"), "module '" + id + "' is included twice");
            }
            JsonNode version = use.get("version");
            if (version != null && !version.isNull() && (!JsonBodies.isInteger(version) || version.asInt() < 1)) {
                error(field(path, "version"), "must be a positive whole number");
            }
            JsonNode after = use.get("after");
            if (after != null
                    && !after.isNull()
                    && (!after.isTextual() || !ID.matcher(after.asText()).matches())) {
                error(field(path, "after"), "must be the id of one of this story point's own questions");
            }
        }
        return !modules.isEmpty();
    }

    private Set<String> roles(JsonNode roles) {
        Set<String> ids = new HashSet<>();
        if (roles == null || roles.isNull()) {
            error("roles", "is required");
            return ids;
        }
        if (!roles.isArray() || roles.isEmpty() || roles.size() > MAX_ROLES) {
            error("roles", "must be a list of 1 to " + MAX_ROLES + " roles");
            return ids;
        }
        for (int i = 0; i < roles.size(); i++) {
            String path = index("roles", i);
            JsonNode role = roles.get(i);
            if (!role.isObject()) {
                error(path, "must be an object with id and label");
                continue;
            }
            onlyKnownFields(role, path, Set.of("id", "label", "shortLabel"));
            String id = id(role, path);
            if (id != null && !ids.add(id)) {
                error(field(path, "id"), "'" + id + "' is used by another role");
            }
            localized(role, "label", path, true);
            localized(role, "shortLabel", path, false);
        }
        return ids;
    }

    private int questions(JsonNode questions, Set<String> roleIds) {
        if (questions == null || questions.isNull()) {
            error("questions", "is required (it may be an empty list)");
            return 0;
        }
        if (!questions.isArray() || questions.size() > MAX_QUESTIONS) {
            error("questions", "must be a list of at most " + MAX_QUESTIONS + " questions");
            return 0;
        }
        Set<String> ids = new HashSet<>();
        Set<Integer> numbers = new HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            question(questions.get(i), index("questions", i), roleIds, ids, numbers);
        }
        return questions.size();
    }

    private void question(JsonNode q, String path, Set<String> roleIds, Set<String> ids, Set<Integer> numbers) {
        if (!q.isObject()) {
            error(path, "must be an object");
            return;
        }
        String id = id(q, path);
        if (id != null) {
            if (RESERVED_QUESTION_IDS.contains(id)) {
                error(field(path, "id"), "'" + id + "' is reserved; choose another id");
            } else if (!ids.add(id)) {
                error(field(path, "id"), "'" + id + "' is used by another question");
            }
        }
        JsonNode number = q.get("number");
        if (number == null || number.isNull()) {
            error(field(path, "number"), "is required");
        } else if (!JsonBodies.isInteger(number) || number.asInt() < 1) {
            error(field(path, "number"), "must be a positive whole number");
        } else if (!numbers.add(number.asInt())) {
            error(field(path, "number"), number.asInt() + " is used by another question");
        }
        localized(q, "label", path, true);
        localized(q, "help", path, false);
        localized(q, "shortLabel", path, false);
        bool(q, "required", path);
        questionRoles(q.get("roles"), field(path, "roles"), roleIds);
        Set<String> askedRoles = askedRoles(q.get("roles"), roleIds);
        byRole(q, "labelByRole", path, askedRoles);
        byRole(q, "helpByRole", path, askedRoles);

        JsonNode typeNode = q.get("type");
        QuestionType type = null;
        if (typeNode == null || typeNode.isNull()) {
            error(field(path, "type"), "is required");
        } else if (!typeNode.isTextual()
                || QuestionType.fromId(typeNode.asText()).isEmpty()) {
            error(field(path, "type"), "must be one of slider, choice, multichoice, triad, stones, text");
        } else {
            type = QuestionType.fromId(typeNode.asText()).orElseThrow();
        }
        if (type == null) {
            return;
        }
        Set<String> allowed = new HashSet<>(COMMON_QUESTION_FIELDS);
        allowed.addAll(TYPE_FIELDS.get(type));
        onlyKnownFields(q, path, allowed, " for a " + type.id() + " question");
        switch (type) {
            case SLIDER -> {
                localized(q, "left", path, true);
                localized(q, "right", path, true);
                bool(q, "notApplicable", path);
                byRole(q, "leftByRole", path, askedRoles);
                byRole(q, "rightByRole", path, askedRoles);
            }
            case CHOICE -> options(q.get("options"), field(path, "options"), 2, askedRoles);
            case MULTICHOICE -> {
                int count = options(q.get("options"), field(path, "options"), 1, askedRoles);
                JsonNode max = q.get("max");
                if (max != null
                        && !max.isNull()
                        && (!JsonBodies.isInteger(max) || max.asInt() < 1 || (count > 0 && max.asInt() > count))) {
                    error(field(path, "max"), "must be a whole number from 1 to the number of options");
                }
            }
            case TRIAD -> {
                JsonNode corners = q.get("corners");
                if (corners == null || corners.isNull()) {
                    error(field(path, "corners"), "is required for a triad");
                } else if (!corners.isArray() || corners.size() != 3) {
                    error(field(path, "corners"), "must be a list of exactly three labels");
                } else {
                    for (int c = 0; c < 3; c++) {
                        localizedValue(corners.get(c), index(field(path, "corners"), c));
                    }
                }
            }
            case STONES -> {
                for (String pole : List.of("left", "right", "bottom", "top")) {
                    localized(q, pole, path, true);
                }
                bool(q, "notApplicable", path);
                items(q.get("items"), field(path, "items"), askedRoles);
            }
            case TEXT -> {
                // a text question needs nothing more
            }
        }
    }

    private int options(JsonNode options, String path, int minimum, Set<String> askedRoles) {
        return options(options, path, minimum, MAX_OPTIONS, "option", askedRoles);
    }

    /** The items of a stones question: like options (ids, labels, retired), at least one and at most {@value #MAX_ITEMS}. */
    private void items(JsonNode items, String path, Set<String> askedRoles) {
        options(items, path, 1, MAX_ITEMS, "item", askedRoles);
    }

    private int options(JsonNode options, String path, int minimum, int maximum, String noun, Set<String> askedRoles) {
        if (options == null || options.isNull()) {
            error(path, "is required");
            return 0;
        }
        if (!options.isArray() || options.size() < minimum || options.size() > maximum) {
            error(path, "must be a list of " + minimum + " to " + maximum + " " + noun + "s");
            return 0;
        }
        Set<String> ids = new HashSet<>();
        int offered = 0;
        for (int i = 0; i < options.size(); i++) {
            String p = index(path, i);
            JsonNode option = options.get(i);
            if (!option.isObject()) {
                error(p, "must be an object with id and label");
                continue;
            }
            onlyKnownFields(option, p, Set.of("id", "label", "retired", "shortLabel", "labelByRole"));
            String id = id(option, p);
            if (id != null && !ids.add(id)) {
                error(field(p, "id"), "'" + id + "' is used by another " + noun + " of this question");
            }
            localized(option, "label", p, true);
            localized(option, "shortLabel", p, false);
            byRole(option, "labelByRole", p, askedRoles);
            bool(option, "retired", p);
            if (!option.path("retired").asBoolean(false)) {
                offered++;
            }
        }
        if (offered == 0) {
            error(path, "at least one " + noun + " must not be retired");
        }
        return options.size();
    }

    private void questionRoles(JsonNode roles, String path, Set<String> roleIds) {
        if (roles == null || roles.isNull()) {
            return;
        }
        if (!roles.isArray() || roles.isEmpty()) {
            error(path, "must be a non-empty list of role ids");
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < roles.size(); i++) {
            JsonNode r = roles.get(i);
            if (!r.isTextual() || !ID.matcher(r.asText()).matches()) {
                error(index(path, i), "must be a role id");
            } else if (roleIds != null && !roleIds.contains(r.asText())) {
                error(index(path, i), "'" + r.asText() + "' is not one of the roles of this story point");
            } else if (!seen.add(r.asText())) {
                error(index(path, i), "'" + r.asText() + "' is listed twice");
            }
        }
    }

    /**
     * The roles a question is asked to: its own list when it is valid, else every role of the story point; null (any
     * role) for a module's question without a list, as roles belong to the story points that include it.
     */
    private static Set<String> askedRoles(JsonNode roles, Set<String> roleIds) {
        if (roles == null || !roles.isArray() || roles.isEmpty()) {
            return roleIds;
        }
        Set<String> asked = new HashSet<>();
        roles.forEach(r -> asked.add(r.asText()));
        if (roleIds != null) {
            asked.retainAll(roleIds);
        }
        return asked;
    }

    /** A wording per role: an object from role ids (of roles the question is asked to) to texts by language. */
    private void byRole(JsonNode parent, String name, String path, Set<String> askedRoles) {
        JsonNode value = parent.get(name);
        String p = field(path, name);
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isObject() || value.isEmpty()) {
            error(p, "must be an object from role ids to texts by language: {\"jongere\": {\"nl\": \"...\"}}");
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (askedRoles == null ? !ID.matcher(e.getKey()).matches() : !askedRoles.contains(e.getKey())) {
                error(field(p, e.getKey()), "'" + e.getKey() + "' is not a role this question is asked to");
            } else {
                localizedValue(e.getValue(), field(p, e.getKey()));
            }
        }
    }

    private void completeness(JsonNode c, int questionCount) {
        if (c == null || c.isNull()) {
            error("completeness", "is required");
            return;
        }
        if (!c.isObject()) {
            error("completeness", "must be an object with minWords and minAnsweredQuestions");
            return;
        }
        onlyKnownFields(c, "completeness", Set.of("minWords", "minAnsweredQuestions"));
        JsonNode words = c.get("minWords");
        if (words == null || !JsonBodies.isInteger(words) || words.asInt() < 0 || words.asInt() > 10_000) {
            error("completeness.minWords", "must be a whole number from 0 to 10000");
        }
        JsonNode answered = c.get("minAnsweredQuestions");
        if (answered == null || !JsonBodies.isInteger(answered) || answered.asInt() < 0) {
            error("completeness.minAnsweredQuestions", "must be a whole number of at least 0");
        } else if (answered.asInt() > questionCount) {
            error("completeness.minAnsweredQuestions", "is more than the " + questionCount + " questions there are");
        }
    }

    private String id(JsonNode node, String path) {
        JsonNode id = node.get("id");
        if (id == null || id.isNull()) {
            error(field(path, "id"), "is required");
            return null;
        }
        if (!id.isTextual() || !ID.matcher(id.asText()).matches()) {
            error(
                    field(path, "id"),
                    "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
            return null;
        }
        return id.asText();
    }

    private void bool(JsonNode node, String name, String path) {
        JsonNode value = node.get(name);
        if (value != null && !value.isNull() && !value.isBoolean()) {
            error(field(path, name), "must be true or false");
        }
    }

    private void localized(JsonNode parent, String name, String path, boolean required) {
        JsonNode value = parent.get(name);
        String p = field(path, name);
        if (value == null || value.isNull()) {
            if (required) {
                error(p, "is required, with at least a Dutch text: {\"nl\": \"...\"}");
            }
            return;
        }
        localizedValue(value, p);
    }

    private void localizedValue(JsonNode value, String path) {
        if (!value.isObject() || value.isEmpty()) {
            error(path, "must be an object of texts by language, with at least Dutch: {\"nl\": \"...\"}");
            return;
        }
        if (!value.has("nl")) {
            error(field(path, "nl"), "a Dutch text is required");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = field(path, e.getKey());
            if (!LANGUAGE.matcher(e.getKey()).matches()) {
                error(p, "is not a two-letter language code");
            } else if (!e.getValue().isTextual() || Texts.isBlank(e.getValue().asText())) {
                error(p, "must be a non-empty text");
            } else if (e.getValue().asText().length() > MAX_TEXT) {
                error(p, "is longer than " + MAX_TEXT + " characters");
            }
        }
    }

    private void onlyKnownFields(JsonNode node, String path, Set<String> known) {
        onlyKnownFields(node, path, known, "");
    }

    private void onlyKnownFields(JsonNode node, String path, Set<String> known, String context) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                error(field(path, name), "is not a known field" + context);
            }
        }
    }

    private void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }
}
