package nl.vertelpunt.evaluation.stats;

/**
 * Group sizes and rank sums of a pooled, ranked sample: the sufficient statistics of the Mann&ndash;Whitney
 * and Kruskal&ndash;Wallis tests. Produced by {@link SortedColumn#rankSums(int[], int)} so that a column is
 * sorted once and tested against many groupings.
 *
 * @param sizes   number of values in each group (may be 0)
 * @param sums    sum of the average ranks (ranked in the pooled sample of all groups) of each group
 * @param tieTerm {@code sum(t^3 - t)} over the tie groups of the pooled sample
 */
public record RankSums(int[] sizes, double[] sums, double tieTerm) {

    /**
     * @throws IllegalArgumentException if an array is {@code null}, the lengths differ or a size is negative
     */
    public RankSums {
        Checks.notNull(sizes, "sizes");
        Checks.notNull(sums, "sums");
        if (sizes.length != sums.length) {
            throw new IllegalArgumentException(
                    "sizes and sums must have the same length, got " + sizes.length + " and " + sums.length);
        }
        for (int size : sizes) {
            if (size < 0) {
                throw new IllegalArgumentException("group sizes must not be negative, got " + size);
            }
        }
        sizes = sizes.clone();
        sums = sums.clone();
    }

    /** @return a copy of {@code sizes} */
    @Override
    public int[] sizes() {
        return sizes.clone();
    }

    /** @return a copy of {@code sums} */
    @Override
    public double[] sums() {
        return sums.clone();
    }

    /** @return the number of groups */
    public int groups() {
        return sizes.length;
    }

    /** @return the size of group {@code group} */
    public int size(int group) {
        return sizes[group];
    }

    /** @return the rank sum of group {@code group} */
    public double sum(int group) {
        return sums[group];
    }

    /** @return the total number of values over all groups */
    public int n() {
        int n = 0;
        for (int size : sizes) {
            n += size;
        }
        return n;
    }
}
