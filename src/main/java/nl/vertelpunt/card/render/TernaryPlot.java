package nl.vertelpunt.card.render;

import static nl.vertelpunt.card.render.ChartParts.INK;
import static nl.vertelpunt.card.render.ChartParts.SOFT_INK;
import static nl.vertelpunt.card.render.ChartParts.label;
import static nl.vertelpunt.card.render.ChartParts.question;
import static nl.vertelpunt.card.render.ChartParts.start;
import static nl.vertelpunt.card.render.ChartParts.variables;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import nl.vertelpunt.card.render.CardDocument.QuestionInfo;

/**
 * A triad against groups ({@code triad_by_choice}): a ternary plot. The first corner is at the top, the second at the
 * bottom left, the third at the bottom right, each with its label. The tested stories are counted in the 100 small
 * triangles of a grid of ten steps per side and drawn as a heat map in grey (never one dot per story: a dot is one
 * person's answer, and dots pile up unseen at the corners); a triangle with a suppressed count ("&lt;5") holds a small
 * open ring instead of a grey. The zone lines are dashed: a share at the corner share (default 60%) cuts off a corner,
 * a share under the edge share (20%) the edge zones. Each tested group's centre (its closed geometric mean) is a black
 * mark of its own shape with a white outline and its number, so that the groups are told apart without colour; the
 * legend names them with their centre in percentages.
 */
final class TernaryPlot {

    private static final double SIDE = 300;
    private static final double HEIGHT = SIDE * Math.sqrt(3) / 2;
    private static final double LEFT = 40;
    private static final double TOP = 62;
    private static final double LEGEND_X = LEFT + SIDE + 40;
    private static final String[] SHAPES = {"circle", "square", "triangle", "diamond", "ring", "open-square"};

    private TernaryPlot() {}

    static String draw(String prefix, JsonNode pattern, List<QuestionInfo> questions) {
        JsonNode ternary = pattern.path("ternary");
        List<String> vars = variables(pattern);
        QuestionInfo triad = question(questions, vars.isEmpty() ? "" : vars.get(0));
        QuestionInfo choice = question(questions, vars.size() > 1 ? vars.get(1) : "");
        List<String> corners = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String c = Text.clean(ternary.path("corners").path(i).asText()).strip();
            corners.add(c.isEmpty() ? "hoek " + (i + 1) : c);
        }
        JsonNode cells = ternary.path("cells");
        long max = 0;
        boolean anySuppressed = false;
        for (JsonNode cell : cells) {
            if (cell.isNumber()) {
                max = Math.max(max, cell.asLong());
            } else if (cell.isTextual()) {
                anySuppressed = true;
            }
        }
        List<JsonNode> groups = new ArrayList<>();
        List<JsonNode> small = new ArrayList<>();
        for (JsonNode g : pattern.path("groups")) {
            if (g.path("tested").asBoolean(true) && g.path("meanShares").size() == 3) {
                groups.add(g);
            } else if (!(g.path("n").isNumber() && g.path("n").asLong() == 0)) {
                small.add(g);
            }
        }
        String n = DutchFormat.count(pattern.get("n"));
        String caption = n + " verhalen · het midden van elke groep";
        String title = "‘" + label(triad) + "’ per groep van ‘" + label(choice) + "’";
        StringBuilder desc = new StringBuilder("Driehoek van ")
                .append(n)
                .append(" verhalen: bovenaan ‘")
                .append(corners.get(0))
                .append("’, linksonder ‘")
                .append(corners.get(1))
                .append("’, rechtsonder ‘")
                .append(corners.get(2))
                .append("’. Hoe donkerder een vakje, hoe meer verhalen daar hun stip zetten.");
        if (anySuppressed) {
            desc.append(" Een vakje met een open rondje heeft minder dan ")
                    .append(threshold(pattern))
                    .append(" verhalen.");
        }
        desc.append(" Stippellijnen scheiden de hoeken, de randen en het midden.");
        for (int i = 0; i < groups.size(); i++) {
            JsonNode g = groups.get(i);
            desc.append(" Groep ")
                    .append(i + 1)
                    .append(", ")
                    .append(groupLabel(g))
                    .append(" (")
                    .append(DutchFormat.count(g.get("n")))
                    .append(" verhalen): midden op ")
                    .append(shares(g, corners))
                    .append('.');
        }

