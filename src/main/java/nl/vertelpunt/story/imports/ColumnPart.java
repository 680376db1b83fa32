package nl.vertelpunt.story.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One use of one column by the mapping, with what an import learns about it along the way (how many
 * rows fill it, a few examples of cells and what they become) for the {@link ImportReport}.
 */
final class ColumnPart {

    static final int MAX_EXAMPLES = 3;
    private static final int MAX_EXAMPLE_LENGTH = 100;

    final int index;
    final String name;
    private final Integer position;
    private final String field;
    private final String question;
    private final String read;
    final String option;
    private final Integer corner;
    private final String how;
    private int filled;
    private final List<ImportReport.Example> examples = new ArrayList<>();
    private final List<ImportReport.Example> notes = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    private ColumnPart(
            SourceFile.Header header,
            int index,
            String field,
            String question,
            String read,
            String option,
            Integer corner,
            String how) {
        this.index = index;
        this.name = header.names().get(index);
        this.position = header.isDuplicated(index) ? header.position(index) : null;
        this.field = field;
        this.question = question;
        this.read = read;
        this.option = option;
        this.corner = corner;
        this.how = how;
    }

    /** A column that fills a story field. */
    static ColumnPart field(SourceFile.Header header, int index, String field, String how) {
        return new ColumnPart(header, index, field, null, null, null, null, how);
    }

    /** A column that (partly) answers a question. */
    static ColumnPart answer(
            SourceFile.Header header,
            int index,
            String question,
            String read,
            String option,
            Integer corner,
            String how) {
        return new ColumnPart(header, index, null, question, read, option, corner, how);
    }

    String cell(List<String> cells) {
        return cells.get(index);
    }

    void count(List<String> cells) {
        if (!cells.get(index).isBlank()) {
            filled++;
        }
    }

    /** Remembers a cell and what it became, while there are fewer than three examples of its kind. */
    void example(String cell, JsonNode answer, String note) {
        List<ImportReport.Example> list = note == null ? examples : notes;
        if (cell.isBlank() || list.size() >= MAX_EXAMPLES || !seen.add(cell)) {
            return;
        }
        JsonNode shown = answer != null && answer.isTextual()
                ? JsonNodeFactory.instance.textNode(shorten(answer.asText()))
                : answer;
        list.add(new ImportReport.Example(shorten(cell), shown, note));
    }

    void example(String cell, String answer) {
        example(cell, answer == null ? null : JsonNodeFactory.instance.textNode(answer), null);
    }

    ImportReport.ColumnUse use() {
        List<ImportReport.Example> all = new ArrayList<>(examples);
        all.addAll(notes);
        return new ImportReport.ColumnUse(
                name, position, index + 1, field, question, read, option, corner, how, filled, List.copyOf(all));
    }

    private static String shorten(String s) {
        return s.length() <= MAX_EXAMPLE_LENGTH ? s : s.substring(0, MAX_EXAMPLE_LENGTH - 1) + "\u2026";
    }
}
