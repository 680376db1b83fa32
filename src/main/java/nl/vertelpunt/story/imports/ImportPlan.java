package nl.vertelpunt.story.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.vertelpunt.story.Channel;

/**
 * A mapping checked against a file's header and a story point's current definition: which column
 * fills which story field and how each mapped question is read. Made by {@link MappingReader}.
 *
 * @param id       the column of story ids, or null to derive ids ({@link DerivedIds})
 * @param title    the column of titles, or null
 * @param text     the column of story texts
 * @param date     the column of collection dates, or null (then the import time, or the stored time of a story that is replaced)
 * @param role     how the storyteller's role is found
 * @param language how the story's language is found
 * @param channel  the channel every imported story gets
 * @param answers  how each mapped question is read, in mapping order
 */
record ImportPlan(
        SourceFile.Header header,
        ColumnPart id,
        ColumnPart title,
        ColumnPart text,
        ColumnPart date,
        Lookup role,
        Lookup language,
        Channel channel,
        List<AnswerReads.AnswerRead> answers) {

    /**
     * A story field that is fixed, or read from a column where a cell is first looked up in
     * {@code values} and otherwise taken as is.
     */
    record Lookup(String fixed, ColumnPart column, Map<String, String> values) {

        /** The value for a row, or null when the cell is empty. */
        String value(List<String> cells) {
            if (column == null) {
                return fixed;
            }
            String cell = column.cell(cells).strip();
            if (cell.isEmpty()) {
                return null;
            }
            return values.getOrDefault(cell, cell);
        }
    }

    /** Every column use, in file order (and mapping order within a column). */
    List<ColumnPart> parts() {
        List<ColumnPart> parts = new ArrayList<>();
        for (ColumnPart p : new ColumnPart[] {id, role.column(), language.column(), date, title, text}) {
            if (p != null) {
                parts.add(p);
            }
        }
        answers.forEach(a -> parts.addAll(a.parts));
        parts.sort(Comparator.comparingInt(p -> p.index));
        return parts;
    }

    /** The 0-based indexes of the columns no part reads. */
    Set<Integer> unused() {
        Set<Integer> unused = new TreeSet<>();
        for (int i = 0; i < header.names().size(); i++) {
            unused.add(i);
        }
        parts().forEach(p -> unused.remove(p.index));
        return unused;
    }
}
