package nl.vertelpunt.story.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One data row while it is read: its cells, the problems found in it, and write-ins bound for text questions. */
final class RowContext {

    final long line;
    final List<String> cells;
    final List<ImportReport.RowProblem> problems = new ArrayList<>();
    final Map<String, List<String>> writeIns = new LinkedHashMap<>();

    RowContext(long line, List<String> cells) {
        this.line = line;
        this.cells = cells;
    }

    void problem(String column, String question, String message) {
        problems.add(new ImportReport.RowProblem(line, column, question, message));
    }

    void writeIn(String question, String text) {
        writeIns.computeIfAbsent(question, q -> new ArrayList<>()).add(text);
    }
}
