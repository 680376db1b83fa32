package nl.vertelpunt.card.render;

import io.quarkus.qute.RawString;
import java.util.List;

/**
 * What the deck template ({@code templates/cards/deck.html}) shows: every text already in Dutch and formatted,
 * user text cleaned of characters XML forbids (the template escapes it), the chart as SVG markup. Built by
 * {@link DeckViews} from {@link CardDocument}s.
 *
 * @param title  the document title
 * @param screen whether the deck is read on a screen (HTML), where each card also has its statistics behind a
 *               disclosure; the printed deck (PDF) has none: a mixed table reads it, and the statistics and the full
 *               provenance are in the PDF's metadata
 * @param cards  the cards, one page each
 * @param meta   for print, each card's id, full provenance and statistics ({@link CardMetadata}) as meta tags, which
 *               become the PDF's document properties; on screen none
 */
public record DeckView(String title, boolean screen, List<Card> cards, List<Fact> meta) {

    /**
     * One card.
     *
     * @param anchor          the element id of the card ("kaart-…")
     * @param density         how tightly the card is set for print: "" (normal) or "dicht-1" … "dicht-3" (a CSS class)
     * @param storyPointTitle the story point's title, small above the card title
     * @param title           the card title
     * @param label           the card's number and version ("Kaart 7 · versie 3")
     * @param questions       the questions in one sentence, with their numbers
     * @param chart           the chart as inline SVG (from {@link SvgCharts}, escaped there; it explains itself)
     * @param facts           the pattern in words: how many stories, how strong, the chance of coincidence
     * @param tables          the numbers per group or the table of counts, without statistical terms
     * @param differences     which groups differ clearly, in a sentence, or ""
     * @param notes           remarks of the evaluation, in Dutch
     * @param statistics      the test: name, statistic, df, p, q, effect size, n (on screen only)
     * @param details         statistics per group, pairwise tests, the counts with residuals (on screen only)
     * @param observation     the observation
     * @param interpretations at least two, empty ones marked
     * @param stories         the typical stories shown with their excerpt
     * @param quotes          further typical stories with a marked quote: id, role and the quote
     * @param moreStories     further typical stories without a quote, by id and role
     * @param figures         context figures from outside sources, each with its source, as given
     * @param trend           the trend over time put on the card ("Door de tijd"), or null
     * @param source          where the numbers come from, in words ("Patroonevaluatie van 7 december 2026, 925
     *                        verhalen, standaardinstellingen")
     * @param disclaimer      {@link CardDocument#DISCLAIMER}
     */
    public record Card(
            String anchor,
            String density,
            String storyPointTitle,
            String title,
            String label,
            String questions,
            RawString chart,
            List<Fact> facts,
            List<Table> tables,
            String differences,
            List<String> notes,
            List<Fact> statistics,
            List<Table> details,
            String observation,
            List<Interpretation> interpretations,
            List<Story> stories,
            List<Quote> quotes,
            List<String> moreStories,
            List<FigureRow> figures,
            TrendView trend,
            String source,
            String disclaimer) {

        /** Whether the card has typical stories of any kind. */
        public boolean hasStories() {
            return !stories.isEmpty() || !quotes.isEmpty() || !moreStories.isEmpty();
        }
    }

    /** A labelled value of the test. */
    public record Fact(String label, String value) {}

    /** A small table of numbers. */
    public record Table(String caption, List<String> head, List<Row> rows, String note) {}

    /** A row: its first cell is the row's header. */
    public record Row(List<Cell> cells) {}

    /**
     * A cell.
     *
     * @param text   the value
     * @param detail a second, smaller value (a residual), or "" for none
     * @param mark   "hoog" or "laag" for a cell that stands out (adjusted residual beyond ±2), "vet" for a pairwise
     *               difference with p (Holm) ≤ 0.05, "leeg" for a group without statistics, "" otherwise
     * @param header whether the cell heads its row
     */
    public record Cell(String text, String detail, String mark, boolean header) {}

    /** An interpretation; {@code empty} when the facilitator has not written it yet. */
    public record Interpretation(String heading, String text, boolean empty) {}

    /**
     * A typical story.
     *
     * @param id         the story id
     * @param role       the storyteller's role
     * @param looseQuote the marked quote when it does not occur in the excerpt (shown above it), or ""
     * @param segments   the excerpt, the quote marked in it
     * @param shortened  whether the excerpt was shortened to fit the card
     */
    public record Story(String id, String role, String looseQuote, List<Segment> segments, boolean shortened) {}

    /** A typical story shown by its marked quote only. */
    public record Quote(String id, String role, String text) {}

    /**
     * A context figure as a card prints it: the indicator, where and when, the value with its unit in Dutch ("12,3%",
     * "1.250 jongeren"), and its source.
     */
    public record FigureRow(String indicator, String region, String period, String value, String source) {}

    /**
     * A trend over time as a card prints it ("Door de tijd").
     *
     * @param intro  what it follows, where and per what ("Vertelpunt Twente, per kwartaal: Twente tegenover de andere
     *               verhalen.")
     * @param charts a chart per indicator, as inline SVG ({@link TrendChart})
     * @param tables the same numbers per indicator: a row per period, a column per group
     * @param taken  when it was put on the card, and that later stories do not change it
     */
    public record TrendView(String intro, List<RawString> charts, List<Table> tables, String taken) {}

    /** A piece of an excerpt; {@code quote} when it is the marked quote. */
    public record Segment(String text, boolean quote) {}
}
