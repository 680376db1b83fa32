package nl.vertelpunt.story;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import nl.vertelpunt.storypoint.definition.Question;
import nl.vertelpunt.storypoint.definition.QuestionType;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The Excel export: a sheet "Verhalen" with the columns of the CSV exchange format (slider answers as numbers),
 * written row by row, and a sheet "Vragen" that explains every question: its number, type, text, and options or
 * poles.
 */
final class StoryWorkbook {

    private final Workbook workbook;
    private final Worksheet sheet;
    private final List<Question> questions;
    private int next = 1;

    /** Starts the workbook with the header row of the stories sheet. */
    StoryWorkbook(OutputStream out, List<Question> questions) {
        this.questions = questions;
        workbook = new Workbook(out, "Vertelpunt", "1.0");
        sheet = workbook.newWorksheet("Verhalen");
        List<String> header = new ArrayList<>(StoryCsv.FIXED);
        questions.forEach(q -> header.add(q.id()));
        for (int col = 0; col < header.size(); col++) {
            sheet.value(0, col, header.get(col));
            sheet.style(0, col).bold().set();
        }
        sheet.freezePane(0, 1);
    }

    /** One story, its cells in the order of the header. */
    void row(List<String> row) throws IOException {
        for (int col = 0; col < row.size(); col++) {
            String value = row.get(col);
            if (!value.isEmpty()) {
                Question q = col >= StoryCsv.FIXED.size() ? questions.get(col - StoryCsv.FIXED.size()) : null;
                if (q != null && q.type() == QuestionType.SLIDER && !value.equals("NA")) {
                    sheet.value(next, col, Integer.parseInt(value));
                } else {
                    sheet.value(next, col, value);
                }
            }
        }
        if (++next % 1000 == 0) {
            sheet.flush();
        }
    }

    /** Adds the sheet of questions and closes the workbook. */
    void finish() throws IOException {
        Worksheet about = workbook.newWorksheet("Vragen");
        String[] columns = {"kolom", "nummer", "type", "vraag", "opties of polen"};
        for (int col = 0; col < columns.length; col++) {
            about.value(0, col, columns[col]);
            about.style(0, col).bold().set();
        }
        int r = 1;
        for (Question q : questions) {
            about.value(r, 0, q.id());
            about.value(r, 1, q.number());
            about.value(r, 2, q.type().id());
            about.value(r, 3, q.label().in("nl"));
            String detail = q.options() != null
                    ? String.join(
                            "; ",
                            q.options().stream()
                                    .map(o -> o.id() + " = " + o.label().in("nl"))
                                    .toList())
                    : q.left() != null
                            ? "0 = " + q.left().in("nl") + "; 100 = "
                                    + q.right().in("nl") + (q.allowsNotApplicable() ? "; NA = niet van toepassing" : "")
                            : q.corners() != null
                                    ? String.join(
                                            " | ",
                                            q.corners().stream()
                                                    .map(x -> x.in("nl"))
                                                    .toList())
                                    : "";
            about.value(r, 4, detail);
            r++;
        }
        workbook.finish();
    }
}
