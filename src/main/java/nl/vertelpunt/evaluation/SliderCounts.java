package nl.vertelpunt.evaluation;

import nl.vertelpunt.evaluation.stats.RankSums;
import nl.vertelpunt.evaluation.stats.SpearmanCorrelation;
import nl.vertelpunt.evaluation.stats.SpearmanResult;

/**
 * Slider answers are whole numbers from 0 to 100, so a group of them is fully described by 101 counts.
 * From the counts come the descriptive statistics and the ranks (ties get the average rank) of any union
 * of groups, each in time proportional to 101 rather than to the number of stories. The results equal
 * those from the values themselves ({@code SliderDescriptives}, {@code SortedColumn}); tests check this.
 */
final class SliderCounts {

    static final int VALUES = 101;

    private SliderCounts() {}

    static long total(long[] counts) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    /**
     * Descriptive statistics of one group: n, mean, median, mode (smallest on a tie), sd (n − 1),
     * bias-corrected skewness (n ≥ 3) and excess kurtosis (n ≥ 4), and the ten bins [0,10) … [90,100].
     */
    static EvaluationResult.GroupStats describe(long[] counts, String category, String label, Boolean tested) {
        long n = total(counts);
        long[] bins = new long[10];
        for (int v = 0; v < VALUES; v++) {
            bins[Math.min(9, v / 10)] += counts[v];
        }
        if (n == 0) {
            return new EvaluationResult.GroupStats(
                    category, label, 0, null, null, null, null, null, null, bins, tested, null, null);
        }
        double sum = 0;
        int mode = 0;
        for (int v = 0; v < VALUES; v++) {
            sum += (double) v * counts[v];
            if (counts[v] > counts[mode]) {
                mode = v;
            }
        }
        double mean = sum / n;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (int v = 0; v < VALUES; v++) {
            if (counts[v] == 0) {
                continue;
            }
            double d = v - mean;
            double d2 = d * d;
            m2 += counts[v] * d2;
            m3 += counts[v] * d2 * d;
            m4 += counts[v] * d2 * d2;
        }
        Double sd = null;
        Double skewness = null;
        Double kurtosis = null;
        if (n >= 2) {
            double variance = m2 / (n - 1);
            sd = Math.sqrt(variance);
            if (variance > 0 && n >= 3) {
                // Commons Math Skewness: n / ((n-1)(n-2)) * sum(((x - mean)/s)^3)
                skewness = n / ((n - 1.0) * (n - 2.0)) * (m3 / (variance * sd));
            }
            if (variance > 0 && n >= 4) {
                // Commons Math Kurtosis: n(n+1)/((n-1)(n-2)(n-3)) * sum(((x - mean)/s)^4) - 3(n-1)^2/((n-2)(n-3))
                double nn = n;
                kurtosis = nn * (nn + 1) / ((nn - 1) * (nn - 2) * (nn - 3)) * (m4 / (variance * variance))
                        - 3 * (nn - 1) * (nn - 1) / ((nn - 2) * (nn - 3));
            }
        }
        return new EvaluationResult.GroupStats(
                category,
                label,
                n,
                mean,
                median(counts, n),
                (double) mode,
                sd,
                skewness,
                kurtosis,
                bins,
                tested,
                null,
                null);
    }

    private static double median(long[] counts, long n) {
        long lower = (n + 1) / 2;
        long upper = n / 2 + 1;
        return (valueAt(counts, lower) + valueAt(counts, upper)) / 2.0;
    }

    /** The value at 1-based position {@code k} of the sorted answers. */
    private static int valueAt(long[] counts, long k) {
        long seen = 0;
        for (int v = 0; v < VALUES; v++) {
            seen += counts[v];
            if (seen >= k) {
                return v;
            }
        }
        throw new IllegalArgumentException("position " + k + " beyond " + seen);
    }

    /**
     * Rank sums of the given groups pooled together (the groups' own counts, indexed by group), with
     * average ranks for ties and the tie term Σ(t³ − t) over the pooled values.
     */
    static RankSums rankSums(long[][] groupCounts, int[] groups) {
        int[] sizes = new int[groups.length];
        double[] sums = new double[groups.length];
        double tieTerm = 0;
        double below = 0;
        for (int v = 0; v < VALUES; v++) {
            long t = 0;
            for (int g : groups) {
                t += groupCounts[g][v];
            }
            if (t == 0) {
                continue;
            }
            double averageRank = below + (t + 1) / 2.0;
            for (int i = 0; i < groups.length; i++) {
                long c = groupCounts[groups[i]][v];
                sizes[i] += (int) c;
                sums[i] += c * averageRank;
            }
            tieTerm += (double) t * t * t - t;
            below += t;
        }
        return new RankSums(sizes, sums, tieTerm);
    }

    /**
     * Spearman's rho and its test from the joint counts of two sliders over the stories that answered
     * both ({@code joint[x][y]}), with average ranks for ties.
     */
    static SpearmanResult spearman(long[][] joint) {
        long[] cx = new long[VALUES];
        long[] cy = new long[VALUES];
        long n = 0;
        for (int u = 0; u < VALUES; u++) {
            for (int v = 0; v < VALUES; v++) {
                cx[u] += joint[u][v];
                cy[v] += joint[u][v];
                n += joint[u][v];
            }
        }
        double[] rx = averageRanks(cx);
        double[] ry = averageRanks(cy);
        double mean = (n + 1) / 2.0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int u = 0; u < VALUES; u++) {
            double dx = rx[u] - mean;
            sxx += cx[u] * dx * dx;
            double dy = ry[u] - mean;
            syy += cy[u] * dy * dy;
            for (int v = 0; v < VALUES; v++) {
                if (joint[u][v] > 0) {
                    sxy += joint[u][v] * dx * (ry[v] - mean);
                }
            }
        }
        return SpearmanCorrelation.fromSums((int) n, sxx, syy, sxy);
    }

    /** Average rank (1-based, ties averaged) of every value 0..100 among values with these counts. */
    static double[] averageRanks(long[] counts) {
        double[] ranks = new double[VALUES];
        double below = 0;
        for (int v = 0; v < VALUES; v++) {
            ranks[v] = below + (counts[v] + 1) / 2.0;
            below += counts[v];
        }
        return ranks;
    }
}
