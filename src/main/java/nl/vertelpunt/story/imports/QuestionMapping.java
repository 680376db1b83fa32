package nl.vertelpunt.story.imports;

import static java.util.Map.entry;
import static nl.vertelpunt.story.imports.MappingChecks.field;
import static nl.vertelpunt.story.imports.MappingChecks.path;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.vertelpunt.storypoint.definition.Question;
import nl.vertelpunt.storypoint.definition.QuestionType;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;

/**
 * The {@code questions} of a mapping: which read each question takes ({@code text}, {@code index},
 * {@code columns}, {@code delimited}, {@code yesno}, {@code scale}, {@code triad}, {@code writein}), its
 * settings, the option names and write-ins of choices, each checked against the question and the file and
 * turned into an {@link AnswerReads.AnswerRead}. Problems go to the mapping's {@link MappingChecks}.
 */
final class QuestionMapping {

    private static final List<String> READS =
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

    private final MappingChecks checks;
    private final SourceFile.Header header;
    private final StoryPointDefinition definition;
    private final OptionMapping options;

    QuestionMapping(MappingChecks checks, SourceFile.Header header, StoryPointDefinition definition) {
        this.checks = checks;
        this.header = header;
        this.definition = definition;
        this.options = new OptionMapping(checks, definition);
    }

    /** The reads of the mapped questions (those without a problem), and no question answered twice by write-ins. */
    List<AnswerReads.AnswerRead> read(JsonNode questions) {
        List<AnswerReads.AnswerRead> reads = questions(questions);
        options.checkWriteInTargets(questions);
        return reads;
    }

    // ---- questions ------------------------------------------------------------------------------------

