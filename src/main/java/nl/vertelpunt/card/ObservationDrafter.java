package nl.vertelpunt.card;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;

/**
 * Drafts the title and the objective observation of a card from a pattern, in plain Dutch (B1): which
 * questions, which groups, how many stories and how they differ; no explanation of why. The facilitator
 * edits the draft. Works on the pattern as staff see it, so suppressed counts ("&lt;5") stay suppressed.
 * Plain Java, no I/O.
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
            case "slider_by_choice" -> sliderByChoice(pattern, a, b);
            case "choice_by_choice" -> choiceByChoice(pattern, a, b);
            case "slider_by_slider" -> sliderBySlider(pattern, a, b);
            default ->
                throw new IllegalArgumentException("no observation can be drafted for patterns of kind '" + kind + "'");
        };
    }

    private static Draft sliderByChoice(JsonNode pattern, Variable slider, Variable choice) {
        List<JsonNode> groups = new ArrayList<>();
        for (JsonNode g : pattern.path("groups")) {
            if (g.path("tested").asBoolean(true) && g.path("mean").isNumber()) {
                groups.add(g);
            }
        }
        groups.sort(Comparator.comparingDouble((JsonNode g) -> g.path("mean").asDouble())
                .thenComparing(g -> g.path("category").asText()));
        StringBuilder text = new StringBuilder();
        text.append("In ")
                .append(count(pattern.path("n")))
                .append(" verhalen is zowel ")
                .append(slider.reference())
                .append(" (")
                .append(quoted(slider.label()))
                .append(", van 0 = ")
                .append(quoted(slider.left()))
                .append(" tot 100 = ")
                .append(quoted(slider.right()))
                .append(") als ")
                .append(choice.reference());
        if (!choice.isRole()) {
            text.append(" (").append(quoted(choice.label())).append(")");
        }
        text.append(" beantwoord.");
        if (groups.size() >= 2) {
            JsonNode low = groups.get(0);
            JsonNode high = groups.get(groups.size() - 1);
            text.append(' ')
                    .append(capitalized(who(choice, low)))
                    .append(' ')
                    .append(sliderPlacement(slider, low))
                    .append('.');
            text.append(' ')
                    .append(capitalized(who(choice, high)))
                    .append(' ')
                    .append(sliderPlacement(slider, high))
                    .append('.');
            if (groups.size() > 2) {
                text.append(
                        groups.size() == 3
                                ? " De andere groep ligt daartussen."
                                : " De " + (groups.size() - 2) + " andere groepen liggen daartussen.");
            }
        }
        text.append(' ').append(chance(pattern, "Zo'n groot verschil tussen de groepen"));
        String title = shortLabel(slider) + " – " + shortLabel(choice);
        return new Draft(trimmed(title), text.toString());
    }

    private static String sliderPlacement(Variable slider, JsonNode group) {
        double median = group.path("median").asDouble();
        return "(" + count(group.path("n")) + " verhalen), zette de schuif bij " + slider.reference() + " gemiddeld op "
                + whole(group.path("mean").asDouble()) + "; de helft zette hem op " + whole(median) + " of lager, "
                + position(median, slider);
    }

    /** Where a median lies between the poles, in words. */
    static String position(double median, Variable slider) {
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

    private static Draft choiceByChoice(JsonNode pattern, Variable rows, Variable columns) {
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
        text.append("In ")
                .append(count(pattern.path("n")))
                .append(" verhalen is zowel ")
                .append(rows.reference());
        if (!rows.isRole()) {
            text.append(" (").append(quoted(rows.label())).append(")");
        }
        text.append(" als ").append(columns.reference());
        if (!columns.isRole()) {
            text.append(" (").append(quoted(columns.label())).append(")");
        }
        text.append(" beantwoord.");
        for (int[] rc : cells) {
            int i = rc[0];
            int j = rc[1];
            if (rowTotals[i] == 0 || total == 0) {
                continue;
            }
            JsonNode rowCategory = category(table, "rows", "rowLabels", i);
            JsonNode columnCategory = category(table, "columns", "columnLabels", j);
            text.append(' ')
                    .append(capitalized(who(rows, rowCategory)))
                    .append(" (")
                    .append(rowTotals[i])
                    .append(" verhalen) ")
                    .append(chose(columns, columnCategory, true))
                    .append(" in ")
                    .append(percent(cell(table, i, j), rowTotals[i]))
                    .append(" van de verhalen; van alle verhalen samen is dat ")
                    .append(percent(columnTotals[j], total))
                    .append('.');
        }
        text.append(' ').append(chance(pattern, "Zo'n sterk verband tussen de antwoorden"));
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
        text.append("In ")
                .append(count(pattern.path("n")))
                .append(" verhalen zijn zowel ")
                .append(x.reference())
                .append(" (")
                .append(quoted(x.label()))
                .append(", van 0 = ")
                .append(quoted(x.left()))
                .append(" tot 100 = ")
                .append(quoted(x.right()))
                .append(") als ")
                .append(y.reference())
                .append(" (")
                .append(quoted(y.label()))
                .append(", van 0 = ")
                .append(quoted(y.left()))
                .append(" tot 100 = ")
                .append(quoted(y.right()))
                .append(") beantwoord. ");
        text.append("Hoe meer iemand bij ")
                .append(x.reference())
                .append(" naar ")
                .append(quoted(x.right()))
                .append(" schoof, hoe meer hij of zij bij ")
                .append(y.reference())
                .append(" meestal naar ")
                .append(quoted(rho >= 0 ? y.right() : y.left()))
                .append(" schoof. ");
        double strength = Math.abs(rho);
        text.append("Dit verband is ")
                .append(strength < 0.3 ? "zwak" : strength < 0.5 ? "matig" : "sterk")
                .append(" (Spearman ρ = ")
                .append(decimal(rho))
                .append(").");
        text.append(' ').append(chance(pattern, "Zo'n verband"));
        String title = shortLabel(x) + " – " + shortLabel(y);
        return new Draft(trimmed(title), text.toString());
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
        if (variable.isRole()) {
            return object ? "koos als rol " + label : "als rol " + label + " koos";
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

    /** How unlikely the pattern is by chance, with its q-value. */
    private static String chance(JsonNode pattern, String subject) {
        double q = pattern.path("q").asDouble();
        String shown = q < 0.001 ? "q < 0,001" : "q = " + String.format(DUTCH, "%.3f", q);
        return subject + " is waarschijnlijk geen toeval (" + shown + ", gecorrigeerd voor het aantal vergelijkingen).";
    }

    private static String shortLabel(Variable variable) {
        if (variable.option() != null) {
            return variable.optionLabel();
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

    private static String decimal(double value) {
        return String.format(DUTCH, "%.2f", value);
    }

    private static String percent(long part, long whole) {
        return String.format(DUTCH, "%.0f%%", 100.0 * part / whole);
    }
}
