package nl.vertelpunt.card;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import nl.vertelpunt.card.render.PlainWords;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;

/**
 * Drafts the title and the objective observation of a card from a pattern, in plain Dutch (B1): which
 * questions, which groups, how many stories and how they differ, and how likely that is by chance, in words;
 * no explanation of why, and no statistical terms (no test names, p, q or ρ: a mixed table and the storytellers
 * read it; the numbers are on the card for those who want them). The facilitator edits the draft. Works on the
 * pattern as staff see it, so suppressed counts ("&lt;5") stay suppressed, and says so where the rounded counts
 * of the groups do not add up to the total. Plain Java, no I/O.
 */
public final class ObservationDrafter {

    /** A drafted title and observation. */
    public record Draft(String title, String observation) {}

    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    private static final int TITLE_LENGTH = 120;

    private ObservationDrafter() {}

    /**
     * Drafts a card for one pattern of an evaluation result.
     *
     * @throws IllegalArgumentException when the pattern's kind is unknown or its questions are not in the definition
     */
    public static Draft draft(JsonNode pattern, StoryPointDefinition definition) {
        String kind = pattern.path("kind").asText();
        Variable a = Variable.of(pattern.path("questions").path(0).asText(), definition);
        Variable b = Variable.of(pattern.path("questions").path(1).asText(), definition);
        return switch (kind) {
            case "slider_by_choice" -> sliderByChoice(pattern, a, b, definition.suppression());
            case "choice_by_choice" -> choiceByChoice(pattern, a, b, definition.suppression());
            case "slider_by_slider" -> sliderBySlider(pattern, a, b);
            case "triad_by_choice" -> triadByChoice(pattern, a, b, definition.suppression());
            default ->
                throw new IllegalArgumentException("no observation can be drafted for patterns of kind '" + kind + "'");
        };
    }

    private static Draft sliderByChoice(JsonNode pattern, Variable slider, Variable choice, int k) {
        List<JsonNode> groups = new ArrayList<>();
        List<JsonNode> leftOut = new ArrayList<>();
        for (JsonNode g : pattern.path("groups")) {
            if (g.path("tested").asBoolean(true) && g.path("mean").isNumber()) {
                groups.add(g);
            } else if (!isZero(g.path("n"))) {
                leftOut.add(g);
            }
        }
        groups.sort(Comparator.comparingDouble((JsonNode g) -> g.path("mean").asDouble())
                .thenComparing(g -> g.path("category").asText()));
        StringBuilder text = new StringBuilder();
        text.append(answeredBoth(pattern.path("n"), slider, choice)).append(' ').append(poles(slider));
        if (groups.size() >= 2) {
            JsonNode low = groups.get(0);
            JsonNode high = groups.get(groups.size() - 1);
            text.append(' ')
                    .append(capitalized(who(choice, low)))
                    .append(' ')
                    .append(sliderPlacement(slider, low, false))
                    .append('.');
            text.append(' ')
                    .append(capitalized(who(choice, high)))
                    .append(' ')
                    .append(sliderPlacement(slider, high, true))
                    .append('.');
            if (groups.size() > 2) {
                text.append(
                        groups.size() == 3
                                ? " De andere groep ligt daartussen."
                                : " De " + (groups.size() - 2) + " andere groepen liggen daartussen.");
            }
        }
        if (!leftOut.isEmpty()) {
            List<String> names = new ArrayList<>();
            leftOut.forEach(g -> names.add(
                    quoted(g.path("label").asText(g.path("category").asText())) + " (" + stories(g.path("n")) + ")"));
            text.append(leftOut.size() == 1 ? " De groep " : " De groepen ")
                    .append(list(names))
                    .append(leftOut.size() == 1 ? " is" : " zijn")
                    .append(" te klein om te vergelijken en telt niet mee.");
        }
        List<JsonNode> counted = new ArrayList<>(groups);
        text.append(addsUp(pattern.path("n"), counted, k));
        text.append(' ').append(chance(pattern, "zo'n groot verschil tussen de groepen"));
        String title = shortLabel(slider) + " – " + shortLabel(choice);
        return new Draft(trimmed(title), text.toString());
    }