    private List<AnswerReads.AnswerRead> questions(JsonNode node) {
        List<AnswerReads.AnswerRead> reads = new ArrayList<>();
        if (node == null || node.isNull()) {
            return reads;
        }
        if (!node.isObject()) {
            checks.error(path("questions"), "must be an object: {\"<question id>\": {\"read\": \"...\", ...}}");
            return reads;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = path("questions." + e.getKey());
            Optional<Question> question = definition.question(e.getKey());
            if (question.isEmpty()) {
                checks.error(
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
            checks.error(p, "must be an object: {\"read\": \"...\", ...}");
            return null;
        }
        JsonNode readNode = spec.get("read");
        String fitting =
                READS.stream().filter(r -> FITS.get(r).contains(q.type())).collect(Collectors.joining(", "));
        if (readNode == null || readNode.isNull()) {
            checks.error(field(p, "read"), "is required; a " + q.type().id() + " question is read with " + fitting);
            return null;
        }
        String read = readNode.asText();
        if (!readNode.isTextual() || !READS.contains(read)) {
            checks.error(field(p, "read"), "must be one of " + READS);
            return null;
        }
        if (!FITS.get(read).contains(q.type())) {
            checks.error(
                    field(p, "read"),
                    "'" + read + "' does not fit question '" + q.id() + "', a "
                            + q.type().id() + " question; that is read with " + fitting);
            return null;
        }
        List<String> settings = new ArrayList<>(SETTINGS.get(read));
        settings.add("read");
        checks.onlyKnown(spec, p, settings, "of read '" + read + "'");
        int before = checks.count();
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
        return checks.count() > before ? null : result;
    }

    private AnswerReads.AnswerRead text(Question q, JsonNode spec, String p) {
        Integer index = checks.requiredColumn(spec, p);
        if (q.type() != QuestionType.CHOICE) {
            onlyForChoice(spec, p, "values", "writeIns");
        }
        boolean choice = q.type() == QuestionType.CHOICE;
        AnswerReads.OptionNames names = choice ? options.optionNames(q, spec.get("values"), field(p, "values")) : null;
        AnswerReads.WriteIns writeIns = choice ? options.writeIns(spec.get("writeIns"), field(p, "writeIns")) : null;
        if (index == null) {
            return null;
        }
        String how = switch (q.type()) {
            case TEXT -> "the cell's text is the answer as is";
            case SLIDER ->
                "a whole number from 0 to 100" + (q.allowsNotApplicable() ? ", or NA for not applicable" : "");
            default -> OptionMapping.lookupHow(names, q) + "; " + OptionMapping.writeInsHow(writeIns);
        };
        ColumnPart part = ColumnPart.answer(header, index, q.id(), "text", null, null, how);
        return new AnswerReads.Text(q, part, names, writeIns);
    }

    private AnswerReads.AnswerRead index(Question q, JsonNode spec, String p) {
        Integer index = checks.requiredColumn(spec, p);
        List<String> options = new ArrayList<>();
        JsonNode optionsNode = spec.get("options");
        if (optionsNode == null || optionsNode.isNull()) {
            q.options().forEach(o -> options.add(o.id()));
        } else if (!optionsNode.isArray() || optionsNode.isEmpty()) {
            checks.error(
                    field(p, "options"),
                    "must be a list of option ids of '" + q.id() + "' in the order the file numbers them");
        } else {
            for (int i = 0; i < optionsNode.size(); i++) {
                JsonNode o = optionsNode.get(i);
                String op = field(p, "options") + "[" + i + "]";
                if (!o.isTextual() || q.option(o.asText()).isEmpty()) {
                    checks.error(op, OptionMapping.notAnOption(q, o));
                } else if (options.contains(o.asText())) {
                    checks.error(op, "'" + o.asText() + "' is listed twice");
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
            checks.error(
                    p,
                    "needs exactly one of column (every column with that header, options named by the comment row) "
                            + "and columns (a list of {\"column\", \"position\", \"option\"})");
            return null;
        }
        int before = checks.count();
        List<ColumnPart> parts = new ArrayList<>();
        Map<String, String> optionFrom = new HashMap<>();
        if (byHeader) {
            String cp = field(p, "column");
            JsonNode column = spec.get("column");
            AnswerReads.OptionNames names = options.optionNames(q, spec.get("values"), field(p, "values"));
            if (!column.isTextual() || column.asText().isEmpty()) {
                checks.error(cp, "must be the header shared by the columns of this question");
                return null;
            }
            List<Integer> indexes = header.indexesOf(column.asText());
            if (indexes.isEmpty()) {
                checks.error(
                        cp,
                        "'" + column.asText() + "' is not a column of the file" + checks.suggestion(column.asText()));
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
                    checks.error(
                            field(p, "values"),
                            "'" + name + "', the option the comment row names for " + where + ", is not an option of '"
                                    + q.id() + "' (" + OptionMapping.optionIds(q) + "); map it in values");
                } else if (!option.get().isEmpty()) {
                    if (optionFrom.putIfAbsent(option.get(), where) != null) {
                        checks.error(
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
                checks.error(
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
                checks.error(field(p, "values"), "only applies with column; a list in columns names option ids");
            }
            JsonNode list = spec.get("columns");
            if (!list.isArray() || list.isEmpty()) {
                checks.error(
                        field(p, "columns"),
                        "must be a list of {\"column\": \"<header>\", \"position\": <n>, \"option\": \"<option id>\"}");
                return null;
            }
            for (int i = 0; i < list.size(); i++) {
                String ep = field(p, "columns") + "[" + i + "]";
                JsonNode entry = list.get(i);
                if (!entry.isObject()) {
                    checks.error(
                            ep, "must be {\"column\": \"<header>\", \"position\": <n>, \"option\": \"<option id>\"}");
                    continue;
                }
                checks.onlyKnown(entry, ep, List.of("column", "position", "option"), "of a column entry");
                Integer index = checks.positionedColumn(entry, ep);
                JsonNode option = entry.get("option");
                if (option == null
                        || !option.isTextual()
                        || q.option(option.asText()).isEmpty()) {
                    checks.error(
                            field(ep, "option"),
                            option == null
                                    ? "is required: the option id this column chooses"
                                    : OptionMapping.notAnOption(q, option));
                    continue;
                }
                if (index == null) {
                    continue;
                }
                String where = "column " + (index + 1);
                if (optionFrom.putIfAbsent(option.asText(), where) != null) {
                    checks.error(
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
        if (parts.isEmpty() && checks.count() == before) {
            checks.error(p, "reads no column");
            return null;
        }
        return new AnswerReads.Columns(q, parts);
    }

    private AnswerReads.AnswerRead delimited(Question q, JsonNode spec, String p) {
        Integer index = checks.requiredColumn(spec, p);
        String delimiter = delimiter(spec, p);
        AnswerReads.OptionNames names = options.optionNames(q, spec.get("values"), field(p, "values"));
        AnswerReads.WriteIns writeIns = options.writeIns(spec.get("writeIns"), field(p, "writeIns"));
        if (index == null) {
            return null;
        }
        String how = "option names split by '" + delimiter + "'; each " + OptionMapping.lookupHow(names, q) + "; "
                + OptionMapping.writeInsHow(writeIns);
        ColumnPart part = ColumnPart.answer(header, index, q.id(), "delimited", null, null, how);
        return new AnswerReads.Delimited(q, part, delimiter, names, writeIns);
    }

    private AnswerReads.AnswerRead yesNo(Question q, JsonNode spec, String p) {
        String yes = checks.nonEmptyText(spec.get("yes"), field(p, "yes"), "Yes");
        String no = checks.nonEmptyText(spec.get("no"), field(p, "no"), "No");
        if (yes != null && yes.equalsIgnoreCase(no)) {
            checks.error(field(p, "no"), "must differ from yes");
        }
        JsonNode options = spec.get("options");
        String op = field(p, "options");
        if (options == null || !options.isObject() || options.isEmpty()) {
            checks.error(op, "is required: {\"<option id>\": \"<column>\", ...}, one column per option");
            return null;
        }
        List<ColumnPart> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String ep = field(op, e.getKey());
            if (q.option(e.getKey()).isEmpty()) {
                checks.error(
                        ep,
                        "'" + e.getKey() + "' is not an option of '" + q.id() + "' (" + OptionMapping.optionIds(q)
                                + ")");
                continue;
            }
            Integer index = checks.uniqueColumn(e.getValue(), ep);
            if (index == null) {
                if (e.getValue() == null || e.getValue().isNull()) {
                    checks.error(ep, "must be a column of the file");
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
        Integer index = checks.requiredColumn(spec, p);
        BigDecimal from = BigDecimal.ZERO;
        BigDecimal to = BigDecimal.valueOf(100);
        JsonNode range = spec.get("from");
        if (range != null && !range.isNull()) {
            if (!range.isArray()
                    || range.size() != 2
                    || !range.get(0).isNumber()
                    || !range.get(1).isNumber()
                    || range.get(0).decimalValue().compareTo(range.get(1).decimalValue()) == 0) {
                checks.error(
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
            na = checks.nonEmptyText(naNode, field(p, "na"), null);
            requireNotApplicable(q, field(p, "na"));
        }
        Integer naIndex = null;
        JsonNode naColumn = spec.get("naColumn");
        if (naColumn != null && !naColumn.isNull()) {
            naIndex = checks.uniqueColumn(naColumn, field(p, "naColumn"));
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
            checks.error(
                    cp, "is required: the three columns with the corners' percentages, in the order of the corners");
            return null;
        }
        List<ColumnPart> parts = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            String ep = cp + "[" + i + "]";
            Integer index = checks.uniqueColumn(columns.get(i), ep);
            if (index == null) {
                if (columns.get(i).isNull()) {
                    checks.error(ep, "must be a column of the file");
                }
                continue;
            }
            if (!seen.add(index)) {
                checks.error(ep, "is already the column of another corner");
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
        Integer index = checks.requiredColumn(spec, p);
        if (index == null) {
            return null;
        }
        return new AnswerReads.WriteIn(
                q,
                ColumnPart.answer(
                        header, index, q.id(), "writein", null, null, "the cell's text is the answer (kept as text)"));
    }
    // ---- parts of reads -------------------------------------------------------------------------------

    private String delimiter(JsonNode spec, String p) {
        JsonNode node = spec.get("delimiter");
        if (node == null || node.isNull()) {
            return ",";
        }
        if (!node.isTextual() || node.asText().isEmpty()) {
            checks.error(
                    field(p, "delimiter"),
                    "must be a non-empty text such as \",\" or \" \" (a space splits on any white space)");
            return ",";
        }
        return node.asText();
    }

    private void requireNotApplicable(Question q, String p) {
        if (!q.allowsNotApplicable()) {
            checks.error(
                    p,
                    "question '" + q.id()
                            + "' does not allow not applicable (its definition has no \"notApplicable\": true)");
        }
    }

    private void onlyForChoice(JsonNode spec, String p, String... names) {
        for (String name : names) {
            if (spec.has(name)) {
                checks.error(field(p, name), "only applies to a choice question");
            }
        }
    }

    private void onlyForMultichoice(JsonNode spec, String p, String name) {
        if (spec.has(name)) {
            checks.error(field(p, name), "only applies to a multichoice question");
        }
    }
}
