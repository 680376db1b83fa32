package nl.vertelpunt.story.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import nl.vertelpunt.web.FieldError;

/**
 * The small checks the mapping readers share: a value's place in the mapping, column references against the
 * file's header (with a suggestion for a near miss), maps of cell texts, unknown settings, and the list of
 * problems they find.
 */
final class MappingChecks {

    static final String PREFIX = "mapping";

    private final SourceFile.Header header;
    private final List<FieldError> errors = new ArrayList<>();

    MappingChecks(SourceFile.Header header) {
        this.header = header;
    }

    /** The problems found so far, in the order they were found. */
    List<FieldError> errors() {
        return errors;
    }

    /** How many problems were found so far. */
    int count() {
        return errors.size();
    }

    /** Whether any problem was found. */
    boolean any() {
        return !errors.isEmpty();
    }

    // ---- values ---------------------------------------------------------------------------------------

    String nonEmptyText(JsonNode node, String p, String otherwise) {
        if (node == null || node.isNull()) {
            return otherwise;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            error(p, "must be a non-empty text");
            return otherwise;
        }
        return node.asText().strip();
    }

    Map<String, String> stringMap(JsonNode node, String p, Predicate<String> valid, String invalid) {
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

    Integer requiredColumn(JsonNode spec, String p) {
        JsonNode column = spec.get("column");
        if (column == null || column.isNull()) {
            error(field(p, "column"), "is required: the column to read");
            return null;
        }
        return uniqueColumn(column, field(p, "column"));
    }

    /** The index of the one column with this header; null (and an error) when there is none or several. */
    Integer uniqueColumn(JsonNode node, String p) {
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
    Integer positionedColumn(JsonNode entry, String p) {
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

    String suggestion(String name) {
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
    // ---- messages and places --------------------------------------------------------------------------

    static String describe(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> e.getKey() + " \u2192 " + (e.getValue() == null ? "no answer" : e.getValue()))
                .collect(Collectors.joining(", "));
    }

    void onlyKnown(JsonNode node, String p, List<String> known, String what) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                error(field(p, name), "is not a setting " + what + "; settings are " + known);
            }
        }
    }

    static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }

    static String path(String name) {
        return PREFIX + "." + name;
    }

    static String field(String parent, String name) {
        return parent + "." + name;
    }

    void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }
}
