package nl.vertelpunt.card.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * Everything an observation card (observatiekaart) shows, ready to render to HTML, SVG and PDF. Counts in
 * {@code pattern} are already suppressed (numbers, or the text "&lt;5").
 *
 * @param id              the card's id (a UUID), for the API and the PDF's metadata; never shown to people
 * @param number          the card's short number within its story point ("Kaart 7"), what people call it
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
 * @param figures         context figures from outside sources put on the card, as copied when they were put there
 * @param trend           a monitoring result over time ("Door de tijd") as it was when put on the card, or null
 */
public record CardDocument(
        String id,
        int number,
        int version,
        String storyPointTitle,
        String title,
        String observation,
        List<String> interpretations,
        List<QuestionInfo> questions,
        JsonNode pattern,
        List<TypicalStory> stories,
        Provenance provenance,
        List<Figure> figures,
        Trend trend) {

    /** A card without a trend. */
    public CardDocument(
            String id,
            int number,
            int version,
            String storyPointTitle,
            String title,
            String observation,
            List<String> interpretations,
            List<QuestionInfo> questions,
            JsonNode pattern,
            List<TypicalStory> stories,
            Provenance provenance,
            List<Figure> figures) {
        this(
                id,
                number,
                version,
                storyPointTitle,
                title,
                observation,
                interpretations,
                questions,
                pattern,
                stories,
                provenance,
                figures,
                null);
    }

    /** A card without context figures. */
    public CardDocument(
            String id,
            int number,
            int version,
            String storyPointTitle,
            String title,
            String observation,
            List<String> interpretations,
            List<QuestionInfo> questions,
            JsonNode pattern,
            List<TypicalStory> stories,
            Provenance provenance) {
        this(
                id,
                number,
                version,
                storyPointTitle,
                title,
                observation,
                interpretations,
                questions,
                pattern,
                stories,
                provenance,
                List.of(),
                null);
    }

    /** The fixed note on every card. */
    public static final String DISCLAIMER =
            "De gegevens op deze kaart zijn gedeeld door mensen die willen bijdragen aan het verbeteren "
                    + "van de jeugdhulp. Ze zijn niet representatief en daarvoor ook niet verzameld.";

    /** A question (or the role, or one option of a multichoice question) of the pattern. */
    public record QuestionInfo(String variable, Integer number, String label, String left, String right) {}

    /**
     * A context figure on the card (cijfer naast de verhalen): a copy of an uploaded figure, taken when it was put on
     * the card, shown as given with its source; never computed from stories.
     *
     * @param figure the id of the figure it was copied from (which may since have been replaced or deleted)
     * @param value  the number as a decimal with a point, as given ("12.3")
     * @param unit   the unit, or "" for none
     */
    public record Figure(
            long figure, String indicator, String region, String period, String value, String unit, String source) {}

    /**
     * A trend on the card ("Door de tijd"): a monitoring result as it was when it was put on the card; stories that
     * arrive later do not change it.
     *
     * @param module   the question module it was computed across, or null for the card's own story point
     * @param scope    where the stories come from, in Dutch ("Vertelpunt Twente", "alle vertelpunten met de vragen
     *                 van ‘Kern’")
     * @param focus    the name of the part set against the rest ("Twente"), or null when nothing was compared
     * @param rest     the name of the rest ("De andere verhalen"), or null when nothing was compared
     * @param request  the monitoring request as it was asked ({@code MonitorRequest})
     * @param monitor  the result as staff saw it ({@code MonitorService.Monitor}): counts suppressed, values only for
     *                 periods with at least the threshold of answering stories
     * @param takenBy  who put it on the card
     * @param takenAt  when
     */
    public record Trend(
            String module,
            String scope,
            String focus,
            String rest,
            JsonNode request,
            JsonNode monitor,
            String takenBy,
            Instant takenAt) {}

    /** A typical story on the card: its id, role, an excerpt, and a quote marked in it (or null). */
    public record TypicalStory(String id, String role, String excerpt, String quote) {}

    /**
     * The evaluation the card comes from: in full for the API and the PDF's metadata (run id, fingerprint, software
     * version, the request with its filter and settings), and what a person reads of it ("Patroonevaluatie van 7
     * december 2026, 925 verhalen, standaardinstellingen"): when, how many stories (rounded), whether it took all
     * stories ({@code allStories}: no filter beyond complete stories, no subset) and the default settings.
     */
    public record Provenance(
            String runId,
            String fingerprint,
            String softwareVersion,
            Instant evaluatedAt,
            JsonNode settings,
            int stories,
            boolean allStories,
            boolean defaultSettings) {}
}
