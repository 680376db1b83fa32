package nl.vertelpunt.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The outcome of a pattern evaluation. It holds no timestamps, so the same data and settings give the
 * same JSON byte for byte. Statistics that are undefined (too few values, no variance) are null.
 *
 * @param storyPoint    the story point evaluated, or null for a question module across story points
 * @param module        the question module evaluated across story points, or null
 * @param storyPoints   the story points a module-wide evaluation covered, in order (the options of the variable
 *                      {@code storyPoint}), or null
 * @param fingerprint   SHA-256 over the included stories and answers (and in a module-wide evaluation the story
 *                      point of each), in id order
 * @param settings      the settings the evaluation used: the request's, with the defaults filled in and
 *                      {@code minGroupSize} and {@code minPairs} raised to the story point's suppression
 *                      threshold where they were below it
 * @param notes         plain explanations, e.g. why nothing could be tested
 * @param distributions every question's answers
 * @param patterns      every pair that could be tested, ranked: effect size (on a common 0..1 scale), then q
 * @param skipped       pairs that could not be tested, and why
 * @param subset        the subset comparison, when one was asked for
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationResult(
        String storyPoint,
        String module,
        List<String> storyPoints,
        String softwareVersion,
        String fingerprint,
        int stories,
        EvaluationRequest request,
        EvaluationSettings settings,
        List<String> notes,
        Summary summary,
        List<Distribution> distributions,
        List<Pattern> patterns,
        List<Skipped> skipped,
        SubsetComparison subset) {

    /** A statistic as the result holds it: null when it is not finite (JSON has no NaN or infinity). */
    static Double num(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** How many tests, and how many strong patterns of each kind. */
    public record Summary(
            int tests, int strong, int sliderByChoice, int choiceByChoice, int sliderBySlider, int triadByChoice) {}

    /**
     * One question's answers. Sliders: {@code stats}; choices, roles and multichoice options:
     * {@code categories}; triads: {@code meanShares}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Distribution(
            String variable,
            String question,
            Integer number,
            String type,
            String label,
            int answered,
            int notApplicable,
            int unanswered,
            int notAsked,
            GroupStats stats,
            List<Category> categories,
            List<String> corners,
            List<Double> meanShares) {}

    /** A category with its count and share of the stories that answered. */
    public record Category(String id, String label, long count, Double share) {}

    /**
     * Descriptive statistics of slider answers (0..100): sd with n−1; skewness and excess kurtosis
     * bias-corrected; {@code bins} counts [0,10), [10,20), … [90,100]. A group of a triad × choice pattern has
     * none of these but {@code meanShares}, its closed geometric mean in percent (see
     * {@link nl.vertelpunt.evaluation.stats.Compositions}), and {@code zones}, its count per zone (in the order of
     * the pattern's {@code ternary.zones}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GroupStats(
            String category,
            String label,
            long n,
            Double mean,
            Double median,
            Double mode,
            Double sd,
            Double skewness,
            Double kurtosis,
            long[] bins,
            Boolean tested,
            List<Double> meanShares,
            long[] zones) {}

    /** An effect size: its name and value. */
    public record Effect(String name, Double value) {}

    /** A Mann–Whitney test between two groups of a Kruskal–Wallis pattern, Holm-adjusted within the pattern. */
    public record Pairwise(String a, String b, double u, Double z, Double p, Double pHolm, Double rankBiserial) {}

    /**
     * A contingency table with what the chi-square test needs to be read.
     *
     * @param smallCategoriesLeftOut the categories ({@code variable=category}) that were answered but left out
     *                               of the table because they have fewer than {@code minGroupSize} answers,
     *                               counted after the other side's small categories were left out
     */
    public record Table(
            List<String> rows,
            List<String> rowLabels,
            List<String> columns,
            List<String> columnLabels,
            long[][] counts,
            double[][] expected,
            double[][] adjustedResiduals,
            double lowExpectedShare,
            boolean lowExpectedWarning,
            List<String> smallCategoriesLeftOut) {}

    /**
     * How the zones of a triad are drawn: a share of at least {@code cornerShare} is a corner; without one, a share
     * under {@code edgeShare} puts the answer on the edge between the other two corners; the rest is the centre (see
     * {@link TriadZones}).
     */
    public record ZoneRule(int cornerShare, int edgeShare) {}

    /**
     * What a ternary plot of a triad × choice pattern needs: the triad's three corner labels, the zones (ids and
     * labels, the order of every group's {@code zones}), and the tested stories' answers counted in the 100 small
     * triangles of a grid of ten steps per side ({@link TriadZones#cell}: first the 55 upward triangles, then the 45
     * downward ones).
     */
    public record Ternary(
            String triad, List<String> corners, List<String> zones, List<String> zoneLabels, long[] cells) {}

    /** Slider × slider: the 10 × 10 binned joint distribution of the stories that answered both. */
    public record Joint(String x, String y, long[][] bins) {}

    /**
     * One tested pair of variables.
     *
     * @param questions the two variables ({@code question}, {@code question:option} or {@code role})
     * @param statistic U, H, chi-square, Spearman's t or Pillai's trace; null where it is infinite (Spearman with
     *                  ρ = ±1, where p = 0 and a note says so)
     * @param df        the degrees of freedom: a whole number, or for Pillai's trace the list of its F
     *                  approximation's two degrees of freedom
     * @param standardizedEffect the effect on a common 0..1 scale for ranking: |rank-biserial|, √ε², V, |ρ| or
     *                  √(partial η²)
     * @param zoneRule  for a pattern of a triad or of its zone ({@code t:zone}), the rule of the zones
     * @param ternary   for a triad × choice pattern, what its ternary plot needs
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Pattern(
            int rank,
            String kind,
            List<String> questions,
            String test,
            Double statistic,
            Object df,
            double p,
            double q,
            Effect effectSize,
            double standardizedEffect,
            long n,
            boolean strong,
            List<GroupStats> groups,
            List<Pairwise> pairwise,
            Table table,
            Joint joint,
            List<String> notes,
            ZoneRule zoneRule,
            Ternary ternary) {

        /** This pattern with its q-value and verdict. */
        Pattern judged(double qValue, boolean isStrong) {
            return new Pattern(
                    rank,
                    kind,
                    questions,
                    test,
                    statistic,
                    df,
                    p,
                    qValue,
                    effectSize,
                    standardizedEffect,
                    n,
                    isStrong,
                    groups,
                    pairwise,
                    table,
                    joint,
                    notes,
                    zoneRule,
                    ternary);
        }

        /** This pattern with the rule of the zones of the triad it is about. */
        Pattern withZoneRule(ZoneRule rule) {
            return new Pattern(
                    rank,
                    kind,
                    questions,
                    test,
                    statistic,
                    df,
                    p,
                    q,
                    effectSize,
                    standardizedEffect,
                    n,
                    strong,
                    groups,
                    pairwise,
                    table,
                    joint,
                    notes,
                    rule,
                    ternary);
        }

        /** This pattern at a place in the ranking. */
        Pattern ranked(int place) {
            return new Pattern(
                    place,
                    kind,
                    questions,
                    test,
                    statistic,
                    df,
                    p,
                    q,
                    effectSize,
                    standardizedEffect,
                    n,
                    strong,
                    groups,
                    pairwise,
                    table,
                    joint,
                    notes,
                    zoneRule,
                    ternary);
        }
    }

    /** A pair that could not be tested. */
    public record Skipped(String kind, List<String> questions, String reason) {}

    /**
     * A subset against the rest (or another set): every question compared, with the two distributions
     * side by side; its tests are a Benjamini–Hochberg family of their own.
     *
     * @param subsetStories            stories in the subset
     * @param otherStories             stories it is compared with: the rest of the evaluated set, or of the
     *                                 {@code against} set; never a story of the subset
     * @param overlapping              whether some stories are in both the subset and the {@code against} set
     * @param overlappingStories       how many: they are counted in the subset only
     * @param otherWithoutSubsetAnswer stories among the other ones that did not answer a question the subset
     *                                 is defined by (unanswered, not applicable or not asked): not in the
     *                                 subset, so among the others
     * @param leftOutVariables         variables not compared because the subset or the set it is compared
     *                                 with is defined by them (they differ by construction)
     * @param notes                    plain explanations of the above
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SubsetComparison(
            long subsetStories,
            long otherStories,
            boolean overlapping,
            long overlappingStories,
            long otherWithoutSubsetAnswer,
            List<String> leftOutVariables,
            List<String> notes,
            List<Pattern> patterns,
            List<Skipped> skipped) {}
}
