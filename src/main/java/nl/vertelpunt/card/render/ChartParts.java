package nl.vertelpunt.card.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import nl.vertelpunt.card.render.CardDocument.QuestionInfo;

/**
 * What the card charts share: the SVG frame (size, font, {@code role="img"}, title and description), the inks, the
 * chart that says there is nothing to draw, and the labels, poles and effect sizes read from a pattern and its
 * questions.
 */
final class ChartParts {

    /** Text in the charts: the embedded font first, then what a browser has. */
    static final String FONT = "'Liberation Sans', Arial, Helvetica, sans-serif";

    static final double WIDTH = 640;
    static final String INK = "#000000";
    static final String SOFT_INK = "#333333";

    /** A new chart: the {@code <svg>} element, full width, with its title and description. */
    static Svg start(String prefix, double height, String title, String desc) {
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

    /** A chart that only says, in words, why there is nothing to draw. */
    static String nothing(String prefix, String message) {
        Svg svg = start(prefix, 30, "Geen grafiek", message);
        svg.text(0, 18, message, "font-size", 11, "font-style", "italic", "fill", SOFT_INK);
        return svg.close("svg").toString();
    }

    /** The pattern's variables, in order. */
    static List<String> variables(JsonNode pattern) {
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

    /** The question's label, or its variable when it has none. */
    static String label(QuestionInfo question) {
        String label = Text.clean(question.label()).strip();
        return label.isEmpty() ? Text.clean(question.variable()) : label;
    }

    /** A slider pole's text, or {@code fallback} when it has none. */
    static String pole(String pole, String fallback) {
        String clean = Text.clean(pole).strip();
        return clean.isEmpty() ? fallback : clean;
    }

    /** The labels of categories, each falling back on its id. */
    static List<String> labels(JsonNode labels, JsonNode ids) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            JsonNode label = labels.path(i);
            out.add(Text.clean(label.isTextual() ? label.asText() : ids.path(i).asText()));
        }
        return out;
    }

    /**
     * How two sliders go together, in words for people without statistics: "samen omhoog, matig" for Spearman's
     * ρ = 0,42 ("zwak" below 0,3, "matig" below 0,5, "sterk" from there), "de een omhoog, de ander omlaag" when ρ
     * is negative.
     */
    static String together(JsonNode pattern) {
        JsonNode value = pattern.path("effectSize").path("value");
        if (!value.isNumber()) {
            return "samenhang onbekend";
        }
        double rho = value.asDouble();
        double strength = Math.abs(rho);
        String how = strength < 0.3 ? "zwak" : strength < 0.5 ? "matig" : "sterk";
        return (rho >= 0 ? "samen omhoog" : "de een omhoog, de ander omlaag") + " (" + how + " verband)";
    }

    /** "minder dan 5 verhalen" for a suppressed count "&lt;5". */
    static String fewer(String shownCount) {
        String digits = shownCount == null ? "" : shownCount.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? "te weinig verhalen" : "minder dan " + digits + " verhalen";
    }

    /** A rough width of text in Liberation Sans, enough to lay out labels (average glyph about 0.53 em). */
    static double textWidth(String text, double fontSize) {
        return text.codePointCount(0, text.length()) * fontSize * 0.53;
    }

    private ChartParts() {}
}
