package nl.vertelpunt.story.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What an import did, or on a dry run would do: how many data rows the file has, how many stories
 * are (would be) created and how many replace a story with the same id, how every mapped column is
 * read, which columns are not used, and every row that does not fit. An import that stored anything
 * has no problems; an import with problems is refused as a whole (422) and never answers with this.
 *
 * @param rows         data rows in the file (comment lines, blank lines and the header not counted)
 * @param created      rows without problems whose id the story point does not have yet
 * @param updated      rows without problems that replace a story with the same id
 * @param refused      rows with at least one problem
 * @param columns      every use of a column by the mapping, in file order
 * @param unused       the columns the mapping does not read
 * @param problemCount all problems found; {@code problems} lists at most the first 1000
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportReport(
        boolean dryRun,
        int rows,
        int created,
        int updated,
        int refused,
        List<ColumnUse> columns,
        List<UnusedColumn> unused,
        int problemCount,
        List<RowProblem> problems) {

    /**
     * How one column is read.
     *
     * @param column   the header of the column
     * @param position which of the columns with this header it is (1-based); only when the header occurs more than once
     * @param number   the column's number in the file (1-based, as spreadsheets count)
     * @param field    the story field it fills ({@code id, role, title, text, date, language}), or null for a question
     * @param question the question it answers, or null for a story field
     * @param read     how the question is read ({@code text, index, columns, delimited, yesno, scale, triad, writein})
     * @param option   for {@code columns} and {@code yesno}: the option this column chooses
     * @param corner   for {@code triad}: the corner (1..3) whose share this column holds
     * @param how      in words, how a cell becomes an answer
     * @param filled   how many data rows have a non-empty cell in this column
     * @param examples up to three different cells with the answer each gives, and up to three write-ins
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ColumnUse(
            String column,
            Integer position,
            int number,
            String field,
            String question,
            String read,
            String option,
            Integer corner,
            String how,
            int filled,
            List<Example> examples) {}

    /**
     * A cell and what it becomes.
     *
     * @param answer the answer (or story field value) the cell gives; null when it gives none
     * @param note   for write-ins: where the text goes, or that it is ignored
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Example(String cell, JsonNode answer, String note) {}

    /** A column the mapping does not read, and how many rows have something in it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UnusedColumn(String column, Integer position, int number, int filled) {}

    /**
     * A row that does not fit.
     *
     * @param line     the line where the row starts in the file (1-based; a row may span lines)
     * @param column   the column at fault (several joined with {@code " + "}), or {@code row} / {@code file}
     * @param question the question concerned, if any
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RowProblem(long line, String column, String question, String message) {}
}
