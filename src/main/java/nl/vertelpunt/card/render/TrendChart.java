package nl.vertelpunt.card.render;

import static nl.vertelpunt.card.render.ChartParts.INK;
import static nl.vertelpunt.card.render.ChartParts.SOFT_INK;
import static nl.vertelpunt.card.render.ChartParts.WIDTH;
import static nl.vertelpunt.card.render.ChartParts.textWidth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The chart of a trend on a card ("Door de tijd"): one indicator of a monitoring result, the value per period as a
 * line with a marker, its 95% interval as a vertical bar with caps. Two groups (a part and the rest) are told apart
 * without colour: a solid line with filled dots and a dashed line with open squares, named in a legend. A period
 * without a value (fewer answering stories than the threshold) is a gap in the line, named in a note under the chart.
 * Values are shares (0..1, drawn as 0..100%) or slider medians (0..100). Same contract as {@link SvgCharts}: title,
 * a description that gives every number in words, black and white, same input same bytes.
 */
final class TrendChart {

    private static final double LEFT = 44;
    private static final double RIGHT = WIDTH - 14;
    private static final double PLOT_TOP = 52;
    private static final double PLOT_HEIGHT = 130;
    private static final double LABEL_SIZE = 10;
    private static final String[] MONTHS = {
        "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"
    };

    private TrendChart() {}

    /** A group of the chart: its name as the legend shows it, and its points. */
    record Line(String name, JsonNode points) {}

