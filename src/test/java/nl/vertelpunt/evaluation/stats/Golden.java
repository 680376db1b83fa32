package nl.vertelpunt.evaluation.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Comparisons with golden values. Statistics must agree to a relative tolerance of 1e-9, or to an absolute
 * 1e-12 where the expected value is so close to zero that a relative tolerance is meaningless (a rho or a
 * residual of 1e-16 is zero with rounding). Probabilities must agree to the relative tolerance only, however
 * small they are, because a p-value of 1e-25 that is off by a factor 2 is wrong; only below the smallest
 * normal double (2.2e-308, where doubles lose relative precision) is "also that small" enough. {@code NaN}
 * must meet {@code NaN}, and infinities must be equal.
 */
public final class Golden {

    static final double RELATIVE = 1e-9;
    static final double ABSOLUTE_NEAR_ZERO = 1e-12;

    private Golden() {}

    /** Asserts a statistic; {@code what} names the case and the quantity. */
    public static void assertStatistic(String what, double expected, double actual) {
        if (!statisticAgrees(expected, actual)) {
            fail(what + ": expected " + expected + " but was " + actual + difference(expected, actual));
        }
    }

    /** Asserts a probability (p-value, q-value, tail probability); {@code what} names the case and quantity. */
    public static void assertProbability(String what, double expected, double actual) {
        if (!probabilityAgrees(expected, actual)) {
            fail(what + ": expected p = " + expected + " but was " + actual + difference(expected, actual));
        }
    }

    static void assertStatistics(String what, double[] expected, double[] actual) {
        assertThat(actual).as(what + " length").hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertStatistic(what + "[" + i + "]", expected[i], actual[i]);
        }
    }

    static void assertProbabilities(String what, double[] expected, double[] actual) {
        assertThat(actual).as(what + " length").hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertProbability(what + "[" + i + "]", expected[i], actual[i]);
        }
    }

    static void assertStatistics(String what, double[][] expected, double[][] actual) {
        assertThat(actual).as(what + " rows").hasNumberOfRows(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertStatistics(what + "[" + i + "]", expected[i], actual[i]);
        }
    }

    static boolean statisticAgrees(double expected, double actual) {
        if (Double.isNaN(expected)
                || Double.isNaN(actual)
                || Double.isInfinite(expected)
                || Double.isInfinite(actual)) {
            return Double.compare(expected, actual) == 0;
        }
        return Math.abs(actual - expected) <= Math.max(RELATIVE * Math.abs(expected), ABSOLUTE_NEAR_ZERO);
    }

    static boolean probabilityAgrees(double expected, double actual) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        if (expected < Double.MIN_NORMAL) {
            return actual < Double.MIN_NORMAL && actual >= 0;
        }
        return Math.abs(actual - expected) <= RELATIVE * expected;
    }

    private static String difference(double expected, double actual) {
        return expected == 0 || Double.isNaN(expected) || Double.isNaN(actual)
                ? ""
                : " (relative difference " + Math.abs(actual - expected) / Math.abs(expected) + ")";
    }
}
