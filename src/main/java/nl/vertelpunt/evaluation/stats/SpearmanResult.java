package nl.vertelpunt.evaluation.stats;

/**
 * Result of {@link SpearmanCorrelation}.
 *
 * @param n       number of pairs
 * @param rho     Spearman's rho ({@code NaN} unless {@code outcome} is {@link Outcome#COMPUTED})
 * @param t       {@code rho * sqrt((n - 2) / (1 - rho^2))}, infinite for {@code |rho| = 1} ({@code NaN} unless
 *                computed)
 * @param pValue  two-sided p-value from Student's t with {@code n - 2} degrees of freedom ({@code NaN} unless
 *                computed)
 * @param outcome whether rho was computed, and if not, why
 */
public record SpearmanResult(int n, double rho, double t, double pValue, Outcome outcome) {

    /** Whether a Spearman correlation was computed. */
    public enum Outcome {
        /** rho, t and p are defined. */
        COMPUTED,
        /** Fewer than {@link SpearmanCorrelation#MIN_PAIRS} pairs: the t approximation is not trusted. */
        TOO_FEW_PAIRS,
        /** All values of one of the variables are equal: rho is undefined. */
        NO_VARIATION
    }

    /**
     * @throws IllegalArgumentException if {@code outcome} is {@code null}
     */
    public SpearmanResult {
        Checks.notNull(outcome, "outcome");
    }

    static SpearmanResult notComputed(int n, Outcome outcome) {
        return new SpearmanResult(n, Double.NaN, Double.NaN, Double.NaN, outcome);
    }
}
