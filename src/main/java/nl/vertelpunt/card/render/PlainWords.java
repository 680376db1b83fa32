package nl.vertelpunt.card.render;

import java.util.regex.Pattern;

/**
 * The numbers of a pattern in words for people without statistics, for cards and observations (Dutch, B1): how
 * likely a pattern is by chance, and how strong it is. No statistical terms, no p or q.
 */
public final class PlainWords {

    /**
     * A remark in brackets that holds a statistic: "(q < 0,001, gecorrigeerd voor het aantal vergelijkingen)",
     * "(Spearman ρ = -0,42)", "(p = 0,03)", as observations drafted before December 2026 had them.
     */
    private static final Pattern STATISTIC_IN_BRACKETS = Pattern.compile(
            "\\s*\\([^()]*(?:\\b[pqrV]\\s*[=<>≤≥]|ρ|ε²|χ²|Spearman|Kruskal|\\bMann\\b|Whitney|Cramér|Holm|Benjamini"
                    + "|residu|kurtosis|scheefheid)[^()]*\\)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private PlainWords() {}

    /**
     * A text without its statistics in brackets, for the storytellers' page: "Dit verband is matig (Spearman ρ =
     * -0,42)." becomes "Dit verband is matig.". Text outside brackets stays as the facilitator wrote it.
     */
    public static String withoutStatistics(String text) {
        return text == null ? null : STATISTIC_IN_BRACKETS.matcher(text).replaceAll("");
    }

    /**
     * The chance that a pattern is coincidence, from its q-value (the chance after the correction for the many
     * comparisons of an evaluation): "minder dan 1 op 1.000", "minder dan 1 op 100", "minder dan 1 op 20", or
     * "ongeveer 1 op 8" above 0,05.
     */
    public static String odds(double q) {
        if (q < 0.001) {
            return "minder dan 1 op 1.000";
        }
        if (q < 0.01) {
            return "minder dan 1 op 100";
        }
        if (q <= 0.05) {
            return "minder dan 1 op 20";
        }
        return "ongeveer 1 op " + Math.max(1, Math.round(1 / q));
    }

    /**
     * How strong a pattern is, from its effect on the common 0..1 scale of the evaluation (|rank-biserial|, √ε², V
     * or |ρ|; small from 0,1): "heel zwak", "zwak", "matig" or "sterk".
     */
    public static String strength(double standardized) {
        double s = Math.abs(standardized);
        return s < 0.1 ? "heel zwak" : s < 0.3 ? "zwak" : s < 0.5 ? "matig" : "sterk";
    }
}
