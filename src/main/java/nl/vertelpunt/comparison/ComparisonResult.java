package nl.vertelpunt.comparison;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import nl.vertelpunt.comparison.ComparisonRequest.ResamplingSettings;
import nl.vertelpunt.evaluation.EvaluationResult;
import nl.vertelpunt.evaluation.EvaluationSettings;

/**
 * The outcome of a comparison. It holds no timestamps: the same data, request and software give the same JSON byte
 * for byte (the resampling is seeded). Statistics that are undefined are left out (null).
 *
 * @param settings          the evaluation settings each side was evaluated with ({@code minGroupSize} and
 *                          {@code minPairs} raised to the suppression threshold, as in an evaluation)
 * @param confidence        of every interval (0.95)
 * @param leftOutVariables  variables that choose the focus or the reference: not compared, they differ by
 *                          construction
 * @param patterns          every pattern strong in the focus or in the reference, largest effect first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComparisonResult(
        String storyPoint,
        String softwareVersion,
        ComparisonRequest request,
        EvaluationSettings settings,
        ResamplingSettings resampling,
        double confidence,
        SideSummary focus,
        SideSummary reference,
        List<String> leftOutVariables,
        List<String> notes,
        Summary summary,
        List<PatternComparison> patterns) {

    /**
     * One side as a whole.
     *
     * @param stories     how many stories (exact here; staff see it suppressed)
     * @param fingerprint SHA-256 over the side's answers as analysed, in story id order
     * @param tests       pairs of questions tested on this side
     * @param strong      of which strong
     */
    public record SideSummary(long stories, String fingerprint, int tests, int strong) {}

    /** How many patterns got each verdict. */
    public record Summary(
            int compared,
            int shared,
            int strongerHere,
            int weakerHere,
            int onlyHere,
            int onlyElsewhere,
            int opposite,
            int unclear) {}

    /**
     * One pattern on both sides.
     *
     * @param key            {@code kind|first|second}, as a pattern of an evaluation
     * @param effect         the effect size compared: {@code spearman-rho}, {@code rank-biserial},
     *                       {@code epsilon-squared} or {@code cramers-v}
     * @param signed         whether the effect has a direction (rho, rank-biserial), so that "opposite" can be told
     * @param verdict        {@code shared}, {@code stronger-here}, {@code weaker-here}, {@code only-here},
     *                       {@code only-elsewhere}, {@code opposite} or {@code unclear}
     * @param comparedGroups slider × choice: the groups compared (at least {@code minGroupSize} answers on both sides);
     *                       choice × choice: the categories of both questions compared ({@code question=option})
     * @param difference     the test of whether the effect differs between the sides
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PatternComparison(
            String key,
            String kind,
            List<String> questions,
            String effect,
            boolean signed,
            String verdict,
            List<String> comparedGroups,
            Side focus,
            Side reference,
            Difference difference,
            List<String> notes) {}

    /**
     * The pattern on one side.
     *
     * @param strong   strong in this side's own evaluation (q ≤ maxQ and at least a small effect)
     * @param q        its q-value in this side's evaluation
     * @param n        stories in the compared groups or cells (exact here; staff see it suppressed)
     * @param effect   the compared effect over {@code comparedGroups}: may differ from {@code pattern.effectSize}
     *                 when the evaluation of this side tested other groups
     * @param low      lower end of the 95% interval of {@code effect}
     * @param high     upper end
     * @param interval {@code fisher-z} or {@code bootstrap-percentile}
     * @param finiteResamples bootstrap only: resamples that gave an effect (the others had no variation)
     * @param pattern  the evaluation's pattern on this side, with its groups, table or joint bins for the chart
     * @param skipped  why the pair could not be tested on this side
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Side(
            boolean strong,
            Double q,
            Long n,
            Double effect,
            Double low,
            Double high,
            String interval,
            Integer finiteResamples,
            EvaluationResult.Pattern pattern,
            String skipped) {}

    /**
     * The test of whether the effect differs between focus and reference.
     *
     * @param test         {@code fisher-z} (z statistic) or {@code permutation} (statistic |effect difference|)
     * @param q            Benjamini–Hochberg over the difference tests of this comparison
     * @param permutations permutation test only: m
     * @param atLeast      permutation test only: b, permutations at least as extreme; p = (b + 1)/(m + 1)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Difference(String test, Double statistic, Double p, Double q, Integer permutations, Long atLeast) {}
}