        double legendHeight = 18 + 18 * (groups.size() + (small.isEmpty() ? 0 : 1)) + 70;
        double height = Math.max(TOP + HEIGHT + 44, TOP + legendHeight);
        Svg svg = start(prefix, height, title + " (" + caption + ")", desc.toString());
        svg.text(0, 16, caption, "font-size", 12, "font-weight", "bold");
        svg.text(0, 32, Text.shorten("Driehoek: " + label(triad), 110), "font-size", 10);
        svg.text(0, 46, Text.shorten("Groepen: " + label(choice), 110), "font-size", 10);

        // the heat map of the grid
        StringBuilder rings = new StringBuilder();
        for (int index = 0; index < 100; index++) {
            double[][] t = cellCorners(index);
            JsonNode cell = cells.path(index);
            String fill = "#ffffff";
            if (cell.isNumber() && cell.asLong() > 0 && max > 0) {
                fill = Svg.grey((int) Math.round(238 - cell.asLong() / (double) max * 198));
            }
            svg.empty("path", "d", polygon(t), "fill", fill, "stroke", "#d0d0d0", "stroke-width", 0.4);
            if (cell.isTextual()) {
                double[] c = centre(t);
                rings.append(ring(c[0], c[1], 1.8));
            }
        }
        if (rings.length() > 0) {
            svg.empty("path", "d", rings.toString(), "fill", "none", "stroke", "#6e6e6e", "stroke-width", 0.7);
        }
        // the zone lines
        int corner = pattern.path("zoneRule").path("cornerShare").asInt(60);
        int edge = pattern.path("zoneRule").path("edgeShare").asInt(20);
        StringBuilder zones = new StringBuilder();
        for (int k = 0; k < 3; k++) {
            // a share of the corner share: from the side to the side, cutting the corner off
            zones.append(segment(line(k, corner, 100 - corner), line(k, corner, 0)));
            if (edge > 0) {
                // a share of the edge share, between the two corner lines
                zones.append(segment(line(k, edge, corner), line(k, edge, 100 - edge - corner)));
            }
        }
        svg.empty(
                "path",
                "d",
                zones.toString(),
                "fill",
                "none",
                "stroke",
                INK,
                "stroke-width",
                0.8,
                "stroke-dasharray",
                "4 3");
        // the frame
        svg.empty(
                "path",
                "d",
                polygon(new double[][] {point(100, 0), point(0, 100), point(0, 0)}),
                "fill",
                "none",
                "stroke",
                INK,
                "stroke-width",
                1);
        // the corners' labels
        double[] top = point(100, 0);
        List<String> topLines = Text.wrap(corners.get(0), 40, 2);
        for (int l = 0; l < topLines.size(); l++) {
            svg.text(
                    top[0],
                    top[1] - 8 - (topLines.size() - 1 - l) * 12,
                    topLines.get(l),
                    "font-size",
                    10.5,
                    "font-weight",
                    "bold",
                    "text-anchor",
                    "middle");
        }
        double[] bottomLeft = point(0, 100);
        double[] bottomRight = point(0, 0);
        List<String> leftLines = Text.wrap(corners.get(1), 24, 2);
        for (int l = 0; l < leftLines.size(); l++) {
            svg.text(
                    bottomLeft[0] - 20,
                    bottomLeft[1] + 16 + l * 12,
                    leftLines.get(l),
                    "font-size",
                    10.5,
                    "font-weight",
                    "bold");
        }
        List<String> rightLines = Text.wrap(corners.get(2), 24, 2);
        for (int l = 0; l < rightLines.size(); l++) {
            svg.text(
                    bottomRight[0] + 20,
                    bottomRight[1] + 16 + l * 12,
                    rightLines.get(l),
                    "font-size",
                    10.5,
                    "font-weight",
                    "bold",
                    "text-anchor",
                    "end");
        }
        // the groups' centres
        for (int i = 0; i < groups.size(); i++) {
            JsonNode m = groups.get(i).path("meanShares");
            double[] p = point(m.path(0).asDouble(), m.path(1).asDouble());
            marker(svg, SHAPES[i % SHAPES.length], p[0], p[1], 6);
            // the number on a white halo: drawn once outlined in white, then in black on top
            svg.text(
                    p[0] + 8,
                    p[1] - 6,
                    Integer.toString(i + 1),
                    "font-size",
                    10,
                    "font-weight",
                    "bold",
                    "fill",
                    "#ffffff",
                    "stroke",
                    "#ffffff",
                    "stroke-width",
                    3);
            svg.text(p[0] + 8, p[1] - 6, Integer.toString(i + 1), "font-size", 10, "font-weight", "bold");
        }
        // the legend: the groups, then the greys
        double y = TOP;
        svg.text(LEGEND_X, y, "Midden per groep", "font-size", 10, "font-weight", "bold");
        y += 16;
        for (int i = 0; i < groups.size(); i++) {
            JsonNode g = groups.get(i);
            marker(svg, SHAPES[i % SHAPES.length], LEGEND_X + 6, y - 4, 5);
            svg.text(
                    LEGEND_X + 16,
                    y,
                    Text.shorten((i + 1) + " " + groupLabel(g) + " (" + DutchFormat.count(g.get("n")) + ")", 42),
                    "font-size",
                    9.5);
            y += 18;
        }
        if (!small.isEmpty()) {
            List<String> names = new ArrayList<>();
            small.forEach(g -> names.add(groupLabel(g)));
            svg.text(
                    LEGEND_X,
                    y,
                    Text.shorten("Te klein: " + String.join(", ", names), 48),
                    "font-size",
                    9,
                    "fill",
                    SOFT_INK);
            y += 18;
        }
        y += 6;
        svg.text(LEGEND_X, y, "Aantal verhalen per vakje", "font-size", 10, "font-weight", "bold");
        y += 8;
        if (max > 0) {
            svg.rect(LEGEND_X, y, 14, 14, "fill", Svg.grey(40), "stroke", INK, "stroke-width", 0.5);
            svg.text(LEGEND_X + 20, y + 11, DutchFormat.integer(max), "font-size", 9.5);
            svg.rect(LEGEND_X + 70, y, 14, 14, "fill", Svg.grey(238), "stroke", INK, "stroke-width", 0.5);
            svg.text(LEGEND_X + 90, y + 11, "weinig", "font-size", 9.5);
        }
        svg.rect(LEGEND_X + 140, y, 14, 14, "fill", "#ffffff", "stroke", INK, "stroke-width", 0.5);
        svg.text(LEGEND_X + 160, y + 11, "0", "font-size", 9.5);
        if (anySuppressed) {
            y += 20;
            svg.empty("path", "d", ring(LEGEND_X + 7, y + 7, 1.8), "fill", "none", "stroke", "#6e6e6e");
            svg.text(LEGEND_X + 20, y + 11, "minder dan " + threshold(pattern), "font-size", 9.5);
        }
        return svg.close("svg").toString();
    }

    /** The point of an answer with shares {@code a} (top) and {@code b} (bottom left), in percent. */
    static double[] point(double a, double b) {
        double c = 100 - a - b;
        double x = LEFT + (b * 0 + c * SIDE + a * SIDE / 2) / 100;
        double y = TOP + HEIGHT - a * HEIGHT / 100;
        return new double[] {x, y};
    }

    /**
     * A point on the line where corner {@code k} has share {@code share}, with the next corner (k + 1, modulo 3) at
     * {@code next}.
     */
    private static double[] line(int k, double share, double next) {
        double[] s = new double[3];
        s[k] = share;
        s[(k + 1) % 3] = next;
        s[(k + 2) % 3] = 100 - share - next;
        return point(s[0], s[1]);
    }

    /** The corners of a cell of the grid, by the index of {@code TriadZones.cell}. */
    static double[][] cellCorners(int index) {
        boolean up = index < 55;
        int rest = up ? index : index - 55;
        int width = up ? 10 : 9;
        int i = 0;
        while (rest >= width - i) {
            rest -= width - i;
            i++;
        }
        int j = rest;
        double[][] grid = up
                ? new double[][] {{i, j}, {i + 1, j}, {i, j + 1}}
                : new double[][] {{i + 1, j}, {i, j + 1}, {i + 1, j + 1}};
        double[][] out = new double[3][];
        for (int v = 0; v < 3; v++) {
            out[v] = point(grid[v][0] * 10, grid[v][1] * 10);
        }
        return out;
    }

    private static double[] centre(double[][] t) {
        return new double[] {(t[0][0] + t[1][0] + t[2][0]) / 3, (t[0][1] + t[1][1] + t[2][1]) / 3};
    }

    private static String polygon(double[][] t) {
        StringBuilder d = new StringBuilder();
        for (int v = 0; v < t.length; v++) {
            d.append(v == 0 ? 'M' : 'L').append(Svg.number(t[v][0])).append(' ').append(Svg.number(t[v][1]));
        }
        return d.append('Z').toString();
    }

    private static String segment(double[] from, double[] to) {
        return "M" + Svg.number(from[0]) + " " + Svg.number(from[1]) + "L" + Svg.number(to[0]) + " "
                + Svg.number(to[1]);
    }

    /** A small circle as path data (two arcs), so that many fit in one path element. */
    private static String ring(double x, double y, double r) {
        return "M" + Svg.number(x - r) + " " + Svg.number(y) + "a" + Svg.number(r) + " " + Svg.number(r) + " 0 1 0 "
                + Svg.number(2 * r) + " 0a" + Svg.number(r) + " " + Svg.number(r) + " 0 1 0 " + Svg.number(-2 * r)
                + " 0";
    }

    /** A group's mark: black, or white inside a black outline, with a white outline so it shows on dark greys. */
    private static void marker(Svg svg, String shape, double x, double y, double r) {
        String d = switch (shape) {
            case "square", "open-square" ->
                "M" + Svg.number(x - r) + " " + Svg.number(y - r) + "h" + Svg.number(2 * r) + "v" + Svg.number(2 * r)
                        + "h" + Svg.number(-2 * r) + "Z";
            case "triangle" ->
                "M" + Svg.number(x) + " " + Svg.number(y - 1.2 * r) + "L" + Svg.number(x + r * 1.1)
                        + " " + Svg.number(y + 0.8 * r) + "L" + Svg.number(x - r * 1.1) + " "
                        + Svg.number(y + 0.8 * r) + "Z";
            case "diamond" ->
                "M" + Svg.number(x) + " " + Svg.number(y - 1.3 * r) + "L" + Svg.number(x + 1.3 * r)
                        + " " + Svg.number(y) + "L" + Svg.number(x) + " " + Svg.number(y + 1.3 * r) + "L"
                        + Svg.number(x - 1.3 * r) + " " + Svg.number(y) + "Z";
            default -> ring(x, y, r);
        };
        boolean open = shape.equals("ring") || shape.equals("open-square");
        svg.empty("path", "d", d, "fill", "none", "stroke", "#ffffff", "stroke-width", 4);
        svg.empty("path", "d", d, "fill", open ? "#ffffff" : INK, "stroke", INK, "stroke-width", open ? 2 : 1);
    }

    private static String groupLabel(JsonNode g) {
        return Text.clean(
                g.path("label").isTextual()
                        ? g.path("label").asText()
                        : g.path("category").asText());
    }

    private static String shares(JsonNode g, List<String> corners) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            parts.add(DutchFormat.statistic(g.path("meanShares").get(i), 0) + "% ‘" + corners.get(i) + "’");
        }
        return String.join(", ", parts);
    }

    private static String threshold(JsonNode pattern) {
        return Integer.toString(pattern.path("suppressionThreshold").asInt(5));
    }
}
