package nl.vertelpunt.card.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Renders a deck of observation cards as one HTML document and as a printable A4 PDF, one card per page. Both
 * come from the same checked Qute template ({@code templates/cards/deck.html}), so the two cannot drift apart.
 *
 * <p>A card is one sheet of paper. A card too full for its page at the normal size is set denser, step by step
 * (smaller type down to 7 pt for its texts, a smaller chart, fewer and shorter excerpts: see
 * {@link DeckViews#DENSITIES}), until it fits; the observation, both interpretations, every story id and quote and
 * the disclaimer always stay on it. The card service's limits make every card fit whose data (chart and tables) is
 * not larger than that of a question with about fifteen groups; a card with more would go on over a second page
 * rather than lose text.
 *
 * <p>The printed card is for a mixed table and has no statistical terms, ids or settings in its text: the PDF carries
 * every card's id, full provenance (evaluation run, fingerprint, software version, settings) and statistics in its
 * metadata, as document properties and XMP ({@link CardMetadata}). The HTML deck shows the statistics of a card
 * behind a disclosure.
 *
 * <p>Inject it ({@code @Inject CardRenderer renderer}); it is stateless and safe to call from several threads.
 * Rendering is pure: no database, no network, no files (fonts come from the classpath). A PDF takes about 20 ms
 * per card once the libraries are loaded and compiled; loading them takes seconds, so in production a one-card deck
 * is rendered in the background at start-up ({@link #warmUp()}).
 */
@ApplicationScoped
public class CardRenderer {

    private static final Logger LOG = Logger.getLogger(CardRenderer.class);
    private static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);

    /** The deck template, checked at build time against {@link DeckView}. */
    @CheckedTemplate(basePath = "cards")
    static class Templates {
        static native TemplateInstance deck(DeckView deck);
    }

    /**
     * The cards as a complete HTML document (UTF-8, well-formed XHTML, styles inline, charts as inline SVG) for
     * a browser and for print, every card at the normal size (on screen a card has no page to fit).
     *
     * @param cards the cards in deck order; at least one
     * @throws IllegalArgumentException when there is no card
     */
    public String html(List<CardDocument> cards) {
        check(cards);
        return html(cards, new int[cards.size()], true);
    }

    /**
     * The cards as a PDF: A4, one card per page, each card set at the first density at which it fits on its page,
     * every font embedded, charts as vector graphics.
     *
     * @param cards the cards in deck order; at least one
     * @throws IllegalArgumentException when there is no card
     */
    public byte[] pdf(List<CardDocument> cards) {
        check(cards);
        int[] densities = new int[cards.size()];
        List<Integer> trying = new ArrayList<>();
        for (int i = 0; i < cards.size(); i++) {
            trying.add(i);
        }
        // lay out the cards that do not fit yet, each one step denser than before; cards start on a page of their
        // own, so a card's fit does not depend on the others
        while (true) {
            List<CardDocument> part = trying.stream().map(cards::get).toList();
            int[] partDensities = trying.stream().mapToInt(i -> densities[i]).toArray();
            List<Integer> denser = new ArrayList<>();
            try (CardPdf.Paged paged = CardPdf.layout(html(part, partDensities, false))) {
                for (int k : overfull(paged, part)) {
                    int card = trying.get(k);
                    if (densities[card] < DeckViews.DENSITIES.size() - 1) {
                        densities[card]++;
                        denser.add(card);
                    } else {
                        LOG.warnf(
                                "Card %s does not fit on one A4 page even at its densest; it goes on over the next page",
                                cards.get(card).id());
                    }
                }
                if (denser.isEmpty() && trying.size() == cards.size()) {
                    return paged.pdf(CardMetadata.of(cards));
                }
            }
            if (denser.isEmpty()) {
                try (CardPdf.Paged paged = CardPdf.layout(html(cards, densities, false))) {
                    return paged.pdf(CardMetadata.of(cards));
                }
            }
            trying = denser;
        }
    }

    /**
     * The deck with each card at its density (an index into {@link DeckViews#DENSITIES}); {@code screen} for HTML,
     * with each card's statistics behind a disclosure.
     */
    private static String html(List<CardDocument> cards, int[] densities, boolean screen) {
        return Templates.deck(DeckViews.deck(cards, densities, screen)).render();
    }

    private static void check(List<CardDocument> cards) {
        Objects.requireNonNull(cards, "cards");
        if (cards.isEmpty()) {
            throw new IllegalArgumentException("a deck needs at least one card");
        }
        cards.forEach(card -> Objects.requireNonNull(card, "a card in the deck is null"));
    }

    /** The positions (in {@code cards}) of the cards that take more than one page of the laid-out deck. */
    private static List<Integer> overfull(CardPdf.Paged paged, List<CardDocument> cards) {
        List<Integer> out = new ArrayList<>();
        int pages = paged.pages();
        if (pages == cards.size()) {
            return out;
        }
        List<String> anchors = DeckViews.anchors(cards);
        for (int k = 0; k < cards.size(); k++) {
            int start = paged.pageOf(anchors.get(k));
            int next = k + 1 < cards.size() ? paged.pageOf(anchors.get(k + 1)) : pages;
            if (start < 0 || next < 0 || next - start > 1) {
                out.add(k);
            }
        }
        return out;
    }

    /**
     * The Content-Security-Policy to serve a deck's HTML with: nothing may load, only the deck's own inline style
     * block applies (allowed by its SHA-256 hash). The service's default policy ({@code style-src 'self'}) would
     * leave the deck unstyled, so the response for a deck must carry this policy instead of that one.
     *
     * @param html a document returned by {@link #html}
     */
    public static String contentSecurityPolicy(String html) {
        StringBuilder styles = new StringBuilder();
        Matcher style = STYLE.matcher(html);
        while (style.find()) {
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256")
                        .digest(style.group(1).getBytes(StandardCharsets.UTF_8));
                styles.append(" 'sha256-")
                        .append(Base64.getEncoder().encodeToString(hash))
                        .append('\'');
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
        }
        return "default-src 'none'; style-src" + (styles.length() == 0 ? " 'none'" : styles) + "; img-src data:; "
                + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    /**
     * Renders a one-card deck a few times and throws it away, so that the classes, fonts and caches a deck needs
     * are loaded, and the hot code compiled, before a facilitator asks for one (the first deck in a fresh JVM
     * otherwise takes several seconds longer). Never throws: a failure is logged.
     */
    public void warmUp() {
        long start = System.nanoTime();
        try {
            List<CardDocument> deck = List.of(sample());
            for (int i = 0; i < 3; i++) {
                pdf(deck);
            }
            LOG.debugf("Card rendering warmed up in %d ms", (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("Warming up the card renderer failed; the first deck will be slower", e);
        }
    }

    /** In production, warms up on a background thread at start-up; start-up does not wait for it. */
    void warmUpAtStart(@Observes StartupEvent event) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        Thread thread = new Thread(this::warmUp, "card-renderer-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** A small card that exercises the template, a chart with text, and every face of the font. */
    private static CardDocument sample() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode pattern = json.objectNode();
        pattern.put("kind", "slider_by_choice");
        pattern.putArray("questions").add("slider").add("choice");
        pattern.put("test", "mann-whitney");
        pattern.put("statistic", 120.5);
        pattern.put("p", 0.001);
        pattern.put("q", 0.01);
        pattern.putObject("effectSize").put("name", "rank-biserial").put("value", 0.4);
        pattern.put("n", 40);
        ArrayNode groups = pattern.putArray("groups");
        for (String group : List.of("a", "b")) {
            ObjectNode g = groups.addObject()
                    .put("category", group)
                    .put("label", "Groep " + group)
                    .put("n", 20)
                    .put("mean", 50.0)
                    .put("median", 50.0)
                    .put("sd", 10.0)
                    .put("tested", true);
            ArrayNode bins = g.putArray("bins");
            for (int b = 0; b < 10; b++) {
                bins.add(b == 4 || b == 5 ? 10 : 0);
            }
        }
        return new CardDocument(
                "opwarmen",
                1,
                1,
                "Opwarmen",
                "Opwarmen",
                "Observatie",
                List.of("Eén", "Twee"),
                List.of(
                        new CardDocument.QuestionInfo("slider", 1, "Slider", "Links", "Rechts"),
                        new CardDocument.QuestionInfo("choice", 2, "Keuze", null, null)),
                pattern,
                List.of(new CardDocument.TypicalStory("1", "ouder", "Een verhaal, met een citaat.", "citaat")),
                new CardDocument.Provenance("opwarmen", "0", "0", Instant.EPOCH, null, 0, true, true));
    }
}
