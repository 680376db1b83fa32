package nl.vertelpunt.card.render;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Writes SVG markup: every attribute value and every text escaped, numbers printed with at most two decimals in
 * a fixed format, attributes in the order given. The same calls give the same bytes.
 */
final class Svg {

    private final StringBuilder out = new StringBuilder(16 * 1024);

    /** A start tag with attributes given as name, value, name, value … */
    Svg open(String name, Object... attributes) {
        tag(name, attributes);
        out.append('>');
        return this;
    }

    /** An element without content. */
    Svg empty(String name, Object... attributes) {
        tag(name, attributes);
        out.append("/>");
        return this;
    }

    /** An element holding only text. */
    Svg element(String name, String text, Object... attributes) {
        tag(name, attributes);
        out.append('>').append(Text.escape(text)).append("</").append(name).append('>');
        return this;
    }

    /** A text element at (x, y). */
    Svg text(double x, double y, String text, Object... attributes) {
        Object[] all = new Object[attributes.length + 4];
        all[0] = "x";
        all[1] = x;
        all[2] = "y";
        all[3] = y;
        System.arraycopy(attributes, 0, all, 4, attributes.length);
        return element("text", text, all);
    }

    /** A rectangle. */
    Svg rect(double x, double y, double width, double height, Object... attributes) {
        Object[] all = new Object[attributes.length + 8];
        all[0] = "x";
        all[1] = x;
        all[2] = "y";
        all[3] = y;
        all[4] = "width";
        all[5] = width;
        all[6] = "height";
        all[7] = height;
        System.arraycopy(attributes, 0, all, 8, attributes.length);
        return empty("rect", all);
    }

    /** A line. */
    Svg line(double x1, double y1, double x2, double y2, Object... attributes) {
        Object[] all = new Object[attributes.length + 8];
        all[0] = "x1";
        all[1] = x1;
        all[2] = "y1";
        all[3] = y1;
        all[4] = "x2";
        all[5] = x2;
        all[6] = "y2";
        all[7] = y2;
        System.arraycopy(attributes, 0, all, 8, attributes.length);
        return empty("line", all);
    }

    Svg close(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** A coordinate or length: at most two decimals, no exponent, no "-0". */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        BigDecimal rounded = new BigDecimal(Double.toString(value))
                .setScale(2, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        if (rounded.signum() == 0) {
            return "0";
        }
        return rounded.toPlainString();
    }

    /** A grey from 0 (black) to 255 (white) as a colour ("#7f7f7f"). */
    static String grey(int level) {
        int l = Math.max(0, Math.min(255, level));
        String hex = Integer.toHexString(0x100 | l).substring(1);
        return "#" + hex + hex + hex;
    }

    private void tag(String name, Object[] attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name-value pairs");
        }
        out.append('<').append(name);
        for (int i = 0; i < attributes.length; i += 2) {
            Object value = attributes[i + 1];
            if (value == null) {
                continue;
            }
            String text = value instanceof Double d
                    ? number(d)
                    : value instanceof Float f
                            ? number(f)
                            : value instanceof Integer || value instanceof Long
                                    ? value.toString()
                                    : Text.escape(value.toString());
            out.append(' ').append(attributes[i]).append("=\"").append(text).append('"');
        }
    }
}