    /**
     * Where a group put the slider: its mean, and the median in words that fit the group's place: for the group
     * that scores lowest "op 12 of lager", for the one that scores highest "op 91 of hoger", at an end of the
     * slider "helemaal op 0" or "helemaal op 100".
     */
    static String sliderPlacement(Variable slider, JsonNode group, boolean highest) {
        double median = group.path("median").asDouble();
        long m = Math.round(median);
        String half = m <= 0
                ? "de helft van hen zette hem helemaal op 0"
                : m >= 100
                        ? "de helft van hen zette hem helemaal op 100"
                        : "de helft van hen zette hem op " + m + (highest ? " of hoger" : " of lager");
        return "(" + stories(group.path("n")) + "), zette de schuif bij " + slider.reference() + " gemiddeld op "
                + whole(group.path("mean").asDouble()) + ". " + capitalized(half) + ", " + position(median, slider);
    }

    /** Where a median lies between the poles, in words. */
    static String position(double median, Variable slider) {
        long m = Math.round(median);
        if (m <= 0) {
            return "helemaal bij " + quoted(slider.left());
        }
        if (m >= 100) {
            return "helemaal bij " + quoted(slider.right());
        }
        if (median <= 20) {
            return "dicht bij " + quoted(slider.left());
        }
        if (median < 40) {
            return "meer naar " + quoted(slider.left());
        }
        if (median <= 60) {
            return "rond het midden";
        }
        if (median < 80) {
            return "meer naar " + quoted(slider.right());
        }
        return "dicht bij " + quoted(slider.right());
    }

    /**
     * A range of slider positions in words, for the bottom, middle and top part of a slider: "0 tot en met 30",
     * "31 tot en met 69", "70 of hoger"; a range from 0 to 100 is "0 tot en met 100".
     */
    public static String range(int from, int to) {
        if (from <= 0 && to >= 100) {
            return "0 tot en met 100";
        }
        if (to >= 100) {
            return from + " of hoger";
        }
        if (from == to) {
            return Integer.toString(from);
        }
        return Math.max(0, from) + " tot en met " + to;
    }

    /** "laag (0 tot en met 33)": a named part of a slider with its range. */
    public static String part(String name, int from, int to) {
        return name + " (" + range(from, to) + ")";
    }

    /**
     * Why the counts of the groups shown do not add up to the total, when they do not: every count is rounded to a
     * multiple of k, and a group under k is shown as "minder dan k". Empty when they add up.
     */
    private static String addsUp(JsonNode total, List<JsonNode> groups, int k) {
        if (k <= 1 || groups.isEmpty()) {
            return "";
        }
        long sum = 0;
        boolean small = false;
        for (JsonNode g : groups) {
            JsonNode n = g.path("n");
            if (n.isNumber()) {
                sum += n.asLong();
            } else {
                small = true;
            }
        }
        if (!small && total.isNumber() && total.asLong() == sum) {
            return "";
        }
        return " Alle aantallen zijn afgerond op " + roundedTo(k) + ", zodat niemand te herkennen is."
                + (small ? " Een groep van minder dan " + k + " verhalen staat er als ‘minder dan " + k + "’." : "")
                + " Daardoor tellen de aantallen niet precies op tot het totaal.";
    }

    private static String roundedTo(int k) {
        return switch (k) {
            case 2 -> "tweetallen";
            case 3 -> "drietallen";
            case 4 -> "viertallen";
            case 5 -> "vijftallen";
            case 10 -> "tientallen";
            default -> "veelvouden van " + k;
        };
    }

    private static boolean isZero(JsonNode n) {
        return n.isNumber() && n.asLong() == 0;
    }

