/**
 * Pure statistics core of the pattern evaluation: ranks, slider descriptives, Mann&ndash;Whitney U,
 * Kruskal&ndash;Wallis H with pairwise Mann&ndash;Whitney, Pearson's chi-square on contingency tables,
 * Spearman's rho and multiple-testing adjustment (Benjamini&ndash;Hochberg, Holm).
 *
 * <p>Conventions shared by every class in this package:
 * <ul>
 *   <li>Inputs are primitive arrays of <em>present</em> values only. Missing answers ("not applicable",
 *       unanswered) are removed by the caller and are never counted as zero. {@code NaN} in an input is
 *       therefore a programming error.</li>
 *   <li>Programming errors (a {@code null} argument, mismatched lengths, values outside the documented
 *       domain) throw {@link java.lang.IllegalArgumentException}.</li>
 *   <li>Statistics and p-values that are undefined for the data (too few values, zero variance, all values
 *       tied, an empty group) are returned as {@code NaN}; nothing throws for degenerate data.</li>
 *   <li>Results are records. Their array components are defensive copies, except
 *       {@link nl.vertelpunt.evaluation.stats.Ranking#ranks()}, which is handed out as is for speed.</li>
 *   <li>Every statistic and p-value is checked against SciPy (see {@code src/test/python/README.md});
 *       where this package deliberately differs from SciPy, the class Javadoc says so.</li>
 * </ul>
 *
 * <p>Upper-tail probabilities are computed from the regularized gamma and beta functions directly, never
 * as {@code 1 - cdf}, so that small p-values keep their relative precision.
 */
package nl.vertelpunt.evaluation.stats;
