package nl.vertelpunt.story.imports;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Turns three shares of a triad as another tool exports them (percentages, possibly with decimals and
 * not adding up to exactly 100) into the three whole numbers Vertelpunt stores.
 *
 * <p>Rounding: each share is scaled so that the three add up to exactly 100 ({@code share × 100 / sum}),
 * rounded down, and the points still missing go one by one to the shares with the largest remainders;
 * on equal remainders the earlier corner goes first (largest remainder method). Each stored share is
 * therefore within 1 of its exact value, and shares that were already whole numbers adding up to 100
 * stay as they are.
 */
final class Triads {

    /** How far the exported shares may add up from 100 and still be accepted. */
    static final BigDecimal TOLERANCE = BigDecimal.ONE;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Triads() {}

    /**
     * @param shares three non-negative shares adding up to 100 ± {@link #TOLERANCE}
     * @return three integers from 0 to 100 adding up to exactly 100
     * @throws IllegalArgumentException when the shares are negative or do not add up to about 100
     */
    static int[] normalize(BigDecimal[] shares) {
        if (shares.length != 3) {
            throw new IllegalArgumentException("a triad has three shares");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal s : shares) {
            if (s.signum() < 0) {
                throw new IllegalArgumentException("share " + s.toPlainString() + " is negative");
            }
            sum = sum.add(s);
        }
        if (sum.subtract(HUNDRED).abs().compareTo(TOLERANCE) > 0) {
            throw new IllegalArgumentException(
                    "the shares add up to " + sum.stripTrailingZeros().toPlainString() + ", not 100 (± 1)");
        }
        int[] result = new int[3];
        BigDecimal[] remainders = new BigDecimal[3];
        int total = 0;
        for (int i = 0; i < 3; i++) {
            BigDecimal exact = shares[i].multiply(HUNDRED).divide(sum, 12, RoundingMode.HALF_EVEN);
            BigDecimal floor = exact.setScale(0, RoundingMode.FLOOR);
            result[i] = floor.intValueExact();
            remainders[i] = exact.subtract(floor);
            total += result[i];
        }
        for (int missing = 100 - total; missing > 0; missing--) {
            int best = -1;
            for (int i = 0; i < 3; i++) {
                if (remainders[i] != null && (best < 0 || remainders[i].compareTo(remainders[best]) > 0)) {
                    best = i;
                }
            }
            result[best]++;
            remainders[best] = null;
        }
        return result;
    }
}
