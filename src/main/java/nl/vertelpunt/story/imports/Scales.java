package nl.vertelpunt.story.imports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Numbers in exported cells, and sliders on another range brought to Vertelpunt's 0..100.
 */
final class Scales {

    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d{1,12}([.,]\\d{1,12})?");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Scales() {}

    /** A decimal number such as {@code 7}, {@code 33.3} or {@code 33,3} (a decimal comma is accepted); empty when the text is none. */
    static Optional<BigDecimal> number(String text) {
        String t = text.strip();
        if (!NUMBER.matcher(t).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(t.replace(',', '.')));
    }

    /**
     * Rescales {@code value} linearly from {@code from..to} to 0..100: {@code from} becomes 0 and
     * {@code to} becomes 100 ({@code from} may be the larger, which turns the scale around), rounded to
     * the nearest whole number, halves up. The value must lie between the two ends.
     */
    static int rescale(BigDecimal value, BigDecimal from, BigDecimal to) {
        BigDecimal low = from.min(to);
        BigDecimal high = from.max(to);
        if (value.compareTo(low) < 0 || value.compareTo(high) > 0) {
            throw new IllegalArgumentException("outside " + low.toPlainString() + ".." + high.toPlainString());
        }
        return value.subtract(from)
                .multiply(HUNDRED)
                .divide(to.subtract(from), 0, RoundingMode.HALF_UP)
                .intValueExact();
    }
}
