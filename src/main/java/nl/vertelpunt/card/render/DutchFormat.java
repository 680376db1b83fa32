package nl.vertelpunt.card.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers as a Dutch reader expects them on a card: decimal comma, a point between thousands, a real minus
 * sign, "–" for a value that is not there, and a suppressed count ("&lt;5") shown as it is. Rounding is half
 * up on the decimal value, so the same number always prints the same way.
 */
final class DutchFormat {

    /** Shown where a statistic is undefined or was suppressed. */
    static final String NONE = "–";

    private DutchFormat() {}

    /** The value with exactly {@code digits} decimals ("52,3"), or "–" for null and non-finite values. */
    static String decimal(Double value, int digits) {
        if (value == null || !Double.isFinite(value)) {
            return NONE;
        }
        BigDecimal rounded = new BigDecimal(Double.toString(value)).setScale(digits, RoundingMode.HALF_UP);
        if (rounded.signum() == 0) {
            rounded = rounded.abs();
        }
        String plain = rounded.abs().toPlainString();
        int point = plain.indexOf('.');
        String whole = point < 0 ? plain : plain.substring(0, point);
        String fraction = point < 0 ? "" : "," + plain.substring(point + 1);
        return (rounded.signum() < 0 ? "−" : "") + grouped(whole) + fraction;
    }

    /**
     * A given value as a Dutch reader expects it, with as many decimals as it was given ("12.30" → "12,30", "-1250" →
     * "−1.250"), followed by its unit: "%" and "‰" directly after the number, any other unit after a space.
     *
     * @param value a plain decimal with a point, as the API gives a context figure
     * @param unit  the unit, or "" for none
     */
    static String withUnit(String value, String unit) {
        BigDecimal number = new BigDecimal(value);
        String plain = number.abs().toPlainString();
        int point = plain.indexOf('.');
        String whole = point < 0 ? plain : plain.substring(0, point);
        String fraction = point < 0 ? "" : "," + plain.substring(point + 1);
        String shown = (number.signum() < 0 ? "−" : "") + grouped(whole) + fraction;
        if (unit == null || unit.isBlank()) {
            return shown;
        }
        return unit.equals("%") || unit.equals("‰") ? shown + unit : shown + "\u00a0" + unit;
    }

    /** A whole number with a point between thousands ("12.345"). */
    static String integer(long value) {
        String digits = Long.toString(Math.abs(value));
        return (value < 0 ? "−" : "") + grouped(digits);
    }

    /** A p- or q-value: three decimals, or "&lt; 0,001" below that (with a no-break space, so it stays on one line). */
    static String p(Double value) {
        if (value == null || !Double.isFinite(value)) {
            return NONE;
        }
        return value < 0.001 ? "<\u00a00,001" : decimal(value, 3);
    }

    /** A share of 0..1 as a whole percentage ("34%"). */
    static String percent(double share) {
        return decimal(share * 100, 0) + "%";
    }

    /**
     * A count from a pattern: a number (grouped), the text of a suppressed count as it is ("&lt;5"), or "–" when
     * absent.
     */
    static String count(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return NONE;
        }
        if (node.isNumber()) {
            return integer(node.asLong());
        }
        return node.asText();
    }

    /** A statistic from a pattern with {@code digits} decimals, "–" when absent, null or not a number. */
    static String statistic(JsonNode node, int digits) {
        return decimal(number(node), digits);
    }

    /** The node's value as a Double, or null when it is absent, null or not a number. */
    static Double number(JsonNode node) {
        return node != null && node.isNumber() ? node.asDouble() : null;
    }

    private static String grouped(String digits) {
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3);
        int lead = digits.length() % 3;
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (i - lead) % 3 == 0) {
                out.append('.');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }
}
