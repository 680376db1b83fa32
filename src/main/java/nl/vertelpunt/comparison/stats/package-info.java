/**
 * Statistics of a comparison between two independent sets of stories (the focus and the reference): confidence
 * intervals of an effect size on each side and tests of whether the two effects differ. Plain Java on primitive
 * arrays, no I/O; the effect sizes themselves come from {@code nl.vertelpunt.evaluation.stats}.
 *
 * <ul>
 *   <li>{@link nl.vertelpunt.comparison.stats.FisherZ}: Spearman's rho, analytic (Fisher's z with the
 *       Bonett&ndash;Wright standard error).</li>
 *   <li>{@link nl.vertelpunt.comparison.stats.Resampling}: everything else, by a seeded percentile bootstrap
 *       and a seeded permutation test of the difference, over items coded as whole numbers so that a resample is
 *       a histogram.</li>
 * </ul>
 *
 * <p>Reproducibility: every resampling method takes its own {@link java.util.SplittableRandom} and draws in a
 * fixed order, with no parallelism, so the same data, seed and number of resamples give the same numbers byte for
 * byte. Values are checked against SciPy ({@code src/test/python/reference_comparison.py}).
 */
package nl.vertelpunt.comparison.stats;
