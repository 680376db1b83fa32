package nl.vertelpunt.story.imports;

import static java.util.Map.entry;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import nl.vertelpunt.story.Channel;
import nl.vertelpunt.storypoint.definition.Option;
import nl.vertelpunt.storypoint.definition.Question;
import nl.vertelpunt.storypoint.definition.QuestionType;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import nl.vertelpunt.web.FieldError;
import nl.vertelpunt.web.ProblemException;

/**
 * Checks an import mapping strictly against the file's header and the story point's current
 * definition, and turns it into an {@link ImportPlan}. Every problem is listed with its place in the
 * mapping ({@code mapping.questions.gehoord.from}): unknown fields, columns the file does not have,
 * questions the story point does not have, a read that does not fit the question's type, options and
 * roles that do not exist.
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

    static final String PREFIX = "mapping";
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
    static final List<String> READS =
            List.of("text", "index", "columns", "delimited", "yesno", "scale", "triad", "writein");
    private static final Map<String, Set<QuestionType>> FITS = Map.of(
            "text", Set.of(QuestionType.CHOICE, QuestionType.TEXT, QuestionType.SLIDER),
            "index", Set.of(QuestionType.CHOICE, QuestionType.MULTICHOICE),
            "columns", Set.of(QuestionType.MULTICHOICE),
            "delimited", Set.of(QuestionType.MULTICHOICE),
            "yesno", Set.of(QuestionType.MULTICHOICE),
            "scale", Set.of(QuestionType.SLIDER),
            "triad", Set.of(QuestionType.TRIAD),
            "writein", Set.of(QuestionType.TEXT));
    private static final Map<String, List<String>> SETTINGS = Map.ofEntries(
            entry("text", List.of("column", "values", "writeIns")),
            entry("index", List.of("column", "options", "delimiter")),
            entry("columns", List.of("column", "columns", "values")),
            entry("delimited", List.of("column", "delimiter", "values", "writeIns")),
            entry("yesno", List.of("options", "yes", "no")),
            entry("scale", List.of("column", "from", "na", "naColumn")),
            entry("triad", List.of("columns")),
            entry("writein", List.of("column")));

    private final JsonNode root;
    private final SourceFile.Header header;
    private final StoryPointDefinition definition;
    private final List<FieldError> errors = new ArrayList<>();
    /** Text questions that receive write-ins, with the place in the mapping that sends them. */
    private final List<Map.Entry<String, String>> writeInTargets = new ArrayList<>();

    private MappingReader(JsonNode root, SourceFile.Header header, StoryPointDefinition definition) {
        this.root = root;
        this.header = header;
        this.definition = definition;
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
            error(path("text"), "is required: the column with the story texts");
        }
        ColumnPart date =
                fieldColumn("date", "an ISO date (midnight, Dutch time) or date-time; empty means the import time");
        ImportPlan.Lookup role = role();
        ImportPlan.Lookup language = language();
        Channel channel = channel();
        List<AnswerReads.AnswerRead> answers = questions();
        checkWriteInTargets();
        if (!errors.isEmpty()) {
            throw refused(errors);
        }
        return new ImportPlan(header, id, title, text, date, role, language, channel, answers);
    }

    // ---- story fields ---------------------------------------------------------------------------------

    private ColumnPart fieldColumn(String field, String how) {
        Integer index = uniqueColumn(root.get(field), path(field));
        return index == null ? null : ColumnPart.field(header, index, field, how);
    }

    private ImportPlan.Lookup role() {
        String p = path("role");
        JsonNode node = root.get("role");
        List<String> roleIds = definition.roles().stream().map(r -> r.id()).toList();
        if (node == null || node.isNull()) {
            error(
                    p,
                    "is required: {\"column\": \"<column>\", \"values\": {\"<cell>\": \"<role>\"}} or {\"fixed\": \"<role>\"}; roles are "
                            + roleIds);
            return new ImportPlan.Lookup(null, null, Map.of());
        }
        if (!node.isObject()) {
            error(p, "must be {\"column\": ..., \"values\": {...}} or {\"fixed\": \"<role>\"}");
            return new ImportPlan.Lookup(null, null, Map.of());
        }
        onlyKnown(node, p, List.of("column", "values", "fixed"), "of role");
        if (node.has("fixed") == node.has("column")) {
            error(p, "needs exactly one of column and fixed");
            return new ImportPlan.Lookup(null, null, Map.of());
        }
        if (node.has("fixed")) {
            if (node.has("values")) {
                error(field(p, "values"), "only applies with a column");
            }
            JsonNode fixed = node.get("fixed");
            if (!fixed.isTextual() || !definition.hasRole(fixed.asText())) {
                error(field(p, "fixed"), "must be a role of this story point: one of " + roleIds);
            }
            return new ImportPlan.Lookup(fixed.asText(), null, Map.of());
        }
        Map<String, String> values = stringMap(
                node.get("values"),
                field(p, "values"),
                v -> definition.hasRole(v),
                "is not a role of this story point; roles are " + roleIds);
        Integer index = uniqueColumn(node.get("column"), field(p, "column"));
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
                error(path("languages"), "only applies with a language column");
            }
            return new ImportPlan.Lookup(null, null, Map.of());
        }
        JsonNode column = node;
        if (node.isObject()) {
            onlyKnown(node, p, List.of("fixed", "column"), "of language");
            if (node.has("fixed") == node.has("column")) {
                error(p, "needs exactly one of column and fixed");
                return new ImportPlan.Lookup(null, null, Map.of());
            }
            if (node.has("fixed")) {
                JsonNode fixed = node.get("fixed");
                if (!fixed.isTextual() || !offered.contains(fixed.asText())) {
                    error(field(p, "fixed"), notOffered);
                }
                if (languagesNode != null && !languagesNode.isNull()) {
                    error(path("languages"), "only applies with a language column");
                }
                return new ImportPlan.Lookup(fixed.asText(), null, Map.of());
            }
            column = node.get("column");
            p = field(p, "column");
        }
        Map<String, String> values = stringMap(languagesNode, path("languages"), offered::contains, notOffered);
        Integer index = uniqueColumn(column, p);
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
            error(
                    path("channel"),
                    "must be one of "
                            + Arrays.stream(Channel.values()).map(Channel::id).toList());
            return Channel.IMPORT;
        }
        return channel.get();
    }

    // ---- questions ------------------------------------------------------------------------------------

    private List<AnswerReads.AnswerRead> questions() {
        List<AnswerReads.AnswerRead> reads = new ArrayList<>();
        JsonNode node = root.get("questions");
        if (node == null || node.isNull()) {
            return reads;
        }
        if (!node.isObject()) {
            error(path("questions"), "must be an object: {\"<question id>\": {\"read\": \"...\", ...}}");
            return reads;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = path("questions." + e.getKey());
            Optional<Question> question = definition.question(e.getKey());
            if (question.isEmpty()) {
                error(
                        p,
                        "is not a question of this story point's current version; questions are "
                                + definition.questions().stream()
                                        .map(Question::id)
                                        .toList());
                continue;
            }
            AnswerReads.AnswerRead read = question(question.get(), e.getValue(), p);
            if (read != null) {
                reads.add(read);
            }
        }
        return reads;
    }

    private AnswerReads.AnswerRead question(Question q, JsonNode spec, String p) {
        if (!spec.isObject()) {
            error(p, "must be an object: {\"read\": \"...\", ...}");
            return null;
        }
        JsonNode readNode = spec.get("read");
        String fitting =
                READS.stream().filter(r -> FITS.get(r).contains(q.type())).collect(Collectors.joining(", "));
        if (readNode == null || readNode.isNull()) {
            error(field(p, "read"), "is required; a " + q.type().id() + " question is read with " + fitting);
            return null;
        }
        String read = readNode.asText();
        if (!readNode.isTextual() || !READS.contains(read)) {
            error(field(p, "read"), "must be one of " + READS);
            return null;
        }
        if (!FITS.get(read).contains(q.type())) {
            error(
                    field(p, "read"),
                    "'" + read + "' does not fit question '" + q.id() + "', a "
                            + q.type().id() + " question; that is read with " + fitting);
            return null;
        }
        List<String> settings = new ArrayList<>(SETTINGS.get(read));
        settings.add("read");
        onlyKnown(spec, p, settings, "of read '" + read + "'");
        int before = errors.size();
        AnswerReads.AnswerRead result = switch (read) {
            case "text" -> text(q, spec, p);
            case "index" -> index(q, spec, p);
            case "columns" -> columns(q, spec, p);
            case "delimited" -> delimited(q, spec, p);
            case "yesno" -> yesNo(q, spec, p);
            case "scale" -> scale(q, spec, p);
            case "triad" -> triad(q, spec, p);
            case "writein" -> writeIn(q, spec, p);
            default -> throw new IllegalStateException(read);
        };
        return errors.size() > before ? null : result;
    }

    private AnswerReads.AnswerRead text(Question q, JsonNode spec, String p) {
        Integer index = requiredColumn(spec, p);
        if (q.type() != QuestionType.CHOICE) {
            onlyForChoice(spec, p, "values", "writeIns");
        }
        boolean choice = q.type() == QuestionType.CHOICE;
        AnswerReads.OptionNames names = choice ? optionNames(q, spec.get("values"), field(p, "values")) : null;
        AnswerReads.WriteIns writeIns = choice ? writeIns(spec.get("writeIns"), field(p, "writeIns")) : null;
        if (index == null) {
            return null;
        }
        String how = switch (q.type()) {
            case TEXT -> "the cell's text is the answer as is";
            case SLIDER ->
                "a whole number from 0 to 100" + (q.allowsNotApplicable() ? ", or NA for not applicable" : "");
            default -> lookupHow(names, q) + "; " + writeInsHow(writeIns);
        };
        ColumnPart part = ColumnPart.answer(header, index, q.id(), "text", null, null, how);
        return new AnswerReads.Text(q, part, names, writeIns);
    }

    private AnswerReads.AnswerRead index(Question q, JsonNode spec, String p) {
        Integer index = requiredColumn(spec, p);
        List<String> options = new ArrayList<>();
        JsonNode optionsNode = spec.get("options");
        if (optionsNode == null || optionsNode.isNull()) {
            q.options().forEach(o -> options.add(o.id()));
        } else if (!optionsNode.isArray() || optionsNode.isEmpty()) {
            error(
                    field(p, "options"),
                    "must be a list of option ids of '" + q.id() + "' in the order the file numbers them");
        } else {
            for (int i = 0; i < optionsNode.size(); i++) {
                JsonNode o = optionsNode.get(i);
                String op = field(p, "options") + "[" + i + "]";
                if (!o.isTextual() || q.option(o.asText()).isEmpty()) {
                    error(op, notAnOption(q, o));
                } else if (options.contains(o.asText())) {
                    error(op, "'" + o.asText() + "' is listed twice");
                } else {
                    options.add(o.asText());
                }
            }
        }
        String delimiter = null;
        if (q.type() == QuestionType.MULTICHOICE) {
            delimiter = delimiter(spec, p);
        } else {
            onlyForMultichoice(spec, p, "delimiter");
        }
        if (index == null) {
            return null;
        }
        StringBuilder how = new StringBuilder(
                delimiter == null ? "an option number: " : "option numbers split by '" + delimiter + "': ");
        for (int i = 0; i < options.size(); i++) {
            how.append(i == 0 ? "" : ", ").append(i + 1).append(" = ").append(options.get(i));
        }
        ColumnPart part = ColumnPart.answer(header, index, q.id(), "index", null, null, how.toString());
        return new AnswerReads.Index(q, part, options, delimiter);
    }

    private AnswerReads.AnswerRead columns(Question q, JsonNode spec, String p) {
        boolean byHeader = spec.has("column");
        if (byHeader == spec.has("columns")) {
            error(
                    p,
                    "needs exactly one of column (every column with that header, options named by the comment row) "
                            + "and columns (a list of {\"column\", \"position\", \"option\"})");
            return null;
        }
        int before = errors.size();
        List<ColumnPart> parts = new ArrayList<>();
        Map<String, String> optionFrom = new HashMap<>();
        if (byHeader) {
            String cp = field(p, "column");
            JsonNode column = spec.get("column");
            AnswerReads.OptionNames names = optionNames(q, spec.get("values"), field(p, "values"));
            if (!column.isTextual() || column.asText().isEmpty()) {
                error(cp, "must be the header shared by the columns of this question");
                return null;
            }
            List<Integer> indexes = header.indexesOf(column.asText());
            if (indexes.isEmpty()) {
                error(cp, "'" + column.asText() + "' is not a column of the file" + suggestion(column.asText()));
                return null;
            }
            List<String> unnamed = new ArrayList<>();
            for (int index : indexes) {
                String where = "column " + (index + 1) + " ('" + column.asText() + "' #" + header.position(index) + ")";
                String name = header.optionName(index);
                if (name == null) {
                    unnamed.add(String.valueOf(index + 1));
                    continue;
                }
                Optional<String> option = names.lookup(name);
                if (option.isEmpty()) {
                    error(
                            field(p, "values"),
                            "'" + name + "', the option the comment row names for " + where + ", is not an option of '"
                                    + q.id() + "' (" + optionIds(q) + "); map it in values");
                } else if (!option.get().isEmpty()) {
                    if (optionFrom.putIfAbsent(option.get(), where) != null) {
                        error(
                                field(p, "values"),
                                "option '" + option.get() + "' would be read from both " + optionFrom.get(option.get())
                                        + " and " + where);
                    }
                    parts.add(ColumnPart.answer(
                            header,
                            index,
                            q.id(),
                            "columns",
                            option.get(),
                            null,
                            "a non-empty cell chooses '" + option.get() + "' (named '" + name
                                    + "' in the comment row)"));
                }
            }
            if (!unnamed.isEmpty()) {
                error(
                        cp,
                        (header.optionRow() == null
                                        ? "the file has no comment row under the header to name the options of "
                                        : "the comment row under the header names no option for ")
                                + "column"
                                + (unnamed.size() == 1 ? " " : "s ") + String.join(", ", unnamed)
                                + "; list the columns with their options in 'columns' instead");
            }
        } else {
            if (spec.has("values")) {
                error(field(p, "values"), "only applies with column; a list in columns names option ids");
            }
            JsonNode list = spec.get("columns");
            if (!list.isArray() || list.isEmpty()) {
                error(
                        field(p, "columns"),
                        "must be a list of {\"column\": \"<header>\", \"position\": <n>, \"option\": \"<option id>\"}");
                return null;
            }
            for (int i = 0; i < list.size(); i++) {
                String ep = field(p, "columns") + "[" + i + "]";
                JsonNode entry = list.get(i);
                if (!entry.isObject()) {
                    error(ep, "must be {\"column\": \"<header>\", \"position\": <n>, \"option\": \"<option id>\"}");
                    continue;
                }
                onlyKnown(entry, ep, List.of("column", "position", "option"), "of a column entry");
                Integer index = positionedColumn(entry, ep);
                JsonNode option = entry.get("option");
                if (option == null
                        || !option.isTextual()
                        || q.option(option.asText()).isEmpty()) {
                    error(
                            field(ep, "option"),
                            option == null ? "is required: the option id this column chooses" : notAnOption(q, option));
                    continue;
                }
                if (index == null) {
                    continue;
                }
                String where = "column " + (index + 1);
                if (optionFrom.putIfAbsent(option.asText(), where) != null) {
                    error(
                            field(ep, "option"),
                            "option '" + option.asText() + "' is already read from " + optionFrom.get(option.asText()));
                    continue;
                }
                parts.add(ColumnPart.answer(
                        header,
                        index,
                        q.id(),
                        "columns",
                        option.asText(),
                        null,
                        "a non-empty cell chooses '" + option.asText() + "'"));
            }
        }
        if (parts.isEmpty() && errors.size() == before) {
            error(p, "reads no column");
            return null;
        }
        return new AnswerReads.Columns(q, parts);
    }

    private AnswerReads.AnswerRead delimited(Question q, JsonNode spec, String p) {
        Integer index = requiredColumn(spec, p);
        String delimiter = delimiter(spec, p);
        AnswerReads.OptionNames names = optionNames(q, spec.get("values"), field(p, "values"));
        AnswerReads.WriteIns writeIns = writeIns(spec.get("writeIns"), field(p, "writeIns"));
        if (index == null) {
            return null;
        }
        String how =
                "option names split by '" + delimiter + "'; each " + lookupHow(names, q) + "; " + writeInsHow(writeIns);
        ColumnPart part = ColumnPart.answer(header, index, q.id(), "delimited", null, null, how);
        return new AnswerReads.Delimited(q, part, delimiter, names, writeIns);
    }

    private AnswerReads.AnswerRead yesNo(Question q, JsonNode spec, String p) {
        String yes = nonEmptyText(spec.get("yes"), field(p, "yes"), "Yes");
        String no = nonEmptyText(spec.get("no"), field(p, "no"), "No");
        if (yes != null && yes.equalsIgnoreCase(no)) {
            error(field(p, "no"), "must differ from yes");
        }
        JsonNode options = spec.get("options");
        String op = field(p, "options");
        if (options == null || !options.isObject() || options.isEmpty()) {
            error(op, "is required: {\"<option id>\": \"<column>\", ...}, one column per option");
            return null;
        }
        List<ColumnPart> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String ep = field(op, e.getKey());
            if (q.option(e.getKey()).isEmpty()) {
                error(ep, "'" + e.getKey() + "' is not an option of '" + q.id() + "' (" + optionIds(q) + ")");
                continue;
            }
            Integer index = uniqueColumn(e.getValue(), ep);
            if (index == null) {
                if (e.getValue() == null || e.getValue().isNull()) {
                    error(ep, "must be a column of the file");
                }
                continue;
            }
            parts.add(ColumnPart.answer(
                    header,
                    index,
                    q.id(),
                    "yesno",
                    e.getKey(),
                    null,
                    "'" + yes + "' chooses '" + e.getKey() + "'; empty or '" + no + "' does not"));
        }
        return parts.isEmpty() ? null : new AnswerReads.YesNo(q, parts, yes, no);
    }

    private AnswerReads.AnswerRead scale(Question q, JsonNode spec, String p) {
        Integer index = requiredColumn(spec, p);
        BigDecimal from = BigDecimal.ZERO;
        BigDecimal to = BigDecimal.valueOf(100);
        JsonNode range = spec.get("from");
        if (range != null && !range.isNull()) {
            if (!range.isArray()
                    || range.size() != 2
                    || !range.get(0).isNumber()
                    || !range.get(1).isNumber()
                    || range.get(0).decimalValue().compareTo(range.get(1).decimalValue()) == 0) {
                error(
                        field(p, "from"),
                        "must be two different numbers [low end, high end], the file's range, e.g. [1, 10]");
            } else {
                from = range.get(0).decimalValue();
                to = range.get(1).decimalValue();
            }
        }
        String na = null;
        JsonNode naNode = spec.get("na");
        if (naNode != null && !naNode.isNull()) {
            na = nonEmptyText(naNode, field(p, "na"), null);
            requireNotApplicable(q, field(p, "na"));
        }
        Integer naIndex = null;
        JsonNode naColumn = spec.get("naColumn");
        if (naColumn != null && !naColumn.isNull()) {
            naIndex = uniqueColumn(naColumn, field(p, "naColumn"));
            requireNotApplicable(q, field(p, "naColumn"));
        }
        if (index == null) {
            return null;
        }
        String low = from.min(to).stripTrailingZeros().toPlainString();
        String high = from.max(to).stripTrailingZeros().toPlainString();
        String how = from.compareTo(BigDecimal.ZERO) == 0 && to.compareTo(BigDecimal.valueOf(100)) == 0
                ? "a number from 0 to 100, rounded to a whole number"
                : "a number from " + low + " to " + high + ", rescaled linearly to 0..100 and rounded ("
                        + from.stripTrailingZeros().toPlainString() + " becomes 0, "
                        + to.stripTrailingZeros().toPlainString() + " becomes 100)";
        if (na != null) {
            how += "; '" + na + "' means not applicable (NA)";
        }
        how += "; empty means unanswered";
        ColumnPart value = ColumnPart.answer(header, index, q.id(), "scale", null, null, how);
        ColumnPart naPart = naIndex == null
                ? null
                : ColumnPart.answer(
                        header, naIndex, q.id(), "scale", null, null, "a non-empty cell means not applicable (NA)");
        return new AnswerReads.Scale(q, value, naPart, from, to, na);
    }

    private AnswerReads.AnswerRead triad(Question q, JsonNode spec, String p) {
        JsonNode columns = spec.get("columns");
        String cp = field(p, "columns");
        if (columns == null || !columns.isArray() || columns.size() != 3) {
            error(cp, "is required: the three columns with the corners' percentages, in the order of the corners");
            return null;
        }
        List<ColumnPart> parts = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            String ep = cp + "[" + i + "]";
            Integer index = uniqueColumn(columns.get(i), ep);
            if (index == null) {
                if (columns.get(i).isNull()) {
                    error(ep, "must be a column of the file");
                }
                continue;
            }
            if (!seen.add(index)) {
                error(ep, "is already the column of another corner");
                continue;
            }
            parts.add(ColumnPart.answer(
                    header,
                    index,
                    q.id(),
                    "triad",
                    null,
                    i + 1,
                    "the share of corner " + (i + 1) + " in percent; the three are scaled to add up to 100 "
                            + "(they must add up to 100 ± 1) and rounded by largest remainder"));
        }
        return parts.size() == 3 ? new AnswerReads.Triad(q, parts) : null;
    }

    private AnswerReads.AnswerRead writeIn(Question q, JsonNode spec, String p) {
        Integer index = requiredColumn(spec, p);
        if (index == null) {
            return null;
        }
        return new AnswerReads.WriteIn(
                q,
                ColumnPart.answer(
                        header, index, q.id(), "writein", null, null, "the cell's text is the answer (kept as text)"));
    }

    // ---- parts of reads -------------------------------------------------------------------------------

    private AnswerReads.OptionNames optionNames(Question q, JsonNode values, String p) {
        Set<String> ids = q.options() == null
                ? Set.of()
                : q.options().stream().map(Option::id).collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, String> map = new LinkedHashMap<>();
        if (values == null || values.isNull()) {
            return new AnswerReads.OptionNames(map, ids);
        }
        if (!values.isObject()) {
            error(p, "must be an object of cell texts to option ids: {\"<cell>\": \"<option id>\"} (null: no answer)");
            return new AnswerReads.OptionNames(map, ids);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode target = e.getValue();
            if (target.isNull()) {
                map.put(e.getKey().strip(), null);
            } else if (!target.isTextual() || !ids.contains(target.asText())) {
                error(field(p, e.getKey()), notAnOption(q, target));
            } else {
                map.put(e.getKey().strip(), target.asText());
            }
        }
        return new AnswerReads.OptionNames(map, ids);
    }

    private AnswerReads.WriteIns writeIns(JsonNode node, String p) {
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
                error(
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
        error(p, "must be \"error\" (the default), \"ignore\" or {\"question\": \"<text question id>\"}");
        return new AnswerReads.WriteIns.Refuse();
    }

    private void checkWriteInTargets() {
        JsonNode questions = root.get("questions");
        Map<String, String> filledBy = new HashMap<>();
        if (questions != null && questions.isObject()) {
            questions.fieldNames().forEachRemaining(id -> filledBy.put(id, path("questions." + id)));
        }
        for (Map.Entry<String, String> target : writeInTargets) {
            String other = filledBy.putIfAbsent(target.getKey(), target.getValue());
            if (other != null) {
                error(
                        field(target.getValue(), "question"),
                        "'" + target.getKey() + "' is already answered by " + other);
            }
        }
    }

    private String delimiter(JsonNode spec, String p) {
        JsonNode node = spec.get("delimiter");
        if (node == null || node.isNull()) {
            return ",";
        }
        if (!node.isTextual() || node.asText().isEmpty()) {
            error(
                    field(p, "delimiter"),
                    "must be a non-empty text such as \",\" or \" \" (a space splits on any white space)");
            return ",";
        }
        return node.asText();
    }

    private void requireNotApplicable(Question q, String p) {
        if (!q.allowsNotApplicable()) {
            error(
                    p,
                    "question '" + q.id()
                            + "' does not allow not applicable (its definition has no \"notApplicable\": true)");
        }
    }

    private void onlyForChoice(JsonNode spec, String p, String... names) {
        for (String name : names) {
            if (spec.has(name)) {
                error(field(p, name), "only applies to a choice question");
            }
        }
    }

    private void onlyForMultichoice(JsonNode spec, String p, String name) {
        if (spec.has(name)) {
            error(field(p, name), "only applies to a multichoice question");
        }
    }

    private String nonEmptyText(JsonNode node, String p, String otherwise) {
        if (node == null || node.isNull()) {
            return otherwise;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            error(p, "must be a non-empty text");
            return otherwise;
        }
        return node.asText().strip();
    }

    private Map<String, String> stringMap(JsonNode node, String p, Predicate<String> valid, String invalid) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return map;
        }
        if (!node.isObject()) {
            error(p, "must be an object of cell texts to ids: {\"<cell>\": \"<id>\"}");
            return map;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual() || !valid.test(e.getValue().asText())) {
                error(field(p, e.getKey()), "'" + e.getValue().asText() + "' " + invalid);
            } else {
                map.put(e.getKey().strip(), e.getValue().asText());
            }
        }
        return map;
    }

    // ---- columns --------------------------------------------------------------------------------------

    private Integer requiredColumn(JsonNode spec, String p) {
        JsonNode column = spec.get("column");
        if (column == null || column.isNull()) {
            error(field(p, "column"), "is required: the column to read");
            return null;
        }
        return uniqueColumn(column, field(p, "column"));
    }

    /** The index of the one column with this header; null (and an error) when there is none or several. */
    private Integer uniqueColumn(JsonNode node, String p) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || node.asText().isEmpty()) {
            error(p, "must be the header of a column of the file");
            return null;
        }
        String name = node.asText();
        List<Integer> indexes = header.indexesOf(name);
        if (indexes.isEmpty()) {
            error(p, "'" + name + "' is not a column of the file" + suggestion(name));
            return null;
        }
        if (indexes.size() > 1) {
            error(
                    p,
                    "'" + name + "' is the header of " + indexes.size() + " columns (numbers "
                            + indexes.stream().map(i -> String.valueOf(i + 1)).collect(Collectors.joining(", "))
                            + "); only read 'columns' reads columns that share a header");
            return null;
        }
        return indexes.get(0);
    }

    /** A {@code {"column", "position"}} entry: the position-th column with that header (1-based; optional when the header is unique). */
    private Integer positionedColumn(JsonNode entry, String p) {
        JsonNode column = entry.get("column");
        if (column == null || !column.isTextual() || column.asText().isEmpty()) {
            error(field(p, "column"), "is required: the header of the column");
            return null;
        }
        List<Integer> indexes = header.indexesOf(column.asText());
        if (indexes.isEmpty()) {
            error(
                    field(p, "column"),
                    "'" + column.asText() + "' is not a column of the file" + suggestion(column.asText()));
            return null;
        }
        JsonNode position = entry.get("position");
        if (position == null || position.isNull()) {
            if (indexes.size() > 1) {
                error(
                        field(p, "position"),
                        "is required: '" + column.asText() + "' is the header of " + indexes.size()
                                + " columns; 1 is the first of them");
                return null;
            }
            return indexes.get(0);
        }
        if (!position.isInt() || position.asInt() < 1 || position.asInt() > indexes.size()) {
            error(
                    field(p, "position"),
                    "must be a whole number from 1 to " + indexes.size() + ", which of the columns headed '"
                            + column.asText() + "' it is");
            return null;
        }
        return indexes.get(position.asInt() - 1);
    }

    private String suggestion(String name) {
        String wanted = squash(name);
        return header.names().stream()
                .filter(n -> squash(n).equals(wanted))
                .findFirst()
                .map(n -> " (did you mean '" + n + "'?)")
                .orElse("");
    }

    private static String squash(String s) {
        return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    // ---- messages -------------------------------------------------------------------------------------

    private static String lookupHow(AnswerReads.OptionNames names, Question q) {
        return (names.values().isEmpty()
                        ? ""
                        : "cell looked up in values (" + describe(names.values()) + "), otherwise ")
                + "taken as an option id (" + optionIds(q) + ")";
    }

    private static String writeInsHow(AnswerReads.WriteIns writeIns) {
        if (writeIns instanceof AnswerReads.WriteIns.ToQuestion to) {
            return "other texts (write-ins) are kept as text in '" + to.question() + "'";
        }
        return writeIns instanceof AnswerReads.WriteIns.Ignore
                ? "other texts (write-ins) are ignored"
                : "other texts are refused";
    }

    private static String describe(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> e.getKey() + " \u2192 " + (e.getValue() == null ? "no answer" : e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String optionIds(Question q) {
        return q.options() == null ? "" : q.options().stream().map(Option::id).collect(Collectors.joining(", "));
    }

    private static String notAnOption(Question q, JsonNode value) {
        return "'" + value.asText() + "' is not an option of '" + q.id() + "' (" + optionIds(q) + ")";
    }

    private void onlyKnown(JsonNode node, String p, List<String> known, String what) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                error(field(p, name), "is not a setting " + what + "; settings are " + known);
            }
        }
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }

    private static String path(String name) {
        return PREFIX + "." + name;
    }

    private static String field(String parent, String name) {
        return parent + "." + name;
    }

    private void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }
}
