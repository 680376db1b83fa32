package nl.vertelpunt.evaluation;

import java.util.ArrayList;
import java.util.List;
import nl.vertelpunt.web.FieldError;

/**
 * How a pattern evaluation decides. Null fields take the defaults: groups smaller than 5 stories are
 * left out of tests; a pattern is strong when its Benjamini–Hochberg q ≤ 0.05 and its effect is at least
 * "small" (|rank-biserial| ≥ 0.1, ε² ≥ 0.01, Cramér's V ≥ 0.1, |Spearman ρ| ≥ 0.1); Spearman needs at
 * least 10 stories that answered both sliders. A triad × choice pattern is strong with a partial η² of at least 0.01
 * (its standardized effect √(partial η²) at least 0.1, like the others). The zones of a triad ({@link TriadZones}):
 * a share of at least {@code triadCornerShare} (default 60) is a corner, else a share under {@code triadEdgeShare}
 * (default 20) an edge, else the centre.
 */
public record EvaluationSettings(
        Integer minGroupSize,
        Double maxQ,
        Double minRankBiserial,
        Double minEpsilonSquared,
        Double minCramersV,
        Double minSpearman,
        Integer minPairs,
        Double minPartialEtaSquared,
        Integer triadCornerShare,
        Integer triadEdgeShare) {

    public static final EvaluationSettings DEFAULTS =
            new EvaluationSettings(5, 0.05, 0.1, 0.01, 0.1, 0.1, 10, 0.01, 60, 20);

    /** These settings with every missing value taken from the defaults. */
    public EvaluationSettings withDefaults() {
        return new EvaluationSettings(
                minGroupSize != null ? minGroupSize : DEFAULTS.minGroupSize,
                maxQ != null ? maxQ : DEFAULTS.maxQ,
                minRankBiserial != null ? minRankBiserial : DEFAULTS.minRankBiserial,
                minEpsilonSquared != null ? minEpsilonSquared : DEFAULTS.minEpsilonSquared,
                minCramersV != null ? minCramersV : DEFAULTS.minCramersV,
                minSpearman != null ? minSpearman : DEFAULTS.minSpearman,
                minPairs != null ? minPairs : DEFAULTS.minPairs,
                minPartialEtaSquared != null ? minPartialEtaSquared : DEFAULTS.minPartialEtaSquared,
                triadCornerShare != null ? triadCornerShare : DEFAULTS.triadCornerShare,
                triadEdgeShare != null ? triadEdgeShare : DEFAULTS.triadEdgeShare);
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
        unit(errors, prefix + "minPartialEtaSquared", minPartialEtaSquared);
        if (triadCornerShare != null && (triadCornerShare < 51 || triadCornerShare > 100)) {
            errors.add(new FieldError(prefix + "triadCornerShare", "must be from 51 to 100"));
        }
        if (triadEdgeShare != null && (triadEdgeShare < 0 || triadEdgeShare > 49)) {
            errors.add(new FieldError(prefix + "triadEdgeShare", "must be from 0 to 49"));
        } else if (triadEdgeShare != null) {
            int corner = triadCornerShare != null && triadCornerShare >= 51 && triadCornerShare <= 100
                    ? triadCornerShare
                    : DEFAULTS.triadCornerShare;
            if (corner + 2 * triadEdgeShare > 100) {
                errors.add(new FieldError(
                        prefix + "triadEdgeShare",
                        "must be at most (100 - triadCornerShare) / 2, so that an answer lies near one edge at most"));
            }
        }
        return errors;
    }

    private static void unit(List<FieldError> errors, String field, Double value) {
        if (value != null && !(value >= 0 && value <= 1)) {
            errors.add(new FieldError(field, "must be from 0 to 1"));
        }
    }
}
