package nl.vertelpunt.card.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import nl.vertelpunt.card.render.CardDocument.QuestionInfo;

/**
 * The chart of an observation card as a standalone SVG document (a string), drawn from the pattern of an
 * evaluation result after suppression:
 *
 * <ul>
 *   <li>a slider against groups ({@code slider_by_choice}, or {@code subset} with {@code groups}): one small
 *       histogram per group, one under another, on a common scale (share of the group per ten points), with the
 *       median marked and the slider's poles at the ends of the axis;</li>
 *   <li>two choices ({@code choice_by_choice}, or {@code subset} with a {@code table}): per row a bar of the
 *       column shares, cells whose adjusted residual is at least 2 or at most −2 outlined and marked ▲ / ▼, and
 *       a legend;</li>
 *   <li>two sliders ({@code slider_by_slider}): a 10 × 10 heat map of the joint counts in grey, Spearman's ρ
 *       in the caption;</li>
 *   <li>a triad against groups ({@code triad_by_choice}): a ternary plot ({@link TernaryPlot}).</li>
 * </ul>
 *
 * <p>Contract: the SVG is well-formed XML in the SVG namespace with a {@code viewBox} (one unit is one CSS pixel),
 * {@code role="img"}, a {@code <title>} and a {@code <desc>} that says in words what the chart shows. Text is set
 * in Liberation Sans (falling back to Arial, Helvetica, sans-serif in a browser). It reads in black and white:
 * grey levels, outlines, marks and labels, never colour alone. Every text from the data is escaped and
 * characters XML forbids are dropped. A count shown as text ("&lt;5", suppressed) is never drawn as a quantity:
 * such a bin or cell is labelled or hatched instead, and a group whose n is text, is 0, or that was not tested
 * is an empty, labelled row. Shares are computed from the counts that are shown. Element ids start with
 * {@code kaart-<card id>-} so several charts can sit in one HTML document. The same input gives the same string.
 *
 * <p>This class chooses the chart; each kind is drawn by its own class ({@link GroupHistograms},
 * {@link StackedBars}, {@link HeatMap}) on the frame and helpers of {@link ChartParts}.
 */
public final class SvgCharts {

    private SvgCharts() {}

    /** The chart of a card; see the class comment. */
    public static String chart(CardDocument card) {
        return chart(card.id(), card.pattern(), card.questions());
    }

    /**
     * The chart of a pattern.
     *
     * @param id        identifies the chart in a document (the card id); used in element ids
     * @param pattern   the pattern as in the evaluation result, counts already suppressed
     * @param questions the pattern's questions with labels and slider poles; a variable without an entry is shown
     *                  by its id
     */
    public static String chart(String id, JsonNode pattern, List<QuestionInfo> questions) {
        String prefix = "kaart-" + safeId(id);
        if (pattern == null || pattern.isNull()) {
            return ChartParts.nothing(prefix, "Dit patroon heeft geen gegevens om te tekenen.");
        }
        if (pattern.path("ternary").isObject()) {
            return TernaryPlot.draw(prefix, pattern, questions);
        }
        if (pattern.path("groups").isArray() && !pattern.path("groups").isEmpty()) {
            return GroupHistograms.draw(prefix, pattern, questions);
        }
        if (pattern.path("table").isObject()) {
            return StackedBars.draw(prefix, pattern, questions);
        }
        if (pattern.path("joint").isObject()) {
            return HeatMap.draw(prefix, pattern, questions);
        }
        return ChartParts.nothing(prefix, "Dit patroon heeft geen verdeling om te tekenen.");
    }

    /** The card id reduced to characters that are safe in an XML id. */
    static String safeId(String id) {
        String clean = id == null ? "" : id.replaceAll("[^A-Za-z0-9_-]", "-");
        return clean.isEmpty() ? "zonder-id" : clean;
    }
}
