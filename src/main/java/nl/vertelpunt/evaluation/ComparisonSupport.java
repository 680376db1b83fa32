package nl.vertelpunt.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.DoubleConsumer;
import nl.vertelpunt.dashboard.Suppression;
import nl.vertelpunt.evaluation.stats.RankSums;
import nl.vertelpunt.evaluation.stats.SpearmanResult;
import nl.vertelpunt.story.StoryFilter;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;

/**
 * What a comparison ({@code nl.vertelpunt.comparison}) uses of the pattern evaluation, in one place: reading the
 * stories ({@link DatasetLoader}, with its subset flags for the focus and the reference), the evaluation of one side
 * ({@link Evaluator}, so that "strong" means the same in both), and the computations from counts that the tests
 * share. Nothing here changes how an evaluation works.
 */
public final class ComparisonSupport {

    public static final String SLIDER_BY_CHOICE = Evaluator.SLIDER_BY_CHOICE;
    public static final String CHOICE_BY_CHOICE = Evaluator.CHOICE_BY_CHOICE;
    public static final String SLIDER_BY_SLIDER = Evaluator.SLIDER_BY_SLIDER;
    public static final String TRIAD_BY_CHOICE = Evaluator.TRIAD_BY_CHOICE;
    /** The number of values of a slider (0..100). */
    public static final int SLIDER_VALUES = SliderCounts.VALUES;

    private ComparisonSupport() {}

    /**
     * Reads the stories of {@code request} (its filter, and its subset with or without {@code against}) in one
     * streaming pass inside a read-only, repeatable-read transaction, as {@link EvaluationJob} does.
     */
    public static Dataset load(Connection c, EvaluationScope scope, EvaluationRequest request, DoubleConsumer progress)
            throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
        try {
            int expected = DatasetLoader.count(c, scope, request);
            return DatasetLoader.load(c, scope, request, expected, progress);
        } finally {
            c.rollback();
            c.setReadOnly(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            c.setAutoCommit(autoCommit);
        }
    }

    /**
     * The pattern evaluation of the stories of {@code data} marked in {@code rows} (one side of a comparison), with
     * the evaluation's own pairs, tests, Benjamini–Hochberg family and rule for "strong".
     */
    public static EvaluationResult evaluate(
            Dataset data, boolean[] rows, EvaluationSettings settings, StoryPointDefinition definition) {
        int size = 0;
        for (boolean r : rows) {
            size += r ? 1 : 0;
        }
        Dataset side = new Dataset(
                data.size(), data.sliders(), data.categories(), data.triads(), rows, null, null, size, null);
        EvaluationRequest request = EvaluationRequest.of(definition.slug(), StoryFilter.all(), settings, null);
        return Evaluator.evaluate(side, request, definition, "", share -> {});
    }

    /**
     * The data with the zone of every triad as a choice variable {@code t:zone}, as the evaluation reads it with these
     * settings (see {@link TriadZones}).
     */
    public static Dataset withTriadZones(Dataset data, EvaluationSettings settings) {
        return TriadZones.withZones(data, settings);
    }

    /** The settings as an evaluation applies them (see {@link Evaluator#effective}). */
    public static EvaluationSettings effective(EvaluationSettings settings, int k) {
        return Evaluator.effective(settings, k);
    }

    /** The rows and columns of a crosstab an evaluation keeps (see {@link ChoiceByChoice#keptCategories}). */
    public static int[][] keptCategories(long[][] table, int minimum) {
        return Evaluator.keptCategories(table, minimum);
    }

    /** Rank sums of slider groups from their counts of each value (see {@link SliderCounts#rankSums}). */
    public static RankSums rankSums(long[][] groupCounts, int[] groups) {
        return SliderCounts.rankSums(groupCounts, groups);
    }

    /** Spearman's rho from the joint counts of two sliders (see {@link SliderCounts#spearman}). */
    public static SpearmanResult spearman(long[][] joint) {
        return SliderCounts.spearman(joint);
    }

    /** Suppresses the counts of patterns as staff see them (see {@link ResultSuppression}). */
    public static void suppressPatterns(JsonNode patterns, Suppression suppression) {
        ResultSuppression.patterns(patterns, suppression);
    }
}
