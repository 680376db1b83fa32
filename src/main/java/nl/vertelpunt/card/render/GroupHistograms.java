package nl.vertelpunt.card.render;

import static nl.vertelpunt.card.render.ChartParts.INK;
import static nl.vertelpunt.card.render.ChartParts.SOFT_INK;
import static nl.vertelpunt.card.render.ChartParts.fewer;
import static nl.vertelpunt.card.render.ChartParts.label;
import static nl.vertelpunt.card.render.ChartParts.pole;
import static nl.vertelpunt.card.render.ChartParts.question;
import static nl.vertelpunt.card.render.ChartParts.start;
import static nl.vertelpunt.card.render.ChartParts.variables;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import nl.vertelpunt.card.render.CardDocument.QuestionInfo;

/**
 * A slider against groups ({@code slider_by_choice}, or {@code subset} with {@code groups}): one small histogram
 * per group, one under another, on a common scale (share of the group per ten points), with the median marked
 * and the slider's poles at the ends of the axis; a group that cannot be drawn is an empty, labelled row.
 */
final class GroupHistograms {

    private static final double PLOT_X = 190;
    private static final double PLOT_WIDTH = 400;
    private static final double ROW = 42;
    private static final double BAR_MAX = 22;

    private GroupHistograms() {}

    /** The chart; {@code prefix} starts its element ids. */
    static String draw(String prefix, JsonNode pattern, List<QuestionInfo> questions) {
        List<String> variables = variables(pattern);
        QuestionInfo slider = question(questions, variables.isEmpty() ? "" : variables.get(0));
        boolean subset = "subset".equals(pattern.path("kind").asText());
        QuestionInfo grouping = question(questions, variables.size() > 1 ? variables.get(1) : "");
        String sliderLabel = label(slider);
        String groupingLabel = subset ? "de selectie tegenover de andere verhalen" : "‘" + label(grouping) + "’";

        List<Group> groups = new ArrayList<>();
        double maxShare = 0;
        for (JsonNode g : pattern.path("groups")) {
            Group group = Group.of(g);
            groups.add(group);
            if (group.drawn()) {
                for (int b = 0; b < 10; b++) {
                    maxShare = Math.max(maxShare, group.share(b));
                }
            }
        }

        double top = 30;
        double axisY = top + groups.size() * ROW;
        double height = axisY + 58;
        String title = "‘" + sliderLabel + "’ per groep van " + groupingLabel;

        StringBuilder desc = new StringBuilder();
        desc.append("Histogrammen van de antwoorden op de slider ‘")
                .append(sliderLabel)
                .append("’ (van 0, ‘")
                .append(pole(slider.left(), "links"))
                .append("’, tot 100, ‘")
                .append(pole(slider.right(), "rechts"))
                .append("’), één per groep van ")
                .append(groupingLabel)
                .append(", als aandeel van de groep per tien punten; de lijn is de mediaan.");
        for (Group group : groups) {
            desc.append(' ').append(group.label).append(": ");
            if (group.drawn()) {
                desc.append("n = ").append(group.n);
                if (group.median != null) {
                    desc.append(", mediaan ").append(DutchFormat.decimal(group.median, 1));
                }
                desc.append('.');
            } else {
                desc.append(group.emptyText()).append(", niet getekend.");
            }
        }
        desc.append(" Een tiental met minder dan 5 verhalen staat er als ‘<5’, zonder balk.");

        Svg svg = start(prefix, height, title, desc.toString());
        svg.text(0, 16, Text.shorten(title, 100), "font-size", 12, "font-weight", "bold");
        for (int i = 0; i < groups.size(); i++) {
            histogramRow(svg, groups.get(i), top + i * ROW, maxShare);
        }
        // the axis, shared by all rows
        svg.line(PLOT_X, axisY + 2, PLOT_X + PLOT_WIDTH, axisY + 2, "stroke", INK, "stroke-width", 0.75);
        for (int v = 0; v <= 100; v += 10) {
            double x = PLOT_X + v / 100.0 * PLOT_WIDTH;
            svg.line(x, axisY + 2, x, axisY + 6, "stroke", INK, "stroke-width", 0.75);
            svg.text(x, axisY + 16, Integer.toString(v), "font-size", 9, "text-anchor", "middle", "fill", SOFT_INK);
        }
        svg.text(
                PLOT_X,
                axisY + 31,
                "← " + Text.shorten(pole(slider.left(), "0"), 34),
                "font-size",
                10,
                "font-weight",
                "bold");
        svg.text(
                PLOT_X + PLOT_WIDTH,
                axisY + 31,
                Text.shorten(pole(slider.right(), "100"), 34) + " →",
                "font-size",
                10,
                "font-weight",
                "bold",
                "text-anchor",
                "end");
        svg.text(
                0,
                axisY + 50,
                "Balk: aandeel van de groep per tien punten (0–9, 10–19 … 90–100). Lijn: mediaan.",
                "font-size",
                9,
                "fill",
                SOFT_INK);
        return svg.close("svg").toString();
    }

