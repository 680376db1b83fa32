package nl.vertelpunt.card.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
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
 *       in the caption.</li>
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
 */
public final class SvgCharts {

    /** Text in the charts: the embedded font first, then what a browser has. */
    static final String FONT = "'Liberation Sans', Arial, Helvetica, sans-serif";

    private static final double WIDTH = 640;
    private static final String INK = "#000000";
    private static final String SOFT_INK = "#333333";
    private static final String RULE = "#767676";

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
            return nothing(prefix, "Dit patroon heeft geen gegevens om te tekenen.");
        }
        if (pattern.path("groups").isArray() && !pattern.path("groups").isEmpty()) {
            return histograms(prefix, pattern, questions);
        }
        if (pattern.path("table").isObject()) {
            return stackedBars(prefix, pattern, questions);
        }
        if (pattern.path("joint").isObject()) {
            return heatMap(prefix, pattern, questions);
        }
        return nothing(prefix, "Dit patroon heeft geen verdeling om te tekenen.");
    }

    // ---- slider against groups --------------------------------------------------------------------------------

    private static final double LABEL_WIDTH = 180;
    private static final double PLOT_X = 190;
    private static final double PLOT_WIDTH = 400;
    private static final double ROW = 42;
    private static final double BAR_MAX = 22;

    private static String histograms(String prefix, JsonNode pattern, List<QuestionInfo> questions) {
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

    // ---- two choices -----------------------------------------------------------------------------------------

    private static final double BAR_X = 170;
    private static final double BAR_WIDTH = 420;
    private static final double BAR_ROW = 44;
    private static final double BAR_HEIGHT = 22;

    private static String stackedBars(String prefix, JsonNode pattern, List<QuestionInfo> questions) {
        JsonNode table = pattern.path("table");
        List<String> variables = variables(pattern);
        boolean subset = "subset".equals(pattern.path("kind").asText());
        // choice × choice: rows are the first question; subset: rows are the two sides, columns the question
        String rowVariable = variables.size() > 1 ? variables.get(subset ? 1 : 0) : "";
        String columnVariable =
                variables.isEmpty() ? "" : variables.get(subset ? 0 : Math.min(1, variables.size() - 1));
        String rowLabel = subset
                ? "de selectie tegenover de andere verhalen"
                : "‘" + label(question(questions, rowVariable)) + "’";
        String columnLabel = label(question(questions, columnVariable));
        List<String> rowNames = labels(table.path("rowLabels"), table.path("rows"));
        List<String> columnNames = labels(table.path("columnLabels"), table.path("columns"));
        int rows = rowNames.size();
        int columns = columnNames.size();
        if (rows == 0 || columns == 0) {
            return nothing(prefix, "Deze tabel heeft geen rijen of kolommen.");
        }
        String[] fills = new String[columns];
        int[] levels = new int[columns];
        for (int c = 0; c < columns; c++) {
            levels[c] = columns == 1 ? 190 : (int) Math.round(242 - c * (242.0 - 52) / (columns - 1));
            fills[c] = Svg.grey(levels[c]);
        }

        String title = "‘" + columnLabel + "’ per groep van " + rowLabel;
        StringBuilder desc = new StringBuilder("Per groep van ")
                .append(rowLabel)
                .append(" de verdeling over ‘")
                .append(columnLabel)
                .append("’, als aandeel van de verhalen in de groep.");
        double top = 30;
        double axisY = top + rows * BAR_ROW;

        List<double[]> shares = new ArrayList<>();
        List<long[]> shownTotals = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            JsonNode cells = table.path("counts").path(r);
            long total = 0;
            for (int c = 0; c < columns; c++) {
                total += cells.path(c).isNumber() ? Math.max(0, cells.path(c).asLong()) : 0;
            }
            double[] s = new double[columns];
            for (int c = 0; c < columns; c++) {
                s[c] = total == 0 || !cells.path(c).isNumber()
                        ? 0
                        : Math.max(0, cells.path(c).asLong()) / (double) total;
            }
            shares.add(s);
            shownTotals.add(new long[] {total});
        }

        for (int r = 0; r < rows; r++) {
            desc.append(' ')
                    .append(rowNames.get(r))
                    .append(" (n = ")
                    .append(DutchFormat.integer(shownTotals.get(r)[0]))
                    .append("): ");
            List<String> parts = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                JsonNode cell = table.path("counts").path(r).path(c);
                String part = columnNames.get(c) + " "
                        + (cell.isNumber() ? DutchFormat.percent(shares.get(r)[c]) : fewer(cell.asText()));
                int mark = mark(table, r, c);
                if (mark > 0) {
                    part += " (meer dan verwacht)";
                } else if (mark < 0) {
                    part += " (minder dan verwacht)";
                }
                parts.add(part);
            }
            desc.append(String.join(", ", parts)).append('.');
        }
        desc.append(
                " Een omrande cel met ▲ of ▼ heeft duidelijk meer of minder verhalen dan verwacht als de twee vragen"
                        + " los van elkaar stonden (gecorrigeerd residu ten minste 2 of ten hoogste −2).");

        // legend layout first: its height decides the height of the chart
        List<double[]> legendAt = new ArrayList<>();
        double lx = BAR_X;
        double ly = axisY + 36;
        for (int c = 0; c < columns; c++) {
            String text = Text.shorten(columnNames.get(c), 34);
            double w = 18 + textWidth(text, 10) + 16;
            if (lx > BAR_X && lx + w > WIDTH) {
                lx = BAR_X;
                ly += 17;
            }
            legendAt.add(new double[] {lx, ly});
            lx += w;
        }
        double notesY = ly + 22;
        double height = notesY + 26;

        Svg svg = start(prefix, height, title, desc.toString());
        svg.text(0, 16, Text.shorten(title, 100), "font-size", 12, "font-weight", "bold");
        for (int r = 0; r < rows; r++) {
            double rowTop = top + r * BAR_ROW;
            double barTop = rowTop + 6;
            List<String> lines = Text.wrap(rowNames.get(r), 27, 2);
            for (int l = 0; l < lines.size(); l++) {
                svg.text(0, rowTop + 16 + l * 12, lines.get(l), "font-size", 10.5, "font-weight", "bold");
            }
            svg.text(
                    0,
                    rowTop + 16 + lines.size() * 12 + 1,
                    "n = " + DutchFormat.integer(shownTotals.get(r)[0]),
                    "font-size",
                    9.5,
                    "fill",
                    SOFT_INK);
            double x = BAR_X;
            List<String> notDrawn = new ArrayList<>();
            List<double[]> outlines = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                JsonNode cell = table.path("counts").path(r).path(c);
                if (!cell.isNumber()) {
                    if (cell.isTextual()) {
                        notDrawn.add(columnNames.get(c) + " (" + Text.clean(cell.asText()) + ")");
                    }
                    continue;
                }
                double w = shares.get(r)[c] * BAR_WIDTH;
                if (w <= 0) {
                    continue;
                }
                svg.rect(x, barTop, w, BAR_HEIGHT, "fill", fills[c], "stroke", "#ffffff", "stroke-width", 0.75);
                int mark = mark(table, r, c);
                String markText = mark > 0 ? "▲" : mark < 0 ? "▼" : "";
                String ink = levels[c] < 128 ? "#ffffff" : INK;
                String percent = DutchFormat.percent(shares.get(r)[c]);
                String label = markText.isEmpty() ? percent : percent + " " + markText;
                if (w >= textWidth(label, 9.5) + 6) {
                    svg.text(
                            x + w / 2,
                            barTop + 15,
                            label,
                            "font-size",
                            9.5,
                            "text-anchor",
                            "middle",
                            "fill",
                            ink,
                            "font-weight",
                            mark != 0 ? "bold" : null);
                } else if (!markText.isEmpty()) {
                    svg.text(x + w / 2, barTop - 1.5, markText, "font-size", 8.5, "text-anchor", "middle", "fill", INK);
                }
                if (mark != 0) {
                    outlines.add(new double[] {x, w});
                }
                x += w;
            }
            for (double[] o : outlines) {
                svg.rect(
                        o[0] + 1,
                        barTop + 1,
                        Math.max(0.5, o[1] - 2),
                        BAR_HEIGHT - 2,
                        "fill",
                        "none",
                        "stroke",
                        INK,
                        "stroke-width",
                        2);
            }
            if (!notDrawn.isEmpty()) {
                svg.text(
                        BAR_X,
                        barTop + BAR_HEIGHT + 10,
                        Text.shorten("Niet getekend, minder dan 5 verhalen: " + String.join(", ", notDrawn), 95),
                        "font-size",
                        8.5,
                        "font-style",
                        "italic",
                        "fill",
                        SOFT_INK);
            }
        }
        svg.line(BAR_X, axisY + 2, BAR_X + BAR_WIDTH, axisY + 2, "stroke", INK, "stroke-width", 0.75);
        for (int v = 0; v <= 100; v += 25) {
            double x = BAR_X + v / 100.0 * BAR_WIDTH;
            svg.line(x, axisY + 2, x, axisY + 6, "stroke", INK, "stroke-width", 0.75);
            svg.text(x, axisY + 16, v + "%", "font-size", 9, "text-anchor", "middle", "fill", SOFT_INK);
        }
        svg.text(0, axisY + 48, Text.shorten(columnLabel, 28) + ":", "font-size", 10, "font-weight", "bold");
        for (int c = 0; c < columns; c++) {
            double[] at = legendAt.get(c);
            svg.rect(at[0], at[1] - 10, 12, 12, "fill", fills[c], "stroke", INK, "stroke-width", 0.5);
            svg.text(at[0] + 17, at[1], Text.shorten(columnNames.get(c), 34), "font-size", 10);
        }
        svg.text(
                0,
                notesY,
                "▲ / ▼ met dikke rand: duidelijk meer / minder verhalen dan verwacht als de twee vragen los van",
                "font-size",
                9,
                "fill",
                SOFT_INK);
        svg.text(
                0,
                notesY + 12,
                "elkaar stonden (gecorrigeerd residu ≥ 2 of ≤ −2). Percentages van de getoonde aantallen.",
                "font-size",
                9,
                "fill",
                SOFT_INK);
        return svg.close("svg").toString();
    }

    /** +1 when the cell's adjusted residual is at least 2, −1 when at most −2, else 0. */
    private static int mark(JsonNode table, int row, int column) {
        JsonNode residual = table.path("adjustedResiduals").path(row).path(column);
        if (!residual.isNumber()) {
            return 0;
        }
        double value = residual.asDouble();
        return value >= 2 ? 1 : value <= -2 ? -1 : 0;
    }

    // ---- two sliders -----------------------------------------------------------------------------------------

    private static final double GRID_X = 170;
    private static final double GRID_Y = 58;
    private static final double CELL = 28;

    private static String heatMap(String prefix, JsonNode pattern, List<QuestionInfo> questions) {
        JsonNode joint = pattern.path("joint");
        List<String> variables = variables(pattern);
        QuestionInfo x = question(
                questions,
                joint.path("x").isTextual() ? joint.path("x").asText() : variables.isEmpty() ? "" : variables.get(0));
        QuestionInfo y = question(
                questions,
                joint.path("y").isTextual() ? joint.path("y").asText() : variables.size() > 1 ? variables.get(1) : "");
        JsonNode bins = joint.path("bins");
        long max = 0;
        long minPositive = Long.MAX_VALUE;
        boolean anySuppressed = false;
        long[][] counts = new long[10][10];
        String[][] suppressed = new String[10][10];
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < 10; j++) {
                JsonNode cell = bins.path(i).path(j);
                if (cell.isNumber()) {
                    counts[i][j] = Math.max(0, cell.asLong());
                    max = Math.max(max, counts[i][j]);
                    if (counts[i][j] > 0) {
                        minPositive = Math.min(minPositive, counts[i][j]);
                    }
                } else if (cell.isTextual()) {
                    suppressed[i][j] = Text.clean(cell.asText());
                    anySuppressed = true;
                }
            }
        }
        String rho = effect(pattern, "spearman-rho");
        String n = DutchFormat.count(pattern.get("n"));
        String caption = "Spearman ρ = " + rho + " · n = " + n;
        String title = "‘" + label(y) + "’ tegenover ‘" + label(x) + "’";

        StringBuilder desc = new StringBuilder("Warmtekaart van ")
                .append(n)
                .append(" verhalen die beide sliders beantwoordden: ")
                .append("horizontaal ‘")
                .append(label(x))
                .append("’ van 0 (‘")
                .append(pole(x.left(), "links"))
                .append("’) tot 100 (‘")
                .append(pole(x.right(), "rechts"))
                .append("’), verticaal ‘")
                .append(label(y))
                .append("’ van 0 (‘")
                .append(pole(y.left(), "onder"))
                .append("’, onder) tot 100 (‘")
                .append(pole(y.right(), "boven"))
                .append("’, boven), in vakken van tien bij tien punten. Spearman ρ = ")
                .append(rho)
                .append(". Hoe donkerder een vak, hoe meer verhalen; het getal is het aantal verhalen.");
        if (anySuppressed) {
            desc.append(" Gearceerde vakken zonder getal hebben minder dan 5 verhalen.");
        }
        if (max > 0) {
            for (int i = 0; i < 10; i++) {
                for (int j = 0; j < 10; j++) {
                    if (counts[i][j] == max) {
                        desc.append(" De meeste verhalen (")
                                .append(DutchFormat.integer(max))
                                .append(") liggen horizontaal bij ")
                                .append(range(i))
                                .append(" en verticaal bij ")
                                .append(range(j))
                                .append('.');
                        i = 10;
                        break;
                    }
                }
            }
        }

        double height = GRID_Y + 10 * CELL + 44;
        Svg svg = start(prefix, height, title + " (" + caption + ")", desc.toString());
        svg.text(0, 16, caption, "font-size", 12, "font-weight", "bold");
        svg.text(0, 32, Text.shorten("↑ verticaal: " + label(y), 110), "font-size", 10);
        svg.text(0, 46, Text.shorten("→ horizontaal: " + label(x), 110), "font-size", 10);
        StringBuilder hatching = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < 10; j++) {
                double cx = GRID_X + i * CELL;
                double cy = GRID_Y + (9 - j) * CELL;
                if (suppressed[i][j] != null) {
                    svg.rect(cx, cy, CELL, CELL, "fill", "#ffffff", "stroke", "#c8c8c8", "stroke-width", 0.5);
                    hatch(hatching, cx, cy, CELL);
                    continue;
                }
                long count = counts[i][j];
                int level = count == 0 || max == 0 ? 255 : (int) Math.round(238 - count / (double) max * 198);
                svg.rect(cx, cy, CELL, CELL, "fill", Svg.grey(level), "stroke", "#c8c8c8", "stroke-width", 0.5);
                if (count > 0) {
                    svg.text(
                            cx + CELL / 2,
                            cy + CELL / 2 + 3.5,
                            DutchFormat.integer(count),
                            "font-size",
                            count >= 1000 ? 7.5 : 9,
                            "text-anchor",
                            "middle",
                            "fill",
                            level < 128 ? "#ffffff" : INK);
                }
            }
        }
        hatching(svg, hatching);
        svg.rect(GRID_X, GRID_Y, 10 * CELL, 10 * CELL, "fill", "none", "stroke", INK, "stroke-width", 0.75);
        double bottom = GRID_Y + 10 * CELL;
        for (int v = 0; v <= 100; v += 10) {
            double px = GRID_X + v / 100.0 * 10 * CELL;
            double py = bottom - v / 100.0 * 10 * CELL;
            svg.text(px, bottom + 12, Integer.toString(v), "font-size", 8.5, "text-anchor", "middle", "fill", SOFT_INK);
            svg.text(GRID_X - 4, py + 3, Integer.toString(v), "font-size", 8.5, "text-anchor", "end", "fill", SOFT_INK);
        }
        svg.text(
                GRID_X,
                bottom + 27,
                "← " + Text.shorten(pole(x.left(), "0"), 26),
                "font-size",
                10,
                "font-weight",
                "bold");
        svg.text(
                GRID_X + 10 * CELL,
                bottom + 27,
                Text.shorten(pole(x.right(), "100"), 26) + " →",
                "font-size",
                10,
                "font-weight",
                "bold",
                "text-anchor",
                "end");
        List<String> topPole = Text.wrap("↑ " + pole(y.right(), "100"), 24, 3);
        for (int l = 0; l < topPole.size(); l++) {
            svg.text(
                    GRID_X - 26,
                    GRID_Y + 10 + l * 12,
                    topPole.get(l),
                    "font-size",
                    10,
                    "font-weight",
                    "bold",
                    "text-anchor",
                    "end");
        }
        List<String> bottomPole = Text.wrap("↓ " + pole(y.left(), "0"), 24, 3);
        for (int l = 0; l < bottomPole.size(); l++) {
            svg.text(
                    GRID_X - 26,
                    bottom - 4 - (bottomPole.size() - 1 - l) * 12,
                    bottomPole.get(l),
                    "font-size",
                    10,
                    "font-weight",
                    "bold",
                    "text-anchor",
                    "end");
        }
        // legend
        double lx = GRID_X + 10 * CELL + 26;
        svg.text(lx, GRID_Y + 8, "Aantal verhalen", "font-size", 10, "font-weight", "bold");
        double ly = GRID_Y + 18;
        if (max > 0) {
            // the largest count, its half and the smallest count shown: the range of greys in the map
            TreeSet<Long> steps = new TreeSet<>(Comparator.reverseOrder());
            steps.add(max);
            steps.add(Math.max(minPositive, Math.round(max / 2.0)));
            steps.add(minPositive);
            for (long step : steps) {
                int level = (int) Math.round(238 - step / (double) max * 198);
                svg.rect(lx, ly, 16, 16, "fill", Svg.grey(level), "stroke", INK, "stroke-width", 0.5);
                svg.text(lx + 22, ly + 12, DutchFormat.integer(step), "font-size", 9.5);
                ly += 20;
            }
        }
        svg.rect(lx, ly, 16, 16, "fill", "#ffffff", "stroke", INK, "stroke-width", 0.5);
        svg.text(lx + 22, ly + 12, "0", "font-size", 9.5);
        ly += 20;
        svg.rect(lx, ly, 16, 16, "fill", "#ffffff", "stroke", INK, "stroke-width", 0.5);
        StringBuilder swatch = new StringBuilder();
        hatch(swatch, lx, ly, 16);
        hatching(svg, swatch);
        svg.text(lx + 22, ly + 12, "minder dan 5", "font-size", 9.5);
        return svg.close("svg").toString();
    }

    /**
     * Adds diagonal hatching inside the square at (x, y) to path data: lines, no SVG patterns (they print and
     * convert everywhere), all hatched squares of a chart in one path element.
     */
    private static void hatch(StringBuilder path, double x, double y, double size) {
        for (double d = 5; d < 2 * size; d += 5) {
            path.append('M')
                    .append(Svg.number(x + Math.max(0, d - size)))
                    .append(' ')
                    .append(Svg.number(y + Math.min(size, d)))
                    .append('L')
                    .append(Svg.number(x + Math.min(size, d)))
                    .append(' ')
                    .append(Svg.number(y + Math.max(0, d - size)));
        }
    }

    private static void hatching(Svg svg, StringBuilder path) {
        if (path.length() > 0) {
            svg.empty("path", "d", path.toString(), "fill", "none", "stroke", "#8c8c8c", "stroke-width", 0.6);
        }
    }

    private static String range(int bin) {
        return bin == 9 ? "90–100" : bin * 10 + "–" + (bin * 10 + 9);
    }

    // ---- shared ---------------------------------------------------------------------------------------------

    private static Svg start(String prefix, double height, String title, String desc) {
        Svg svg = new Svg();
        svg.open(
                "svg",
                "xmlns",
                "http://www.w3.org/2000/svg",
                "viewBox",
                "0 0 " + Svg.number(WIDTH) + " " + Svg.number(height),
                "width",
                WIDTH,
                "height",
                height,
                "role",
                "img",
                "aria-labelledby",
                prefix + "-titel " + prefix + "-beschrijving",
                "font-family",
                FONT,
                "font-size",
                11,
                "fill",
                INK);
        svg.element("title", title, "id", prefix + "-titel");
        svg.element("desc", desc, "id", prefix + "-beschrijving");
        return svg;
    }

    private static String nothing(String prefix, String message) {
        Svg svg = start(prefix, 30, "Geen grafiek", message);
        svg.text(0, 18, message, "font-size", 11, "font-style", "italic", "fill", SOFT_INK);
        return svg.close("svg").toString();
    }

    private static List<String> variables(JsonNode pattern) {
        List<String> out = new ArrayList<>();
        for (JsonNode q : pattern.path("questions")) {
            out.add(q.asText());
        }
        return out;
    }

    /** The question's entry, or one that shows the variable by its id. */
    static QuestionInfo question(List<QuestionInfo> questions, String variable) {
        if (questions != null) {
            for (QuestionInfo q : questions) {
                if (q != null && variable.equals(q.variable())) {
                    return q;
                }
            }
        }
        if ("subset".equals(variable)) {
            return new QuestionInfo(variable, null, "selectie", null, null);
        }
        if ("role".equals(variable)) {
            return new QuestionInfo(variable, null, "rol van de verteller", null, null);
        }
        return new QuestionInfo(variable, null, variable, null, null);
    }

    private static String label(QuestionInfo question) {
        String label = Text.clean(question.label()).strip();
        return label.isEmpty() ? Text.clean(question.variable()) : label;
    }

    private static String pole(String pole, String fallback) {
        String clean = Text.clean(pole).strip();
        return clean.isEmpty() ? fallback : clean;
    }

    private static List<String> labels(JsonNode labels, JsonNode ids) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            JsonNode label = labels.path(i);
            out.add(Text.clean(label.isTextual() ? label.asText() : ids.path(i).asText()));
        }
        return out;
    }

    private static String effect(JsonNode pattern, String name) {
        JsonNode effect = pattern.path("effectSize");
        return name.equals(effect.path("name").asText())
                ? DutchFormat.statistic(effect.get("value"), 2)
                : DutchFormat.NONE;
    }

    /** "minder dan 5 verhalen" for a suppressed count "&lt;5". */
    static String fewer(String shownCount) {
        String digits = shownCount == null ? "" : shownCount.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? "te weinig verhalen" : "minder dan " + digits + " verhalen";
    }

    /** A rough width of text in Liberation Sans, enough to lay out labels (average glyph about 0.53 em). */
    private static double textWidth(String text, double fontSize) {
        return text.codePointCount(0, text.length()) * fontSize * 0.53;
    }

    /** The card id reduced to characters that are safe in an XML id. */
    static String safeId(String id) {
        String clean = id == null ? "" : id.replaceAll("[^A-Za-z0-9_-]", "-");
        return clean.isEmpty() ? "zonder-id" : clean;
    }
}
