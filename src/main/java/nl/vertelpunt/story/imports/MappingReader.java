package nl.vertelpunt.story.imports;

import static nl.vertelpunt.story.imports.MappingChecks.describe;
import static nl.vertelpunt.story.imports.MappingChecks.field;
import static nl.vertelpunt.story.imports.MappingChecks.path;
import static nl.vertelpunt.story.imports.MappingChecks.sorted;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.vertelpunt.story.Channel;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import nl.vertelpunt.web.FieldError;
import nl.vertelpunt.web.ProblemException;

/**
 * Checks an import mapping strictly against the file's header and the story point's current
 * definition, and turns it into an {@link ImportPlan}. Every problem is listed with its place in the
 * mapping ({@code mapping.questions.gehoord.from}): unknown fields, columns the file does not have,
 * questions the story point does not have, a read that does not fit the question's type, options and
 * roles that do not exist.
 *
 * <p>This class owns the layout and the story fields (id, title, text, date, role, language, channel);
 * the questions are read by {@link QuestionMapping}, and the small JSON checks with the list of problems
 * are in {@link MappingChecks}.
 */
final class MappingReader {

    /** The layouts of files the importer knows; they differ only in defaults. */
    enum Format {
        /** NarraFirma's story export: lines starting with {@code ;} are comments. */
        NARRAFIRMA("narrafirma", ";"),
        /** A plain table of columns (SenseMaker style): no comment lines unless {@code commentPrefix} is set. */
        COLUMNS("columns", null);

        final String id;
        final String commentPrefix;

        Format(String id, String commentPrefix) {
            this.id = id;
            this.commentPrefix = commentPrefix;
        }
    }

    /** What is needed to read the file at all. */
    record Layout(Format format, char separator, String commentPrefix) {}

    private static final Set<String> TOP_FIELDS = Set.of(
            "format",
            "separator",
            "commentPrefix",
            "id",
            "title",
            "text",
            "date",
            "language",
            "languages",
            "role",
            "channel",
            "questions");
    private final JsonNode root;
    private final SourceFile.Header header;
    private final StoryPointDefinition definition;
    private final MappingChecks checks;

    private MappingReader(JsonNode root, SourceFile.Header header, StoryPointDefinition definition) {
        this.root = root;
        this.header = header;
        this.definition = definition;
        this.checks = new MappingChecks(header);
    }

