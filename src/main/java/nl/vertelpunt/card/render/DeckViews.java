package nl.vertelpunt.card.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.quarkus.qute.RawString;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.vertelpunt.card.render.CardDocument.QuestionInfo;
import nl.vertelpunt.card.render.CardDocument.TypicalStory;
import nl.vertelpunt.card.render.DeckView.Card;
import nl.vertelpunt.card.render.DeckView.Cell;
import nl.vertelpunt.card.render.DeckView.Fact;
import nl.vertelpunt.card.render.DeckView.Interpretation;
import nl.vertelpunt.card.render.DeckView.Row;
import nl.vertelpunt.card.render.DeckView.Segment;
import nl.vertelpunt.card.render.DeckView.Story;
import nl.vertelpunt.card.render.DeckView.Table;

/**
 * Turns cards into what the deck template shows: Dutch labels and numbers, the chart, the statistics tables,
 * excerpts with the quote marked. Plain computation; the same cards give the same view.
 *
 * <p>What a card shows is for a mixed table of youth, parents, professionals and policy makers: the numbers in
 * words and small tables without statistical terms, a readable provenance and the card's short number. The
 * statistics (test, p, q, effect sizes, skewness, kurtosis, residuals) are shown on screen only, behind a
 * disclosure; the printed card carries them, with the full provenance, in the PDF's metadata ({@link
 * CardRenderer}).
 *
 * <p>To keep a card on one A4 page, an excerpt longer than {@value #EXCERPT_MAX} characters is shortened around
 * its quote (marked "ingekort"). A card too full for its page is set at a higher {@link #DENSITIES density}:
 * first every typical story keeps an excerpt while the excerpts get shorter and (in the template) type and chart
 * smaller; only at the densest steps are stories shown by id and role with their quote, if they have one. Whatever
 * the density, the observation, both interpretations, every story id and every quote are on the card.
 */
final class DeckViews {

    /** Longest excerpt shown on a card at normal density, in characters. */
    static final int EXCERPT_MAX = 400;
    /** Stories shown with their excerpt while there is room: every story a card can have. */
    static final int STORIES_SHOWN = 8;
    /** Pairwise tests shown at normal density, those with the smallest Holm-adjusted p first; the others are counted. */
    static final int PAIRS_SHOWN = 6;

    /** Widest chart in print, in millimetres (the page is 186 mm wide inside its margins). */
    static final double CHART_WIDTH = 146;

    /**
     * How tightly a card is set: its CSS class (the template sets type and spacing by it), the highest chart in
     * print (mm), how many stories are shown with an excerpt, the longest excerpt, and how many pairwise tests
     * are shown.
     */
    record Density(String css, double chartHeight, int storiesShown, int excerptMax, int pairsShown) {}

    /** From normal to densest; {@code CardRenderer} takes the first at which a card fits on its page. */
    static final List<Density> DENSITIES = List.of(
            new Density("", 100, STORIES_SHOWN, EXCERPT_MAX, PAIRS_SHOWN),
            new Density("", 95, STORIES_SHOWN, 260, PAIRS_SHOWN),
            new Density("dicht-1", 90, STORIES_SHOWN, 180, PAIRS_SHOWN),
            new Density("dicht-2", 80, STORIES_SHOWN, 120, 3),
            new Density("dicht-3", 70, STORIES_SHOWN, 80, 3),
            new Density("dicht-3", 70, 0, 0, 3),
            new Density("dicht-3 dicht-4", 56, 0, 0, 2));

    private static final Pattern SVG_SIZE = Pattern.compile(
            "^(<svg [^>]*?viewBox=\"0 0 ([0-9.]+) ([0-9.]+)\"[^>]*?) width=\"[0-9.]+\" height=\"[0-9.]+\"");

