package nl.vertelpunt.evaluation.stats;

/** Argument checks shared by the classes of this package; all throw {@link IllegalArgumentException}. */
final class Checks {

    private Checks() {}

    static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    static double[] present(double[] values, String name) {
        notNull(values, name);
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                throw new IllegalArgumentException(
                        name + "[" + i + "] is NaN; missing values must be removed by the caller");
            }
        }
        return values;
    }

    static void sameLength(double[] a, double[] b, String names) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(
                    names + " must have the same length, got " + a.length + " and " + b.length);
        }
    }
}