    private static void histogramRow(Svg svg, Group group, double top, double maxShare) {
        double baseline = top + 36;
        List<String> lines = Text.wrap(group.label, 30, 2);
        for (int l = 0; l < lines.size(); l++) {
            svg.text(0, top + 13 + l * 11.5, lines.get(l), "font-size", 10.5, "font-weight", "bold");
        }
        svg.text(0, top + 13 + lines.size() * 11.5, "n = " + group.n, "font-size", 9.5, "fill", SOFT_INK);
        if (!group.drawn()) {
            svg.rect(
                    PLOT_X,
                    top + 6,
                    PLOT_WIDTH,
                    baseline - top - 6,
                    "fill",
                    "#f2f2f2",
                    "stroke",
                    "#8c8c8c",
                    "stroke-width",
                    0.75,
                    "stroke-dasharray",
                    "3 3");
            svg.text(
                    PLOT_X + PLOT_WIDTH / 2,
                    top + 25,
                    group.emptyText(),
                    "font-size",
                    10,
                    "text-anchor",
                    "middle",
                    "font-style",
                    "italic",
                    "fill",
                    SOFT_INK);
            return;
        }
        double binWidth = PLOT_WIDTH / 10;
        if (maxShare > 0) {
            double gridY = baseline - BAR_MAX;
            svg.line(
                    PLOT_X,
                    gridY,
                    PLOT_X + PLOT_WIDTH,
                    gridY,
                    "stroke",
                    "#b0b0b0",
                    "stroke-width",
                    0.5,
                    "stroke-dasharray",
                    "2 2");
            svg.text(
                    PLOT_X + PLOT_WIDTH + 4,
                    gridY + 3,
                    DutchFormat.percent(maxShare),
                    "font-size",
                    8.5,
                    "fill",
                    SOFT_INK);
        }
        for (int b = 0; b < 10; b++) {
            double x = PLOT_X + b * binWidth;
            if (group.suppressed[b] != null) {
                svg.text(
                        x + binWidth / 2,
                        baseline - 3,
                        group.suppressed[b],
                        "font-size",
                        8,
                        "text-anchor",
                        "middle",
                        "fill",
                        SOFT_INK);
                continue;
            }
            double share = group.share(b);
            if (share <= 0 || maxShare <= 0) {
                continue;
            }
            double h = Math.max(0.75, share / maxShare * BAR_MAX);
            svg.rect(
                    x + 1.5,
                    baseline - h,
                    binWidth - 3,
                    h,
                    "fill",
                    "#a6a6a6",
                    "stroke",
                    "#3c3c3c",
                    "stroke-width",
                    0.5);
        }
        svg.line(PLOT_X, baseline, PLOT_X + PLOT_WIDTH, baseline, "stroke", INK, "stroke-width", 0.75);
        if (group.median != null) {
            double x = PLOT_X + Math.max(0, Math.min(100, group.median)) / 100.0 * PLOT_WIDTH;
            svg.line(x, top + 13, x, baseline, "stroke", INK, "stroke-width", 2);
            svg.empty("path", "d", "M" + Svg.number(x - 4) + " " + Svg.number(top + 8) + "h8l-4 6z", "fill", INK);
            boolean right = x > PLOT_X + PLOT_WIDTH - 70;
            svg.text(
                    right ? x - 3 : x + 3,
                    top + 7,
                    "mediaan " + DutchFormat.decimal(group.median, 1),
                    "font-size",
                    9,
                    "text-anchor",
                    right ? "end" : "start");
        }
    }

    /** One group of a slider pattern as drawn. */
    private static final class Group {
        final String label;
        final String n;
        final boolean countedN;
        final long numericN;
        final boolean tested;
        final Double median;
        final long[] bins = new long[10];
        final String[] suppressed = new String[10];
        long shown;

        private Group(String label, String n, boolean countedN, long numericN, boolean tested, Double median) {
            this.label = label;
            this.n = n;
            this.countedN = countedN;
            this.numericN = numericN;
            this.tested = tested;
            this.median = median;
        }

        static Group of(JsonNode g) {
            JsonNode n = g.path("n");
            String label = Text.clean(
                    g.path("label").isTextual()
                            ? g.path("label").asText()
                            : g.path("category").asText());
            Group group = new Group(
                    label,
                    DutchFormat.count(n),
                    n.isNumber(),
                    n.asLong(),
                    !g.has("tested") || g.path("tested").asBoolean(),
                    DutchFormat.number(g.get("median")));
            JsonNode bins = g.path("bins");
            for (int b = 0; b < 10; b++) {
                JsonNode bin = bins.path(b);
                if (bin.isNumber()) {
                    group.bins[b] = Math.max(0, bin.asLong());
                    group.shown += group.bins[b];
                } else if (bin.isTextual()) {
                    group.suppressed[b] = Text.clean(bin.asText());
                }
            }
            return group;
        }

        boolean drawn() {
            return countedN && numericN > 0 && tested && shown > 0;
        }

        double share(int bin) {
            return shown == 0 ? 0 : bins[bin] / (double) shown;
        }

        String emptyText() {
            if (!countedN) {
                return fewer(n);
            }
            if (numericN == 0) {
                return "geen verhalen";
            }
            return "te weinig verhalen voor de toets";
        }
    }
}
