package nl.vertelpunt.card.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * Everything an observation card (observatiekaart) shows, ready to render to HTML, SVG and PDF. Counts in
 * {@code pattern} are already suppressed (numbers, or the text "&lt;5").
 *
 * @param storyPointTitle the story point's title (Dutch)
 * @param title           the card's short title
 * @param observation     the objective observation: what the data shows, nothing more
 * @param interpretations the two opposing interpretations (either may be empty while drafting)
 * @param questions       the questions of the pattern, with number and Dutch label, in pattern order
 * @param pattern         the pattern as in the evaluation result (kind, test, statistic, df, p, q, effectSize,
 *                        n, groups with n/mean/median/sd/skewness/kurtosis/bins, pairwise, table with counts and
 *                        adjustedResiduals, joint with bins); see {@code EvaluationResult.Pattern}
 * @param stories         the typical stories with an excerpt and the marked quote, if any
 * @param provenance      where the numbers come from
 */
public record CardDocument(
        String id,
        int version,
        String storyPointTitle,
        String title,
        String observation,
        List<String> interpretations,
        List<QuestionInfo> questions,
        JsonNode pattern,
        List<TypicalStory> stories,
        Provenance provenance) {

    /** The fixed note on every card. */
    public static final String DISCLAIMER =
            "De gegevens op deze kaart zijn gedeeld door mensen die willen bijdragen aan het verbeteren "
                    + "van de jeugdhulp. Ze zijn niet representatief en daarvoor ook niet verzameld.";

    /** A question (or the role, or one option of a multichoice question) of the pattern. */
    public record QuestionInfo(String variable, Integer number, String label, String left, String right) {}

    /** A typical story on the card: its id, role, an excerpt, and a quote marked in it (or null). */
    public record TypicalStory(String id, String role, String excerpt, String quote) {}

    /** The evaluation the card comes from. */
    public record Provenance(
            String runId,
            String fingerprint,
            String softwareVersion,
            Instant evaluatedAt,
            JsonNode settings,
            int stories) {}
}
