package nl.vertelpunt.evaluation;

import java.util.ArrayList;
import java.util.List;
import nl.vertelpunt.web.FieldError;

/**
 * How a pattern evaluation decides. Null fields take the defaults: groups smaller than 5 stories are
 * left out of tests; a pattern is strong when its Benjamini–Hochberg q ≤ 0.05 and its effect is at least
 * "small" (|rank-biserial| ≥ 0.1, ε² ≥ 0.01, Cramér's V ≥ 0.1, |Spearman ρ| ≥ 0.1); Spearman needs at
 * least 10 stories that answered both sliders.
 */
public record EvaluationSettings(
        Integer minGroupSize,
        Double maxQ,
        Double minRankBiserial,
        Double minEpsilonSquared,
        Double minCramersV,
        Double minSpearman,
        Integer minPairs) {

    public static final EvaluationSettings DEFAULTS = new EvaluationSettings(5, 0.05, 0.1, 0.01, 0.1, 0.1, 10);

    /** These settings with every missing value taken from the defaults. */
    public EvaluationSettings withDefaults() {
        return new EvaluationSettings(
                minGroupSize != null ? minGroupSize : DEFAULTS.minGroupSize,
                maxQ != null ? maxQ : DEFAULTS.maxQ,
                minRankBiserial != null ? minRankBiserial : DEFAULTS.minRankBiserial,
                minEpsilonSquared != null ? minEpsilonSquared : DEFAULTS.minEpsilonSquared,
                minCramersV != null ? minCramersV : DEFAULTS.minCramersV,
                minSpearman != null ? minSpearman : DEFAULTS.minSpearman,
                minPairs != null ? minPairs : DEFAULTS.minPairs);
    }

    public List<FieldError> check(String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (minGroupSize != null && (minGroupSize < 2 || minGroupSize > 10_000)) {
            errors.add(new FieldError(prefix + "minGroupSize", "must be from 2 to 10000"));
        }
        if (maxQ != null && !(maxQ > 0 && maxQ <= 1)) {
            errors.add(new FieldError(prefix + "maxQ", "must be more than 0 and at most 1"));
        }
        unit(errors, prefix + "minRankBiserial", minRankBiserial);
        unit(errors, prefix + "minEpsilonSquared", minEpsilonSquared);
        unit(errors, prefix + "minCramersV", minCramersV);
        unit(errors, prefix + "minSpearman", minSpearman);
        if (minPairs != null && (minPairs < 10 || minPairs > 1_000_000)) {
            errors.add(new FieldError(prefix + "minPairs", "must be from 10 to 1000000"));
        }
        return errors;
    }

    private static void unit(List<FieldError> errors, String field, Double value) {
        if (value != null && !(value >= 0 && value <= 1)) {
            errors.add(new FieldError(field, "must be from 0 to 1"));
        }
    }
}
