package nl.vertelpunt.evaluation;

import java.util.List;
import nl.vertelpunt.story.StoryCsv;
import nl.vertelpunt.storypoint.definition.Question;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;

/** Datasets for tests without a database: rows of the CSV exchange format through the loader's own builder. */
public final class TestDatasets {

    private TestDatasets() {}

    /**
     * A dataset of every row (all in the evaluated set). A multichoice cell ({@code a|b}) becomes the JSON text the
     * loader reads, a triad cell the JSON array.
     *
     * @param rows cells as {@link StoryCsv} writes them: the fixed columns, then the answers in questionnaire order
     */
    public static Dataset of(StoryPointDefinition definition, List<List<String>> rows) {
        DatasetBuilder builder = new DatasetBuilder(definition, false, rows.size());
        List<Question> columns = builder.columns();
        List<Question> order = definition.questions();
        int fixed = StoryCsv.FIXED.size();
        String[] answers = new String[columns.size()];
        for (List<String> row : rows) {
            for (int c = 0; c < columns.size(); c++) {
                Question q = columns.get(c);
                String cell = row.get(fixed + order.indexOf(q));
                answers[c] = cell.isEmpty()
                        ? null
                        : switch (q.type()) {
                            case MULTICHOICE -> "[\"" + String.join("\", \"", cell.split("\\|")) + "\"]";
                            case TRIAD -> "[" + cell.replace('|', ',') + "]";
                            default -> cell;
                        };
            }
            builder.add(row.get(0), row.get(2), row.get(3), answers, true, false, false);
        }
        return builder.build();
    }
}