    /**
     * The chart of one indicator.
     *
     * @param prefix    starts the element ids
     * @param indicator an indicator of the monitoring result ({@code IndicatorResult}: indicator, question number and
     *                  label, option label, series of points)
     * @param lines     the groups in the order of the result's series, named
     * @param threshold the suppression threshold of the result
     */
    static String draw(String prefix, JsonNode indicator, List<Line> lines, int threshold) {
        boolean shares =
                !"median".equals(indicator.path("indicator").path("kind").asText());
        String title = title(indicator);
        List<String> periods = new ArrayList<>();
        if (!lines.isEmpty()) {
            lines.get(0)
                    .points()
                    .forEach(p -> periods.add(period(p.path("period").asText())));
        }
        if (periods.isEmpty()) {
            return ChartParts.nothing(prefix, "Er zijn geen periodes met verhalen.");
        }
        double bottom = PLOT_TOP + PLOT_HEIGHT;
        double height = bottom + 56;
        Svg svg = ChartParts.start(prefix, height, title, description(lines, periods, shares, threshold));
        svg.text(0, 16, Text.shorten(title, 105), "font-size", 12, "font-weight", "bold");

        // legend: a short piece of each line with its marker
        double lx = 0;
        for (int s = 0; s < lines.size(); s++) {
            String name = Text.shorten(Text.clean(lines.get(s).name()), 40);
            line(svg, s, lx, 34, lx + 30, 34);
            marker(svg, s, lx + 15, 34);
            svg.text(lx + 36, 38, name, "font-size", LABEL_SIZE);
            lx += 36 + textWidth(name, LABEL_SIZE) + 24;
        }

        // value axis and grid
        for (int t = 0; t <= 4; t++) {
            double y = y(t * 0.25);
            svg.line(LEFT, y, RIGHT, y, "stroke", t == 0 ? INK : "#c8c8c8", "stroke-width", t == 0 ? 0.75 : 0.5);
            svg.text(
                    LEFT - 6,
                    y + 3.5,
                    shares ? (t * 25) + "%" : Integer.toString(t * 25),
                    "font-size",
                    9,
                    "text-anchor",
                    "end",
                    "fill",
                    SOFT_INK);
        }

        // period axis: every label when they fit, else every n-th (the first always)
        double spacing = periods.size() == 1 ? RIGHT - LEFT : (RIGHT - LEFT - 24) / (periods.size() - 1);
        double longest =
                periods.stream().mapToDouble(p -> textWidth(p, 9.5)).max().orElse(0);
        int step = Math.max(1, (int) Math.ceil((longest + 8) / spacing));
        for (int i = 0; i < periods.size(); i++) {
            double x = x(i, periods.size());
            svg.line(x, bottom, x, bottom + 4, "stroke", INK, "stroke-width", 0.75);
            if (i % step == 0) {
                svg.text(x, bottom + 15, periods.get(i), "font-size", 9.5, "text-anchor", "middle");
            }
        }

        List<String> gaps = new ArrayList<>();
        for (int s = 0; s < lines.size(); s++) {
            JsonNode points = lines.get(s).points();
            double offset = lines.size() > 1 ? (s == 0 ? -3 : 3) : 0;
            // the 95% intervals first, so lines and markers lie on top
            for (int i = 0; i < points.size(); i++) {
                JsonNode p = points.path(i);
                if (p.path("value").isNumber()
                        && p.path("low").isNumber()
                        && p.path("high").isNumber()) {
                    double x = x(i, periods.size()) + offset;
                    double lo = y(scaled(p.path("low").asDouble(), shares));
                    double hi = y(scaled(p.path("high").asDouble(), shares));
                    String grey = s == 0 ? "#6e6e6e" : "#9a9a9a";
                    svg.line(x, lo, x, hi, "stroke", grey, "stroke-width", 1);
                    svg.line(x - 2.5, lo, x + 2.5, lo, "stroke", grey, "stroke-width", 1);
                    svg.line(x - 2.5, hi, x + 2.5, hi, "stroke", grey, "stroke-width", 1);
                }
            }
            StringBuilder run = new StringBuilder();
            for (int i = 0; i <= points.size(); i++) {
                JsonNode p = points.path(i);
                if (i < points.size() && p.path("value").isNumber()) {
                    run.append(run.isEmpty() ? "" : " ")
                            .append(Svg.number(x(i, periods.size()) + offset))
                            .append(',')
                            .append(Svg.number(y(scaled(p.path("value").asDouble(), shares))));
                    continue;
                }
                if (run.indexOf(" ") > 0) {
                    svg.empty(
                            "polyline",
                            "points",
                            run.toString(),
                            "fill",
                            "none",
                            "stroke",
                            stroke(s),
                            "stroke-width",
                            1.6,
                            "stroke-dasharray",
                            s == 1 ? "5 3" : null);
                }
                run.setLength(0);
                if (i < points.size()) {
                    gaps.add(periods.get(i)
                            + (lines.size() > 1 ? " (" + Text.clean(lines.get(s).name()) + ")" : ""));
                }
            }
            for (int i = 0; i < points.size(); i++) {
                JsonNode p = points.path(i);
                if (p.path("value").isNumber()) {
                    marker(
                            svg,
                            s,
                            x(i, periods.size()) + offset,
                            y(scaled(p.path("value").asDouble(), shares)));
                }
            }
        }

        String note = "Streep: hier ligt de echte waarde met 95% zekerheid.";
        svg.text(0, bottom + 33, note, "font-size", 9, "fill", SOFT_INK);
        if (!gaps.isEmpty()) {
            svg.text(
                    0,
                    bottom + 46,
                    Text.shorten(
                            "Geen punt, minder dan " + threshold + " verhalen: " + String.join(", ", gaps) + ".", 118),
                    "font-size",
                    9,
                    "font-style",
                    "italic",
                    "fill",
                    SOFT_INK);
        }
        return svg.close("svg").toString();
    }

    /** The indicator in words: "Aandeel verhalen met 70 of hoger bij ‘12. Gehoord voelen’". */
    static String title(JsonNode indicator) {
        JsonNode asked = indicator.path("indicator");
        String number = indicator.path("questionNumber").isNumber()
                ? indicator.path("questionNumber").asInt() + ". "
                : "";
        String question =
                "‘" + number + Text.clean(indicator.path("questionLabel").asText()) + "’";
        return switch (asked.path("kind").asText()) {
            case "median" -> "Middelste waarde (mediaan) bij " + question;
            case "share-option" ->
                "Aandeel verhalen met ‘"
                        + Text.clean(indicator
                                .path("optionLabel")
                                .asText(asked.path("option").asText())) + "’ bij "
                        + question;
            default -> "Aandeel verhalen met " + asked.path("threshold").asInt() + " of hoger bij " + question;
        };
    }

