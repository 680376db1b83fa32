package nl.vertelpunt.card.render;

import static nl.vertelpunt.card.render.ChartParts.INK;
import static nl.vertelpunt.card.render.ChartParts.SOFT_INK;
import static nl.vertelpunt.card.render.ChartParts.WIDTH;
import static nl.vertelpunt.card.render.ChartParts.fewer;
import static nl.vertelpunt.card.render.ChartParts.label;
import static nl.vertelpunt.card.render.ChartParts.labels;
import static nl.vertelpunt.card.render.ChartParts.nothing;
import static nl.vertelpunt.card.render.ChartParts.question;
import static nl.vertelpunt.card.render.ChartParts.start;
import static nl.vertelpunt.card.render.ChartParts.textWidth;
import static nl.vertelpunt.card.render.ChartParts.variables;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import nl.vertelpunt.card.render.CardDocument.QuestionInfo;

/**
 * Two choices ({@code choice_by_choice}, or {@code subset} with a {@code table}): per row a bar of the column
 * shares, cells whose adjusted residual is at least 2 or at most −2 outlined and marked ▲ / ▼, and a legend.
 */
final class StackedBars {

    private static final double BAR_X = 170;
    private static final double BAR_WIDTH = 420;
    private static final double BAR_ROW = 44;
    private static final double BAR_HEIGHT = 22;

    private StackedBars() {}

    /** The chart; {@code prefix} starts its element ids. */
    static String draw(String prefix, JsonNode pattern, List<QuestionInfo> questions) {
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
                        + " los van elkaar stonden.");

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
                "elkaar stonden. Percentages van de getoonde aantallen.",
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
}