    private static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.forLanguageTag("nl"))
            .withZone(DUTCH_TIME);
    private static final Pattern LEFT_OUT = Pattern.compile("Left out of the test, fewer than (\\d+) answers: (.*)");

    private DeckViews() {}

    /**
     * The view of a deck, each card at its density (an index into {@link #DENSITIES}); {@code screen} for the HTML
     * deck, whose cards also show their statistics behind a disclosure.
     */
    static DeckView deck(List<CardDocument> cards, int[] densities, boolean screen) {
        List<String> anchors = anchors(cards);
        List<Card> views = new ArrayList<>(cards.size());
        for (int i = 0; i < cards.size(); i++) {
            views.add(card(cards.get(i), DENSITIES.get(densities[i]), anchors.get(i)));
        }
        Set<String> storyPoints = new LinkedHashSet<>();
        for (CardDocument card : cards) {
            String title = Text.clean(card.storyPointTitle()).strip();
            if (!title.isEmpty()) {
                storyPoints.add(title);
            }
        }
        String title = "Observatiekaarten" + (storyPoints.isEmpty() ? "" : " – " + String.join(", ", storyPoints));
        return new DeckView(
                title,
                screen,
                views,
                screen ? List.of() : CardMetadata.of(cards).entries());
    }

    /**
     * The element ids of the cards in a deck: "kaart-" and the card id, and for a card that is in the deck more than
     * once "-2", "-3" after it, so that every id is unique.
     */
    static List<String> anchors(List<CardDocument> cards) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> out = new ArrayList<>(cards.size());
        for (CardDocument card : cards) {
            String anchor = "kaart-" + SvgCharts.safeId(card.id());
            int n = seen.merge(anchor, 1, Integer::sum);
            out.add(n == 1 ? anchor : anchor + "-" + n);
        }
        return out;
    }

    /** The view of one card at normal density. */
    static Card card(CardDocument card) {
        return card(card, DENSITIES.get(0), anchors(List.of(card)).get(0));
    }

    /** The view of one card. */
    static Card card(CardDocument card, Density density, String anchor) {
        JsonNode pattern = card.pattern() == null ? MissingNode.getInstance() : card.pattern();
        List<QuestionInfo> questions = card.questions() == null ? List.of() : card.questions();
        String kind = pattern.path("kind").asText();
        List<Table> tables = new ArrayList<>();
        List<Table> details = new ArrayList<>();
        String differences = "";
        if (pattern.path("ternary").isObject()) {
            tables.add(triadGroups(pattern, false));
            details.add(triadGroups(pattern, true));
        } else if (pattern.path("groups").isArray() && !pattern.path("groups").isEmpty()) {
            tables.add(plainGroups(pattern));
            details.add(groups(pattern));
            if (pattern.path("pairwise").isArray() && !pattern.path("pairwise").isEmpty()) {
                details.add(pairwise(pattern, PAIRS_SHOWN));
                differences = differences(pattern, density.pairsShown());
            }
        } else if (pattern.path("table").isObject()) {
            tables.add(contingency(pattern, questions, kind, false));
            details.add(contingency(pattern, questions, kind, true));
        }
        List<TypicalStory> all = card.stories() == null
                ? List.of()
                : card.stories().stream().filter(Objects::nonNull).toList();
        int shown = Math.min(density.storiesShown(), all.size());
        List<Story> excerpts = all.subList(0, shown).stream()
                .map(s -> story(s, density.excerptMax()))
                .toList();
        List<DeckView.Quote> quotes = new ArrayList<>();
        List<String> more = new ArrayList<>();
        for (TypicalStory s : all.subList(shown, all.size())) {
            String quote = Text.clean(s.quote()).strip().replaceAll(" {2,}", " ");
            if (quote.isEmpty()) {
                more.add(Text.clean(s.id()) + " (" + role(s) + ")");
            } else {
                quotes.add(new DeckView.Quote(Text.clean(s.id()), role(s), quote));
            }
        }
        return new Card(
                anchor,
                density.css(),
                Text.clean(card.storyPointTitle()),
                Text.clean(card.title()),
                "Kaart " + card.number() + " · versie " + card.version(),
                questionSentence(pattern, questions, kind),
                new RawString(printSize(SvgCharts.chart(card.id(), pattern, questions), density.chartHeight())),
                plainFacts(pattern),
                tables,
                differences,
                notes(pattern),
                facts(pattern),
                details,
                Text.clean(card.observation()),
                interpretations(card.interpretations()),
                excerpts,
                quotes,
                more,
                figures(card.figures()),
                trend(card.trend(), anchor, density),
                source(card.provenance()),
                CardDocument.DISCLAIMER);
    }

    /**
     * The chart with its size for print in millimetres: {@value #CHART_WIDTH} mm wide, or narrower when it would
     * be higher than {@code maxHeight}; the proportions stay. (A browser scales it to the width of the screen.)
     */
    static String printSize(String svg, double maxHeight) {
        Matcher size = SVG_SIZE.matcher(svg);
        if (!size.find()) {
            return svg;
        }
        double ratio = Double.parseDouble(size.group(3)) / Double.parseDouble(size.group(2));
        double width = Math.min(CHART_WIDTH, maxHeight / ratio);
        return size.group(1) + " width=\"" + Svg.number(width) + "mm\" height=\"" + Svg.number(width * ratio) + "mm\""
                + svg.substring(size.end());
    }

    // ---- questions and caption ----------------------------------------------------------------------------------

    /** "De slider ‘Gehoord voelen’ (vraag 12) in combinatie met ‘Dit was voor het kind of gezin …’ (vraag 2)." */
    static String questionSentence(JsonNode pattern, List<QuestionInfo> questions, String kind) {
        List<String> variables = new ArrayList<>();
        pattern.path("questions").forEach(q -> variables.add(q.asText()));
        if (variables.isEmpty()) {
            return "";
        }
        String first = describe(ChartParts.question(questions, variables.get(0)));
        String sentence;
        if ("subset".equals(kind)) {
            QuestionInfo subset = ChartParts.question(questions, variables.size() > 1 ? variables.get(1) : "subset");
            String selection = subset.number() == null && "selectie".equals(subset.label())
                    ? "de selectie"
                    : "de selectie ‘" + Text.clean(subset.label()) + "’";
            sentence = first + ", vergeleken tussen " + selection + " en de andere verhalen";
        } else {
            StringBuilder s = new StringBuilder(first);
            for (int i = 1; i < variables.size(); i++) {
                s.append(" in combinatie met ").append(describe(ChartParts.question(questions, variables.get(i))));
            }
            sentence = s.toString();
        }
        return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1) + ".";
    }

    private static String describe(QuestionInfo q) {
        String label = Text.clean(q.label()).strip();
        if (label.isEmpty()) {
            label = Text.clean(q.variable());
        }
        boolean slider = q.left() != null || q.right() != null;
        String number = q.number() == null ? "" : " (vraag " + q.number() + ")";
        return (slider ? "de slider " : "") + "‘" + label + "’" + number;
    }

    // ---- the pattern in words ------------------------------------------------------------------------------------

    /** How many stories, how strong the pattern is and the chance that it is coincidence, in words. */
    static List<Fact> plainFacts(JsonNode pattern) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Aantal verhalen", DutchFormat.count(pattern.get("n"))));
        if (pattern.path("standardizedEffect").isNumber()) {
            facts.add(new Fact(
                    "Hoe sterk",
                    PlainWords.strength(pattern.path("standardizedEffect").asDouble())));
        }
        if (pattern.path("q").isNumber()) {
            facts.add(
                    new Fact("Kans op toeval", PlainWords.odds(pattern.path("q").asDouble())));
        }
        return facts;
    }

    /** Per group: how many stories, and where the group put the slider on average and in the middle. */
    private static Table plainGroups(JsonNode pattern) {
        List<Row> rows = new ArrayList<>();
        for (JsonNode g : pattern.path("groups")) {
            boolean tested = !g.has("tested") || g.path("tested").asBoolean();
            String label = Text.clean(
                    g.path("label").isTextual()
                            ? g.path("label").asText()
                            : g.path("category").asText());
            String mark = g.path("mean").isNumber() ? "" : "leeg";
            rows.add(new Row(List.of(
                    new Cell(label, tested ? "" : "niet vergeleken", mark, true),
                    new Cell(DutchFormat.count(g.get("n")), "", mark, false),
                    new Cell(DutchFormat.statistic(g.get("mean"), 0), "", mark, false),
                    new Cell(DutchFormat.statistic(g.get("median"), 0), "", mark, false))));
        }
        return new Table(
                "Per groep",
                List.of("Groep", "verhalen", "gemiddeld", "de helft tot"),
                rows,
                "Waar de groep de schuif zette, van 0 tot 100: gemiddeld, en tot waar de helft van de groep kwam."
                        + rounding(pattern, " Een groep onder %s verhalen staat als ‘<%s’, zonder cijfers (–)."));
    }

    /**
     * Per group of a triad × choice pattern: how many stories, and the centre of their dots (the closed geometric
     * mean) as three percentages; with {@code zones} (on screen) also the count per zone.
     */
    private static Table triadGroups(JsonNode pattern, boolean zones) {
        JsonNode ternary = pattern.path("ternary");
        List<String> corners = new ArrayList<>();
        ternary.path("corners").forEach(c -> corners.add(Text.clean(c.asText())));
        List<String> header = new ArrayList<>(List.of("Groep", "verhalen"));
        corners.forEach(c -> header.add("% " + c));
        if (zones) {
            ternary.path("zoneLabels").forEach(z -> header.add(Text.clean(z.asText())));
        }
        List<Row> rows = new ArrayList<>();
        for (JsonNode g : pattern.path("groups")) {
            boolean tested = !g.has("tested") || g.path("tested").asBoolean();
            String label = Text.clean(
                    g.path("label").isTextual()
                            ? g.path("label").asText()
                            : g.path("category").asText());
            String mark = g.path("meanShares").isArray() ? "" : "leeg";
            List<Cell> cells = new ArrayList<>();
            cells.add(new Cell(label, tested ? "" : "niet vergeleken", mark, true));
            cells.add(new Cell(DutchFormat.count(g.get("n")), "", mark, false));
            for (int i = 0; i < 3; i++) {
                cells.add(new Cell(DutchFormat.statistic(g.path("meanShares").get(i), 0), "", mark, false));
            }
            if (zones) {
                for (int z = 0; z < ternary.path("zones").size(); z++) {
                    cells.add(new Cell(DutchFormat.count(g.path("zones").get(z)), "", mark, false));
                }
            }
            rows.add(new Row(cells));
        }
        return new Table(
                zones ? "Per groep en per vak van de driehoek" : "Per groep",
                header,
                rows,
                "Het midden van de stippen van de groep, in procenten per hoek (het meetkundig gemiddelde, samen 100)."
                        + rounding(pattern, " Een groep onder %s verhalen staat als ‘<%s’, zonder cijfers (–)."));
    }

    /**
     * "Aantallen zijn afgerond, zodat niemand te herkennen is." and, when the pattern has a count shown as "&lt;k",
     * {@code small} with k filled in; empty when the counts were not rounded: the pattern was shown without
     * suppression (it carries no {@code suppressionThreshold}, and no count reads "&lt;k", as a card made before the
     * threshold was written into patterns would).
     */
    static String rounding(JsonNode pattern, String small) {
        List<String> shown = new ArrayList<>();
        pattern.path("groups").forEach(g -> shown.add(g.path("n").asText()));
        pattern.path("table").path("counts").forEach(row -> row.forEach(n -> shown.add(n.asText())));
        String threshold = shown.stream()
                .map(SMALL_COUNT::matcher)
                .filter(Matcher::matches)
                .map(m -> m.group(1))
                .findFirst()
                .orElse(null);
        boolean rounded = pattern.path("suppressionThreshold").asInt(1) > 1 || threshold != null;
        if (!rounded) {
            return "";
        }
        return " Aantallen zijn afgerond, zodat niemand te herkennen is."
                + (threshold == null ? "" : small.formatted(threshold, threshold));
    }

    private static final Pattern SMALL_COUNT = Pattern.compile("<(\\d+)");

    /**
     * "Duidelijk verschillend: ‘Negatief’ en ‘Positief’; ‘Negatief’ en ‘Neutraal’." for the pairs of groups that
     * differ clearly (adjusted p at most 0,05), those that differ most clearly first, at most {@code shown}.
     */
    static String differences(JsonNode pattern, int shown) {
        Map<String, String> labels = new HashMap<>();
        pattern.path("groups")
                .forEach(g -> labels.put(
                        g.path("category").asText(), Text.clean(g.path("label").asText())));
        List<JsonNode> pairs = new ArrayList<>();
        pattern.path("pairwise").forEach(pair -> {
            Double holm = DutchFormat.number(pair.get("pHolm"));
            if (holm != null && holm <= 0.05) {
                pairs.add(pair);
            }
        });
        if (pairs.isEmpty()) {
            return "";
        }
        pairs.sort(Comparator.comparingDouble(pair -> pair.path("pHolm").asDouble()));
        List<String> names = new ArrayList<>();
        for (JsonNode pair : pairs.subList(0, Math.min(shown, pairs.size()))) {
            names.add("‘"
                    + labels.getOrDefault(
                            pair.path("a").asText(), Text.clean(pair.path("a").asText()))
                    + "’ en ‘"
                    + labels.getOrDefault(
                            pair.path("b").asText(), Text.clean(pair.path("b").asText()))
                    + "’");
        }
        int left = pairs.size() - names.size();
        return "Groepen die duidelijk van elkaar verschillen: " + String.join("; ", names)
                + (left > 0 ? "; en nog " + left + (left == 1 ? " paar" : " paren") : "") + ".";
    }

    // ---- the test -----------------------------------------------------------------------------------------------

    static List<Fact> facts(JsonNode pattern) {
        List<Fact> facts = new ArrayList<>();
        String test = pattern.path("test").asText();
        if (test.isEmpty()) {
            return facts;
        }
        String symbol = switch (test) {
            case "mann-whitney" -> "U";
            case "kruskal-wallis" -> "H";
            case "chi-square" -> "χ²";
            case "spearman" -> "t";
            case "pillai" -> "V";
            default -> "";
        };
        facts.add(new Fact(
                "Toets",
                switch (test) {
                    case "mann-whitney" -> "Mann–Whitney U";
                    case "kruskal-wallis" -> "Kruskal–Wallis H";
                    case "chi-square" -> "χ² (Pearson)";
                    case "spearman" -> "Spearman (t-verdeling)";
                    case "pillai" -> "MANOVA, Pillais spoor (F-benadering), op de ilr-coördinaten";
                    default -> Text.clean(test);
                }));
        facts.add(new Fact(
                "Toetsgrootheid",
                (symbol.isEmpty() ? "" : symbol + " = ") + DutchFormat.statistic(pattern.get("statistic"), 2)));
        if (pattern.path("df").isNumber()) {
            facts.add(new Fact(
                    "Vrijheidsgraden", DutchFormat.integer(pattern.path("df").asLong())));
        } else if (pattern.path("df").size() == 2) {
            facts.add(new Fact(
                    "Vrijheidsgraden (F)",
                    DutchFormat.integer(pattern.path("df").get(0).asLong()) + " en "
                            + DutchFormat.integer(pattern.path("df").get(1).asLong())));
        }
        facts.add(new Fact("p", DutchFormat.p(DutchFormat.number(pattern.get("p")))));
        facts.add(new Fact("q (Benjamini–Hochberg)", DutchFormat.p(DutchFormat.number(pattern.get("q")))));
        JsonNode effect = pattern.path("effectSize");
        if (effect.isObject()) {
            String name = switch (effect.path("name").asText()) {
                case "rank-biserial" -> "r (rank-biserieel)";
                case "epsilon-squared" -> "ε²";
                case "cramers-v" -> "Cramérs V";
                case "spearman-rho" -> "Spearman ρ";
                case "partial-eta-squared" -> "partiële η²";
                default -> Text.clean(effect.path("name").asText());
            };
            facts.add(new Fact("Effectgrootte", name + " = " + DutchFormat.statistic(effect.get("value"), 2)));
        }
        facts.add(new Fact("n", DutchFormat.count(pattern.get("n"))));
        return facts;
    }

    private static List<String> notes(JsonNode pattern) {
        List<String> notes = new ArrayList<>();
        Map<String, String> labels = new HashMap<>();
        pattern.path("groups")
                .forEach(g -> labels.put(
                        g.path("category").asText(), Text.clean(g.path("label").asText())));
        for (JsonNode note : pattern.path("notes")) {
            String text = Text.clean(note.asText());
            Matcher leftOut = LEFT_OUT.matcher(text);
            if (leftOut.matches()) {
                List<String> names = new ArrayList<>();
                for (String id : leftOut.group(2).split(", ")) {
                    names.add(labels.getOrDefault(id, id));
                }
                notes.add("Niet in de toets, minder dan " + leftOut.group(1) + " antwoorden: "
                        + String.join(", ", names) + ".");
            } else if (text.startsWith("More than 20% of the expected counts are below 5")) {
                notes.add(
                        "Meer dan 20% van de verwachte aantallen is kleiner dan 5: lees de toets met voorzichtigheid.");
            } else {
                notes.add(text);
            }
        }
        return notes;
    }

    // ---- tables -------------------------------------------------------------------------------------------------

    private static Table groups(JsonNode pattern) {
        List<Row> rows = new ArrayList<>();
        for (JsonNode g : pattern.path("groups")) {
            boolean tested = !g.has("tested") || g.path("tested").asBoolean();
            String label = Text.clean(
                    g.path("label").isTextual()
                            ? g.path("label").asText()
                            : g.path("category").asText());
            String mark = g.path("mean").isNumber() ? "" : "leeg";
            rows.add(new Row(List.of(
                    new Cell(label, tested ? "" : "niet getoetst", mark, true),
                    new Cell(DutchFormat.count(g.get("n")), "", mark, false),
                    new Cell(DutchFormat.statistic(g.get("mean"), 1), "", mark, false),
                    new Cell(DutchFormat.statistic(g.get("median"), 1), "", mark, false),
                    new Cell(DutchFormat.statistic(g.get("mode"), 0), "", mark, false),
                    new Cell(DutchFormat.statistic(g.get("sd"), 1), "", mark, false),
                    new Cell(DutchFormat.statistic(g.get("skewness"), 2), "", mark, false),
                    new Cell(DutchFormat.statistic(g.get("kurtosis"), 2), "", mark, false))));
        }
        return new Table(
                "Per groep",
                List.of("Groep", "n", "gemiddelde", "mediaan", "modus", "sd", "scheefheid", "kurtosis"),
                rows,
                "Groepen onder 5 verhalen: aantal als ‘<5’, zonder statistieken (–). Kurtosis: exces.");
    }

    private static Table pairwise(JsonNode pattern, int shown) {
        Map<String, String> labels = new HashMap<>();
        pattern.path("groups")
                .forEach(g -> labels.put(
                        g.path("category").asText(), Text.clean(g.path("label").asText())));
        List<JsonNode> pairs = new ArrayList<>();
        pattern.path("pairwise").forEach(pairs::add);
        // the pairs that differ most clearly first; the order of the evaluation where p (Holm) ties or is missing
        pairs.sort(Comparator.comparingDouble(
                pair -> pair.path("pHolm").isNumber() ? pair.path("pHolm").asDouble() : Double.POSITIVE_INFINITY));
        List<Row> rows = new ArrayList<>();
        for (JsonNode pair : pairs.subList(0, Math.min(shown, pairs.size()))) {
            String a = labels.getOrDefault(
                    pair.path("a").asText(), Text.clean(pair.path("a").asText()));
            String b = labels.getOrDefault(
                    pair.path("b").asText(), Text.clean(pair.path("b").asText()));
            Double holm = DutchFormat.number(pair.get("pHolm"));
            String mark = holm != null && holm <= 0.05 ? "vet" : "";
            rows.add(new Row(List.of(
                    new Cell(a + " – " + b, "", "", true),
                    new Cell(DutchFormat.p(DutchFormat.number(pair.get("p"))), "", "", false),
                    new Cell(DutchFormat.p(holm), "", mark, false),
                    new Cell(DutchFormat.statistic(pair.get("rankBiserial"), 2), "", "", false))));
        }
        int left = pairs.size() - rows.size();
        String note = "Vet: verschil met p (Holm) ≤ 0,05. Positieve r: de eerste groep scoort hoger."
                + (left > 0
                        ? " Nog " + left + (left == 1 ? " paar" : " paren") + " met een grotere p (Holm) niet getoond."
                        : "");
        return new Table(
                "Paarsgewijs (Mann–Whitney)", List.of("Groepen", "p", "p (Holm)", "r (rank-biserieel)"), rows, note);
    }

    /** The table of counts; {@code residuals} adds each cell's adjusted residual (on screen only). */
    private static Table contingency(JsonNode pattern, List<QuestionInfo> questions, String kind, boolean residuals) {
        JsonNode table = pattern.path("table");
        List<String> variables = new ArrayList<>();
        pattern.path("questions").forEach(q -> variables.add(q.asText()));
        boolean subset = "subset".equals(kind);
        String rowVariable = variables.size() > 1 ? variables.get(subset ? 1 : 0) : "";
        String corner = subset
                ? "Verhalen"
                : Text.clean(ChartParts.question(questions, rowVariable).label());
        List<String> head = new ArrayList<>();
        head.add(corner);
        for (int c = 0; c < table.path("columns").size(); c++) {
            JsonNode label = table.path("columnLabels").path(c);
            head.add(Text.clean(
                    label.isTextual()
                            ? label.asText()
                            : table.path("columns").path(c).asText()));
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < table.path("rows").size(); r++) {
            List<Cell> cells = new ArrayList<>();
            JsonNode label = table.path("rowLabels").path(r);
            cells.add(new Cell(
                    Text.clean(
                            label.isTextual()
                                    ? label.asText()
                                    : table.path("rows").path(r).asText()),
                    "",
                    "",
                    true));
            for (int c = 0; c < table.path("columns").size(); c++) {
                JsonNode residual = table.path("adjustedResiduals").path(r).path(c);
                Double value = DutchFormat.number(residual);
                String mark = value == null ? "" : value >= 2 ? "hoog" : value <= -2 ? "laag" : "";
                String arrow = mark.equals("hoog") ? "▲" : mark.equals("laag") ? "▼" : "";
                String detail = value == null
                        ? ""
                        : residuals
                                ? "(" + (value > 0 ? "+" : "") + DutchFormat.decimal(value, 1)
                                        + (arrow.isEmpty() ? "" : " " + arrow) + ")"
                                : arrow;
                cells.add(
                        new Cell(DutchFormat.count(table.path("counts").path(r).get(c)), detail, mark, false));
            }
            rows.add(new Row(cells));
        }
        return residuals
                ? new Table(
                        "Aantallen verhalen (gecorrigeerd residu)",
                        head,
                        rows,
                        "Residu ≥ 2 (▲) of ≤ −2 (▼): duidelijk meer of minder verhalen dan verwacht als de vragen los"
                                + " van elkaar stonden. Aantallen onder 5 staan als ‘<5’.")
                : new Table(
                        "Aantallen verhalen",
                        head,
                        rows,
                        "▲ of ▼: duidelijk meer of minder verhalen dan je zou verwachten als de vragen los van elkaar"
                                + " stonden."
                                + rounding(pattern, " Aantallen onder %s staan als ‘<%s’."));
    }

    // ---- interpretations and stories ----------------------------------------------------------------------------

    private static List<Interpretation> interpretations(List<String> texts) {
        List<String> all = new ArrayList<>(texts == null ? List.of() : texts);
        while (all.size() < 2) {
            all.add("");
        }
        List<Interpretation> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            String text = Text.clean(all.get(i)).strip();
            out.add(new Interpretation(
                    "Interpretatie " + (i + 1), text.isEmpty() ? "Nog niet ingevuld." : text, text.isEmpty()));
        }
        return out;
    }

    /** A story with its excerpt cut to {@link #EXCERPT_MAX} characters around the quote, the quote marked. */
    static Story story(TypicalStory s) {
        return story(s, EXCERPT_MAX);
    }

    /** A story with its excerpt cut to {@code max} characters around the quote (the quote stays whole), the quote marked. */
    static Story story(TypicalStory s, int max) {
        String excerpt = Text.clean(s.excerpt()).strip().replaceAll(" {2,}", " ");
        String quote = Text.clean(s.quote()).strip().replaceAll(" {2,}", " ");
        int at = quote.isEmpty() ? -1 : excerpt.indexOf(quote);
        if (at < 0 && !quote.isEmpty()) {
            at = excerpt.toLowerCase(Locale.ROOT).indexOf(quote.toLowerCase(Locale.ROOT));
        }
        int quoteEnd = at < 0 ? -1 : at + quote.length();
        int start = 0;
        int end = excerpt.length();
        if (excerpt.length() > max) {
            if (at < 0) {
                end = wordEnd(excerpt, max);
            } else {
                int room = Math.max(0, max - quote.length());
                start = Math.min(at, wordStart(excerpt, Math.max(0, at - room / 3)));
                end = Math.max(quoteEnd, wordEnd(excerpt, Math.min(excerpt.length(), start + max)));
            }
        }
        List<Segment> segments = new ArrayList<>();
        String before = (start > 0 ? "… " : "") + excerpt.substring(start, at < 0 ? end : at);
        if (!before.isEmpty()) {
            segments.add(new Segment(before, false));
        }
        if (at >= 0) {
            segments.add(new Segment(excerpt.substring(at, quoteEnd), true));
            if (quoteEnd < end) {
                segments.add(new Segment(excerpt.substring(quoteEnd, end), false));
            }
        }
        boolean shortened = start > 0 || end < excerpt.length();
        if (end < excerpt.length()) {
            segments.add(new Segment(" …", false));
        }
        return new Story(Text.clean(s.id()), role(s), at < 0 ? quote : "", segments, shortened);
    }

    private static String role(TypicalStory s) {
        String role = Text.clean(s.role()).strip();
        return role.isEmpty() ? "rol onbekend" : role;
    }

    /** The start of the word at or after {@code index}. */
    private static int wordStart(String text, int index) {
        if (index <= 0) {
            return 0;
        }
        int space = text.indexOf(' ', index);
        return space < 0 || space - index > 40 ? index : space + 1;
    }

    /** The end of the word at or before {@code index}, not splitting a surrogate pair. */
    private static int wordEnd(String text, int index) {
        if (index >= text.length()) {
            return text.length();
        }
        int space = text.lastIndexOf(' ', index);
        int end = space < 0 || index - space > 40 ? index : space;
        return Character.isLowSurrogate(text.charAt(end)) ? end - 1 : end;
    }

    // ---- context figures ----------------------------------------------------------------------------------------

    /** The context figures of a card as it prints them, in their order. */
    static List<DeckView.FigureRow> figures(List<CardDocument.Figure> figures) {
        if (figures == null) {
            return List.of();
        }
        return figures.stream()
                .filter(Objects::nonNull)
                .map(f -> new DeckView.FigureRow(
                        Text.clean(f.indicator()),
                        Text.clean(f.region()),
                        Text.clean(f.period()),
                        DutchFormat.withUnit(f.value(), Text.clean(f.unit())),
                        Text.clean(f.source())))
                .toList();
    }

    // ---- trend over time ---------------------------------------------------------------------------------------

    /** The trend of a card as it prints it, or null when the card has none. */
    static DeckView.TrendView trend(CardDocument.Trend trend, String anchor, Density density) {
        if (trend == null || trend.monitor() == null) {
            return null;
        }
        JsonNode monitor = trend.monitor();
        int threshold = monitor.path("threshold").asInt();
        boolean months = "month".equals(monitor.path("interval").asText());
        String focus = Text.clean(trend.focus());
        String rest = Text.clean(trend.rest());
        String intro = Text.clean(trend.scope())
                + (months ? ", per maand" : ", per kwartaal")
                + (monitor.path("compared").asBoolean() && !focus.isEmpty()
                        ? ": " + focus + " tegenover " + lower(rest) + "."
                        : ".");
        List<RawString> charts = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        JsonNode indicators = monitor.path("indicators");
        for (int i = 0; i < indicators.size(); i++) {
            JsonNode indicator = indicators.path(i);
            boolean shares =
                    !"median".equals(indicator.path("indicator").path("kind").asText());
            List<TrendChart.Line> lines = new ArrayList<>();
            for (JsonNode series : indicator.path("series")) {
                String group = series.path("group").asText();
                String name = group.equals("focus")
                        ? (focus.isEmpty() ? "De selectie" : focus)
                        : group.equals("rest") ? (rest.isEmpty() ? "De andere verhalen" : rest) : "Alle verhalen";
                lines.add(new TrendChart.Line(name, series.path("points")));
            }
            String svg = TrendChart.draw(anchor + "-trend-" + (i + 1), indicator, lines, threshold);
            charts.add(new RawString(printSize(svg, density.chartHeight() * 0.55)));
            tables.add(trendTable(indicator, lines, shares, threshold));
        }
        String taken = "Momentopname van "
                + (trend.takenAt() == null ? "onbekende datum" : DAY.format(trend.takenAt()))
                + ": verhalen die later binnenkwamen, veranderen deze cijfers niet.";
        return new DeckView.TrendView(intro, charts, tables, taken);
    }

    /** A row per period, a column per group: the value, and in small type its 95% band and the number of stories. */
    private static Table trendTable(JsonNode indicator, List<TrendChart.Line> lines, boolean shares, int threshold) {
        List<String> head = new ArrayList<>();
        head.add("Periode");
        lines.forEach(l -> head.add(Text.clean(l.name())));
        List<Row> rows = new ArrayList<>();
        int periods = lines.isEmpty() ? 0 : lines.get(0).points().size();
        for (int i = 0; i < periods; i++) {
            List<Cell> cells = new ArrayList<>();
            cells.add(new Cell(
                    TrendChart.period(
                            lines.get(0).points().path(i).path("period").asText()),
                    "",
                    "",
                    true));
            for (TrendChart.Line line : lines) {
                JsonNode p = line.points().path(i);
                String stories = DutchFormat.count(p.get("stories"));
                if (p.path("value").isNumber()) {
                    cells.add(new Cell(
                            TrendChart.value(p.path("value").asDouble(), shares),
                            TrendChart.range(p, shares) + " · " + stories + " verh.",
                            "",
                            false));
                } else {
                    cells.add(new Cell(
                            "minder dan " + threshold + " verhalen",
                            stories.equals("0") ? "" : stories + " verh.",
                            "leeg",
                            false));
                }
            }
            rows.add(new Row(cells));
        }
        return new Table(
                TrendChart.title(indicator),
                head,
                rows,
                "Na elk cijfer: de 95%-band (hier ligt de echte waarde met 95% zekerheid) en het aantal verhalen met"
                        + " een antwoord (verh.). Minder dan " + threshold + " verhalen: geen cijfer.");
    }

    private static String lower(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    // ---- provenance ---------------------------------------------------------------------------------------------

    /**
     * Where the numbers come from, as a person reads it: "Patroonevaluatie van 7 december 2026, 925 verhalen,
     * standaardinstellingen" (or "een deel van de verhalen", "eigen instellingen"). Run id, fingerprint and
     * settings are in the API and the PDF's metadata.
     */
    static String source(CardDocument.Provenance p) {
        if (p == null) {
            return "Patroonevaluatie: herkomst onbekend";
        }
        List<String> parts = new ArrayList<>();
        parts.add(p.evaluatedAt() == null ? "Patroonevaluatie" : "Patroonevaluatie van " + DAY.format(p.evaluatedAt()));
        parts.add(DutchFormat.integer(p.stories())
                + (p.stories() == 1 ? " verhaal" : " verhalen")
                + (p.allStories() ? "" : " (een deel van de verhalen)"));
        parts.add(p.defaultSettings() ? "standaardinstellingen" : "eigen instellingen");
        return String.join(", ", parts);
    }
}