    /** Reads {@code format}, {@code separator} and {@code commentPrefix}, and refuses unknown top-level fields; 422 on any problem. */
    static Layout layout(JsonNode root) {
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!TOP_FIELDS.contains(name)) {
                errors.add(new FieldError(path(name), "is not a field of a mapping; fields are " + sorted(TOP_FIELDS)));
            }
        }
        JsonNode formatNode = root.get("format");
        Format format = null;
        if (formatNode == null || formatNode.isNull()) {
            errors.add(new FieldError(path("format"), "is required: \"narrafirma\" or \"columns\""));
        } else {
            format = Arrays.stream(Format.values())
                    .filter(f -> formatNode.isTextual() && f.id.equals(formatNode.asText()))
                    .findFirst()
                    .orElse(null);
            if (format == null) {
                errors.add(new FieldError(path("format"), "must be \"narrafirma\" or \"columns\""));
            }
        }
        char separator = ',';
        JsonNode sep = root.get("separator");
        if (sep != null && !sep.isNull()) {
            if (!sep.isTextual() || sep.asText().length() != 1 || "\"\r\n".contains(sep.asText())) {
                errors.add(new FieldError(
                        path("separator"), "must be one character such as \",\" or \";\" (not a quote or a line end)"));
            } else {
                separator = sep.asText().charAt(0);
            }
        }
        String commentPrefix = format == null ? null : format.commentPrefix;
        JsonNode comment = root.get("commentPrefix");
        if (comment != null) {
            if (comment.isNull()) {
                commentPrefix = null;
            } else if (!comment.isTextual()) {
                errors.add(new FieldError(
                        path("commentPrefix"), "must be a text such as \";\", or \"\" or null for none"));
            } else {
                commentPrefix = comment.asText().isEmpty() ? null : comment.asText();
            }
        }
        if (!errors.isEmpty()) {
            throw refused(errors);
        }
        return new Layout(format, separator, commentPrefix);
    }

    /** Checks the whole mapping; 422 listing every problem, or the plan. */
    static ImportPlan plan(JsonNode root, SourceFile.Header header, StoryPointDefinition definition) {
        return new MappingReader(root, header, definition).plan();
    }

    static ProblemException refused(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " problems in the mapping; see errors. Nothing was stored";
        return new ProblemException(422, "Mapping refused", detail, errors);
    }

    private ImportPlan plan() {
        ColumnPart id = fieldColumn(
                "id", "kept as the story id; an empty cell gets an id made from the story's title and text");
        ColumnPart title = fieldColumn("title", "the story's title as is");
        ColumnPart text = fieldColumn("text", "the story text as is; every row needs one");
        if (root.get("text") == null || root.get("text").isNull()) {
            checks.error(path("text"), "is required: the column with the story texts");
        }
        ColumnPart date =
                fieldColumn("date", "an ISO date (midnight, Dutch time) or date-time; empty means the import time");
        ImportPlan.Lookup role = role();
        ImportPlan.Lookup language = language();
        Channel channel = channel();
        List<AnswerReads.AnswerRead> answers =
                new QuestionMapping(checks, header, definition).read(root.get("questions"));
        if (checks.any()) {
            throw refused(checks.errors());
        }
        return new ImportPlan(header, id, title, text, date, role, language, channel, answers);
    }

    // ---- story fields ---------------------------------------------------------------------------------

    private ColumnPart fieldColumn(String field, String how) {
        Integer index = checks.uniqueColumn(root.get(field), path(field));
        return index == null ? null : ColumnPart.field(header, index, field, how);
    }

    private ImportPlan.Lookup role() {
        String p = path("role");
        JsonNode node = root.get("role");
        List<String> roleIds = definition.roles().stream().map(r -> r.id()).toList();
        if (node == null || node.isNull()) {
            checks.error(
                    p,
                    "is required: {\"column\": \"<column>\", \"values\": {\"<cell>\": \"<role>\"}} or {\"fixed\": \"<role>\"}; roles are "
                            + roleIds);
            return new ImportPlan.Lookup(null, null, Map.of());
        }
        if (!node.isObject()) {
            checks.error(p, "must be {\"column\": ..., \"values\": {...}} or {\"fixed\": \"<role>\"}");
            return new ImportPlan.Lookup(null, null, Map.of());
        }
        checks.onlyKnown(node, p, List.of("column", "values", "fixed"), "of role");
        if (node.has("fixed") == node.has("column")) {
            checks.error(p, "needs exactly one of column and fixed");
            return new ImportPlan.Lookup(null, null, Map.of());
        }
        if (node.has("fixed")) {
            if (node.has("values")) {
                checks.error(field(p, "values"), "only applies with a column");
            }
            JsonNode fixed = node.get("fixed");
            if (!fixed.isTextual() || !definition.hasRole(fixed.asText())) {
                checks.error(field(p, "fixed"), "must be a role of this story point: one of " + roleIds);
            }
            return new ImportPlan.Lookup(fixed.asText(), null, Map.of());
        }
        Map<String, String> values = checks.stringMap(
                node.get("values"),
                field(p, "values"),
                v -> definition.hasRole(v),
                "is not a role of this story point; roles are " + roleIds);
        Integer index = checks.uniqueColumn(node.get("column"), field(p, "column"));
        String how = (values.isEmpty() ? "" : "a cell is looked up in values (" + describe(values) + "), otherwise ")
                + "taken as a role id (" + String.join(", ", roleIds) + ")";
        return new ImportPlan.Lookup(null, index == null ? null : ColumnPart.field(header, index, "role", how), values);
    }

    private ImportPlan.Lookup language() {
        String p = path("language");
        JsonNode node = root.get("language");
        JsonNode languagesNode = root.get("languages");
        Set<String> offered = definition.languages();
        String notOffered = "is not a language of this story point; languages are " + sorted(offered);
        if (node == null || node.isNull()) {
            if (languagesNode != null && !languagesNode.isNull()) {
                checks.error(path("languages"), "only applies with a language column");
            }
            return new ImportPlan.Lookup(null, null, Map.of());
        }
        JsonNode column = node;
        if (node.isObject()) {
            checks.onlyKnown(node, p, List.of("fixed", "column"), "of language");
            if (node.has("fixed") == node.has("column")) {
                checks.error(p, "needs exactly one of column and fixed");
                return new ImportPlan.Lookup(null, null, Map.of());
            }
            if (node.has("fixed")) {
                JsonNode fixed = node.get("fixed");
                if (!fixed.isTextual() || !offered.contains(fixed.asText())) {
                    checks.error(field(p, "fixed"), notOffered);
                }
                if (languagesNode != null && !languagesNode.isNull()) {
                    checks.error(path("languages"), "only applies with a language column");
                }
                return new ImportPlan.Lookup(fixed.asText(), null, Map.of());
            }
            column = node.get("column");
            p = field(p, "column");
        }
        Map<String, String> values = checks.stringMap(languagesNode, path("languages"), offered::contains, notOffered);
        Integer index = checks.uniqueColumn(column, p);
        String how = (values.isEmpty() ? "" : "a cell is looked up in languages (" + describe(values) + "), otherwise ")
                + "taken as a language code (" + String.join(", ", sorted(offered)) + "); empty means nl";
        return new ImportPlan.Lookup(
                null, index == null ? null : ColumnPart.field(header, index, "language", how), values);
    }

    private Channel channel() {
        JsonNode node = root.get("channel");
        if (node == null || node.isNull()) {
            return Channel.IMPORT;
        }
        Optional<Channel> channel = node.isTextual() ? Channel.fromId(node.asText()) : Optional.empty();
        if (channel.isEmpty()) {
            checks.error(
                    path("channel"),
                    "must be one of "
                            + Arrays.stream(Channel.values()).map(Channel::id).toList());
            return Channel.IMPORT;
        }
        return channel.get();
    }
}