    /** "2025-Q1" as "2025 K1", "2025-03" as "mrt 2025". */
    static String period(String period) {
        if (period.matches("\\d{4}-Q[1-4]")) {
            return period.substring(0, 4) + " K" + period.charAt(6);
        }
        if (period.matches("\\d{4}-(0[1-9]|1[0-2])")) {
            return MONTHS[Integer.parseInt(period.substring(5)) - 1] + " " + period.substring(0, 4);
        }
        return Text.clean(period);
    }

    /** A value as people read it: "62%" for a share, "55" or "55,5" for a median. */
    static String value(double value, boolean shares) {
        if (shares) {
            return DutchFormat.percent(value);
        }
        return DutchFormat.decimal(value, value == Math.rint(value) ? 0 : 1);
    }

    private static String description(List<Line> lines, List<String> periods, boolean shares, int threshold) {
        StringBuilder out = new StringBuilder();
        out.append(lines.size() > 1 ? "Twee lijnen" : "Een lijn")
                .append(" over ")
                .append(periods.size())
                .append(periods.size() == 1 ? " periode" : " periodes")
                .append(", van ")
                .append(periods.get(0))
                .append(" tot en met ")
                .append(periods.get(periods.size() - 1))
                .append(", elk punt met een streep voor de 95%-onzekerheid.");
        for (int s = 0; s < lines.size(); s++) {
            Line line = lines.get(s);
            out.append(' ')
                    .append(Text.clean(line.name()))
                    .append(lines.size() > 1 ? (s == 0 ? " (doorgetrokken lijn)" : " (gestreepte lijn)") : "")
                    .append(": ");
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < line.points().size(); i++) {
                JsonNode p = line.points().path(i);
                String at = i < periods.size() ? periods.get(i) : "";
                if (p.path("value").isNumber()) {
                    parts.add(at + " " + value(p.path("value").asDouble(), shares) + " (" + range(p, shares) + ")");
                } else {
                    parts.add(at + " minder dan " + threshold + " verhalen");
                }
            }
            out.append(String.join(", ", parts)).append('.');
        }
        return out.toString();
    }

    /** "55–69%": the 95% interval of a point with a value. */
    static String range(JsonNode point, boolean shares) {
        String low = value(point.path("low").asDouble(), shares);
        String high = value(point.path("high").asDouble(), shares);
        return (shares ? low.substring(0, low.length() - 1) : low) + "–" + high;
    }

    private static double scaled(double value, boolean shares) {
        return Math.max(0, Math.min(1, shares ? value : value / 100));
    }

    private static double x(int i, int periods) {
        return periods == 1 ? (LEFT + RIGHT) / 2 : LEFT + 12 + (RIGHT - LEFT - 24) * i / (periods - 1);
    }

    private static double y(double share) {
        return PLOT_TOP + PLOT_HEIGHT * (1 - share);
    }

    private static String stroke(int series) {
        return series == 0 ? INK : "#4d4d4d";
    }

    private static void line(Svg svg, int series, double x1, double y1, double x2, double y2) {
        svg.line(
                x1,
                y1,
                x2,
                y2,
                "stroke",
                stroke(series),
                "stroke-width",
                1.6,
                "stroke-dasharray",
                series == 1 ? "5 3" : null);
    }

    /** A filled dot for the first group, an open square for the second. */
    private static void marker(Svg svg, int series, double x, double y) {
        if (series == 0) {
            svg.empty("circle", "cx", x, "cy", y, "r", 3.5, "fill", INK);
        } else {
            svg.rect(x - 3.5, y - 3.5, 7.0, 7.0, "fill", "#ffffff", "stroke", stroke(series), "stroke-width", 1.4);
        }
    }
}
