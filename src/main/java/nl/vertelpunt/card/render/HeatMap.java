package nl.vertelpunt.card.render;

import static nl.vertelpunt.card.render.ChartParts.INK;
import static nl.vertelpunt.card.render.ChartParts.SOFT_INK;
import static nl.vertelpunt.card.render.ChartParts.label;
import static nl.vertelpunt.card.render.ChartParts.pole;
import static nl.vertelpunt.card.render.ChartParts.question;
import static nl.vertelpunt.card.render.ChartParts.start;
import static nl.vertelpunt.card.render.ChartParts.variables;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import nl.vertelpunt.card.render.CardDocument.QuestionInfo;

/**
 * Two sliders ({@code slider_by_slider}): a 10 × 10 heat map of the joint counts in grey, suppressed cells hatched,
 * how strongly the two go together in words in the caption, and a legend of the greys.
 */
final class HeatMap {

    private static final double GRID_X = 170;
    private static final double GRID_Y = 58;
    private static final double CELL = 28;

    private HeatMap() {}

    /** The chart; {@code prefix} starts its element ids. */
    static String draw(String prefix, JsonNode pattern, List<QuestionInfo> questions) {
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
        String n = DutchFormat.count(pattern.get("n"));
        String caption = n + " verhalen · " + ChartParts.together(pattern);
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
                .append("’, boven), in vakken van tien bij tien punten; ")
                .append(ChartParts.together(pattern))
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
}