    private static Draft choiceByChoice(JsonNode pattern, Variable rows, Variable columns, int k) {
        JsonNode table = pattern.path("table");
        int r = table.path("rows").size();
        int c = table.path("columns").size();
        long[] rowTotals = new long[r];
        long[] columnTotals = new long[c];
        long total = 0;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                long cell = cell(table, i, j);
                rowTotals[i] += cell;
                columnTotals[j] += cell;
                total += cell;
            }
        }
        List<int[]> cells = strongCells(table, r, c);
        StringBuilder text = new StringBuilder();
        text.append(answeredBoth(pattern.path("n"), rows, columns));
        for (int[] rc : cells) {
            int i = rc[0];
            int j = rc[1];
            if (rowTotals[i] == 0 || total == 0) {
                continue;
            }
            JsonNode rowCategory = category(table, "rows", "rowLabels", i);
            JsonNode columnCategory = category(table, "columns", "columnLabels", j);
            if (columns.isZone()) {
                // the zone's label is long: the group first, then where its dots were
                text.append(" Kijk naar ")
                        .append(who(rows, rowCategory))
                        .append(" (")
                        .append(stories(JsonNodeFactory.instance.numberNode(rowTotals[i])))
                        .append("). Van hen zette ")
                        .append(percent(cell(table, i, j), rowTotals[i]))
                        .append(" bij ")
                        .append(columns.reference())
                        .append(" de stip in ")
                        .append(quoted(columnCategory.path("label").asText()))
                        .append(". Van alle verhalen samen is dat ")
                        .append(percent(columnTotals[j], total))
                        .append('.');
                continue;
            }
            text.append(' ')
                    .append(capitalized(who(rows, rowCategory)))
                    .append(" (")
                    .append(stories(JsonNodeFactory.instance.numberNode(rowTotals[i])))
                    .append("), ")
                    .append(chose(columns, columnCategory, true))
                    .append(" in ")
                    .append(percent(cell(table, i, j), rowTotals[i]))
                    .append(" van de verhalen. Van alle verhalen samen is dat ")
                    .append(percent(columnTotals[j], total))
                    .append('.');
        }
        List<JsonNode> counts = new ArrayList<>();
        table.path("counts")
                .forEach(row -> row.forEach(
                        n -> counts.add(JsonNodeFactory.instance.objectNode().set("n", n))));
        text.append(addsUp(pattern.path("n"), counts, k));
        text.append(' ').append(chance(pattern, "zo'n sterk verband tussen de antwoorden"));
        String title = shortLabel(rows) + " – " + shortLabel(columns);
        return new Draft(trimmed(title), text.toString());
    }

    /** The cells that occur clearly more often than expected (adjusted residual above 2), strongest first, at most two. */
    private static List<int[]> strongCells(JsonNode table, int r, int c) {
        List<int[]> cells = new ArrayList<>();
        List<Double> residuals = new ArrayList<>();
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                JsonNode residual = table.path("adjustedResiduals").path(i).path(j);
                if (residual.isNumber()
                        && residual.asDouble() > 2
                        && table.path("counts").path(i).path(j).isNumber()) {
                    cells.add(new int[] {i, j});
                    residuals.add(residual.asDouble());
                }
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < cells.size(); k++) {
            order.add(k);
        }
        order.sort(Comparator.comparingDouble((Integer k) -> -residuals.get(k)).thenComparing(k -> k));
        List<int[]> strongest = new ArrayList<>();
        for (int k : order) {
            if (strongest.size() < 2 && strongest.stream().noneMatch(s -> s[0] == cells.get(k)[0])) {
                strongest.add(cells.get(k));
            }
        }
        return strongest;
    }

    private static Draft sliderBySlider(JsonNode pattern, Variable x, Variable y) {
        double rho = pattern.path("effectSize").path("value").asDouble();
        StringBuilder text = new StringBuilder();
        text.append(answeredBoth(pattern.path("n"), x, y))
                .append(' ')
                .append(poles(x))
                .append(' ')
                .append(poles(y))
                .append(' ');
        text.append("Wie bij ")
                .append(x.reference())
                .append(" meer naar ")
                .append(quoted(x.right()))
                .append(" schoof, schoof bij ")
                .append(y.reference())
                .append(" meestal ook meer naar ")
                .append(quoted(rho >= 0 ? y.right() : y.left()))
                .append(". ");
        double strength = Math.abs(rho);
        text.append("Dit verband is ")
                .append(strength < 0.3 ? "zwak" : strength < 0.5 ? "matig" : "sterk")
                .append(": ")
                .append(
                        strength < 0.3
                                ? "er zijn veel verhalen die er niet in passen."
                                : strength < 0.5
                                        ? "het geldt voor veel verhalen, maar lang niet voor alle."
                                        : "het geldt voor de meeste verhalen.");
        text.append(' ').append(chance(pattern, "zo'n verband"));
        String title = shortLabel(x) + " – " + shortLabel(y);
        return new Draft(trimmed(title), text.toString());
    }

    /**
     * A triad by a choice: the triangle's corners, then the two groups whose centres (closed geometric means) lie
     * furthest apart, each with the corner its stories lean to most and its centre in percentages.
     */
    private static Draft triadByChoice(JsonNode pattern, Variable triad, Variable choice, int k) {
        List<JsonNode> groups = new ArrayList<>();
        List<JsonNode> leftOut = new ArrayList<>();
        for (JsonNode g : pattern.path("groups")) {
            if (g.path("tested").asBoolean(true) && g.path("meanShares").size() == 3) {
                groups.add(g);
            } else if (!isZero(g.path("n"))) {
                leftOut.add(g);
            }
        }
        List<String> corners = triad.corners();
        StringBuilder text = new StringBuilder();
        text.append(answeredBoth(pattern.path("n"), triad, choice))
                .append(' ')
                .append(capitalized(triad.reference()))
                .append(" is een driehoek met de hoeken ")
                .append(list(corners.stream().map(ObservationDrafter::quoted).toList()))
                .append('.');
        JsonNode[] furthest = furthest(groups);
        if (furthest != null) {
            for (JsonNode g : furthest) {
                JsonNode shares = g.path("meanShares");
                int top = 0;
                for (int i = 1; i < 3; i++) {
                    top = shares.path(i).asDouble() > shares.path(top).asDouble() ? i : top;
                }
                text.append(' ')
                        .append(capitalized(who(choice, g)))
                        .append(" (")
                        .append(stories(g.path("n")))
                        .append("), zette de stip het meest naar ")
                        .append(quoted(corners.get(top)))
                        .append(". Hun midden ligt op ");
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    parts.add(whole(shares.path(i).asDouble()) + "% " + quoted(corners.get(i)));
                }
                text.append(list(parts)).append('.');
            }
            if (groups.size() > 2) {
                text.append(" Het midden van elke groep staat in de driehoek op de kaart.");
            }
        }
        if (!leftOut.isEmpty()) {
            List<String> names = new ArrayList<>();
            leftOut.forEach(g -> names.add(
                    quoted(g.path("label").asText(g.path("category").asText())) + " (" + stories(g.path("n")) + ")"));
            text.append(leftOut.size() == 1 ? " De groep " : " De groepen ")
                    .append(list(names))
                    .append(leftOut.size() == 1 ? " is" : " zijn")
                    .append(" te klein om te vergelijken en telt niet mee.");
        }
        text.append(addsUp(pattern.path("n"), groups, k));
        text.append(' ').append(chance(pattern, "zo'n verschil tussen de groepen"));
        String title = shortLabel(triad) + " – " + shortLabel(choice);
        return new Draft(trimmed(title), text.toString());
    }

    /**
     * The two groups whose centres lie furthest apart in the triangle (Aitchison distance: the distance between the
     * centred log-ratios of their closed geometric means), in the order of the pattern; null for fewer than two.
     */
    static JsonNode[] furthest(List<JsonNode> groups) {
        JsonNode[] best = null;
        double distance = -1;
        for (int a = 0; a < groups.size(); a++) {
            for (int b = a + 1; b < groups.size(); b++) {
                double d = aitchison(
                        groups.get(a).path("meanShares"), groups.get(b).path("meanShares"));
                if (d > distance) {
                    distance = d;
                    best = new JsonNode[] {groups.get(a), groups.get(b)};
                }
            }
        }
        return best;
    }

    private static double aitchison(JsonNode x, JsonNode y) {
        double[] d = new double[3];
        double mean = 0;
        for (int i = 0; i < 3; i++) {
            d[i] = Math.log(x.path(i).asDouble()) - Math.log(y.path(i).asDouble());
            mean += d[i] / 3;
        }
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            sum += (d[i] - mean) * (d[i] - mean);
        }
        return Math.sqrt(sum);
    }

    /**
     * "Er zijn 1.234 verhalen met een antwoord op vraag 12 (‘Gehoord voelen’) én vraag 2 (‘Gevolg’).": the first
     * sentence of every observation (the role has no question number and no label in brackets).
     */
    private static String answeredBoth(JsonNode n, Variable a, Variable b) {
        String start =
                "Er " + (n.isNumber() && n.asLong() == 1 ? "is " : "zijn ") + stories(n) + " met een antwoord op ";
        String sentence = start + named(a) + " én " + named(b) + ".";
        // long labels make a long sentence: then the questions by their number alone (the card shows their texts)
        return sentence.split("\\s+").length <= 20
                ? sentence
                : start + (a.isBuiltIn() ? named(a) : a.reference()) + " én "
                        + (b.isBuiltIn() ? named(b) : b.reference()) + ".";
    }

    private static String named(Variable variable) {
        if (variable.isRole()) {
            return "de rol van wie vertelt";
        }
        // the story point has no number and its own words: "het vertelpunt"
        return variable.isStoryPoint()
                ? variable.reference()
                : variable.reference() + " (" + quoted(variable.label()) + ")";
    }

    /** "Vraag 12 is een schuif van 0 (‘Zeker NIET’) tot 100 (‘Zeker WEL’).". */
    private static String poles(Variable slider) {
        return capitalized(slider.reference()) + " is een schuif van 0 (" + quoted(slider.left()) + ") tot 100 ("
                + quoted(slider.right()) + ").";
    }

    /** "wie bij vraag 2 "Zeer negatief" koos", for a group or table category of a variable. */
    private static String who(Variable variable, JsonNode category) {
        return "wie " + chose(variable, category, false);
    }

    private static String chose(Variable variable, JsonNode category, boolean object) {
        String id = category.path("category").asText(category.path("id").asText());
        if (variable.option() != null) {
            String option = quoted(variable.optionLabel());
            boolean yes = "yes".equals(id);
            return object
                    ? (yes
                            ? "kruiste bij " + variable.reference() + " " + option + " aan"
                            : "kruiste bij " + variable.reference() + " " + option + " niet aan")
                    : "bij " + variable.reference() + " " + option + (yes ? " aankruiste" : " niet aankruiste");
        }
        String label = quoted(category.path("label").asText(id));
        if (variable.isZone()) {
            return object
                    ? "zette bij " + variable.reference() + " de stip in " + label
                    : "bij " + variable.reference() + " de stip in " + label + " zette";
        }
        if (variable.isRole()) {
            return object ? "koos als rol " + label : "als rol " + label + " koos";
        }
        if (variable.isStoryPoint()) {
            return object ? "vertelde bij " + label : "bij " + label + " vertelde";
        }
        return object
                ? "koos bij " + variable.reference() + " " + label
                : "bij " + variable.reference() + " " + label + " koos";
    }

    private static JsonNode category(JsonNode table, String ids, String labels, int index) {
        return JsonNodeFactory.instance
                .objectNode()
                .put("category", table.path(ids).path(index).asText())
                .put(
                        "label",
                        table.path(labels)
                                .path(index)
                                .asText(table.path(ids).path(index).asText()));
    }

    private static long cell(JsonNode table, int i, int j) {
        JsonNode value = table.path("counts").path(i).path(j);
        return value.isNumber() ? value.asLong() : 0;
    }

    /**
     * How unlikely the pattern is by chance, in words and without statistical terms: the q-value (the chance after
     * the correction for the many comparisons of the evaluation) as "1 op 1.000", "1 op 100" or "1 op 20".
     */
    static String chance(JsonNode pattern, String subject) {
        double q = pattern.path("q").asDouble(1);
        String odds = q < 0.001
                ? "erg klein: " + PlainWords.odds(q)
                : q <= 0.05
                        ? "klein: " + PlainWords.odds(q)
                        : "niet zo klein: " + PlainWords.odds(q) + ". Lees dit patroon daarom voorzichtig";
        return "De kans dat " + subject + " toevallig is, is " + odds + ". Daarbij is meegeteld dat er veel vragen"
                + " met elkaar zijn vergeleken.";
    }

    private static String shortLabel(Variable variable) {
        if (variable.option() != null) {
            return variable.optionLabel();
        }
        if (variable.isZone()) {
            return variable.question().staffLabel().in("nl") + " (vak)";
        }
        return variable.label().replaceAll("\\s*(\\.\\.\\.|…)\\s*$", "").replaceAll("[?:]\\s*$", "");
    }

    private static String trimmed(String title) {
        if (title.length() <= TITLE_LENGTH) {
            return title;
        }
        int cut = title.lastIndexOf(' ', TITLE_LENGTH - 1);
        return title.substring(0, cut > 40 ? cut : TITLE_LENGTH - 1) + "…";
    }

    private static String quoted(String text) {
        return "‘" + text + "’";
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** "1.234 verhalen", "1 verhaal", "minder dan 5 verhalen". */
    static String stories(JsonNode n) {
        return count(n) + (n.isNumber() && n.asLong() == 1 ? " verhaal" : " verhalen");
    }

    /** "a", "a en b", "a, b en c". */
    private static String list(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " en " + items.get(items.size() - 1);
    }

    /** A count as shown: a number, or the suppressed text ("minder dan 5"). */
    private static String count(JsonNode n) {
        if (n.isNumber()) {
            return String.format(DUTCH, "%,d", n.asLong());
        }
        String text = n.asText();
        return text.startsWith("<") ? "minder dan " + text.substring(1) : text;
    }

    private static String whole(double value) {
        return String.format(DUTCH, "%.0f", value);
    }

    private static String percent(long part, long whole) {
        return String.format(DUTCH, "%.0f%%", 100.0 * part / whole);
    }
}
