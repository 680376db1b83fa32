package nl.vertelpunt.evaluation.stats;

/**
 * One column of values, sorted once so that the column and any subset of it can be ranked in O(n) without
 * sorting again.
 *
 * <p>The evaluation compares one variable with many others, each time over the rows where both are
 * present. Sort the variable's present values once with {@link #of(double[])}, then rank the rows a
 * comparison needs with {@link #rank(int[])} (for Spearman's rho) or sum ranks per group with
 * {@link #rankSums(int[], int)} (for Mann&ndash;Whitney and Kruskal&ndash;Wallis). Ranks are always average
 * ranks within the selected values, exactly as if the subset had been ranked on its own.
 *
 * <p>Memory: 5 bytes per value (the sorted order and a tie-group flag); the values themselves are not kept.
 * Instances are immutable and thread-safe.
 */
public final class SortedColumn {

    /** Indices of the values in ascending order of value. */
    private final int[] order;
    /** {@code startsGroup[p]}: the value at sorted position {@code p} differs from the one before it. */
    private final boolean[] startsGroup;

    private SortedColumn(int[] order, boolean[] startsGroup) {
        this.order = order;
        this.startsGroup = startsGroup;
    }

    /**
     * Sorts a column in O(n log n) with a primitive sort.
     *
     * @param values present values; {@code -0.0} and {@code 0.0} count as tied; infinities are allowed
     * @return the sorted column; the array is not retained
     * @throws IllegalArgumentException if {@code values} is {@code null} or contains {@code NaN}
     */
    public static SortedColumn of(double[] values) {
        Checks.present(values, "values");
        int[] order = Order.ascending(values);
        boolean[] startsGroup = new boolean[values.length];
        for (int p = 0; p < order.length; p++) {
            startsGroup[p] = p == 0 || values[order[p]] != values[order[p - 1]];
        }
        return new SortedColumn(order, startsGroup);
    }

    /** @return the number of values in the column */
    public int size() {
        return order.length;
    }

    /**
     * Ranks the whole column in O(n).
     *
     * @return the average ranks in the order of the values given to {@link #of(double[])}, and the tie term
     */
    public Ranking rank() {
        int n = order.length;
        double[] ranks = new double[n];
        double tieTerm = 0;
        int start = 0;
        while (start < n) {
            int end = groupEnd(start);
            double rank = (start + 1.0 + end) / 2;
            for (int p = start; p < end; p++) {
                ranks[order[p]] = rank;
            }
            tieTerm += tieTerm(end - start);
            start = end;
        }
        return new Ranking(ranks, tieTerm);
    }

    /**
     * Ranks the subset of values at {@code indices} among themselves, in O(n) for the column plus O(m) for
     * the subset.
     *
     * @param indices distinct indices into the column, in any order; may be empty
     * @return {@code ranks[j]} is the average rank of value {@code indices[j]} within the subset; the tie
     *         term counts ties within the subset only
     * @throws IllegalArgumentException if {@code indices} is {@code null}, or an index is out of range or
     *                                  repeated
     */
    public Ranking rank(int[] indices) {
        Checks.notNull(indices, "indices");
        int n = order.length;
        int m = indices.length;
        int[] slot = new int[n]; // position in indices plus one; 0 = not selected
        for (int j = 0; j < m; j++) {
            int index = indices[j];
            if (index < 0 || index >= n) {
                throw new IllegalArgumentException("index " + index + " is outside the column of " + n + " values");
            }
            if (slot[index] != 0) {
                throw new IllegalArgumentException("index " + index + " is selected more than once");
            }
            slot[index] = j + 1;
        }
        double[] ranks = new double[m];
        int[] members = new int[m];
        double tieTerm = 0;
        int below = 0;
        int start = 0;
        while (start < n) {
            int end = groupEnd(start);
            int t = 0;
            for (int p = start; p < end; p++) {
                int j = slot[order[p]];
                if (j != 0) {
                    members[t++] = j - 1;
                }
            }
            double rank = below + (t + 1) / 2.0;
            for (int q = 0; q < t; q++) {
                ranks[members[q]] = rank;
            }
            tieTerm += tieTerm(t);
            below += t;
            start = end;
        }
        return new Ranking(ranks, tieTerm);
    }

    /**
     * Ranks the values that belong to a group among themselves and sums the ranks per group, in O(n) without
     * allocating ranks. This is the pooled ranking of the Mann&ndash;Whitney ({@code groupCount == 2}) and
     * Kruskal&ndash;Wallis tests; values in no group are left out as if they were not in the column.
     *
     * @param groupOf    the group of each value, {@code 0..groupCount-1}, or {@code -1} to leave it out
     * @param groupCount the number of groups, at least 1
     * @return group sizes, rank sums and the tie term of the pooled values
     * @throws IllegalArgumentException if {@code groupOf} is {@code null}, its length differs from the column,
     *                                  {@code groupCount < 1} or a group is out of range
     */
    public RankSums rankSums(int[] groupOf, int groupCount) {
        if (groupCount < 1) {
            throw new IllegalArgumentException("groupCount must be at least 1, got " + groupCount);
        }
        int[] identity = new int[groupCount];
        for (int g = 0; g < groupCount; g++) {
            identity[g] = g;
        }
        return rankSums(groupOf, identity, groupCount);
    }

    /**
     * As {@link #rankSums(int[], int)}, after mapping each label {@code g} of {@code groupOf} to group
     * {@code remap[g]} ({@code -1}: leave out). Lets pairwise comparisons select two groups without
     * building a new label array.
     */
    RankSums rankSums(int[] groupOf, int[] remap, int groupCount) {
        Checks.notNull(groupOf, "groupOf");
        int n = order.length;
        if (groupOf.length != n) {
            throw new IllegalArgumentException(
                    "groupOf must have one label per value, got " + groupOf.length + " for " + n);
        }
        int[] sizes = new int[groupCount];
        double[] sums = new double[groupCount];
        double tieTerm = 0;
        int below = 0;
        int start = 0;
        while (start < n) {
            int end = groupEnd(start);
            int t = 0;
            for (int p = start; p < end; p++) {
                if (target(groupOf[order[p]], remap) >= 0) {
                    t++;
                }
            }
            if (t > 0) {
                double rank = below + (t + 1) / 2.0;
                for (int p = start; p < end; p++) {
                    int group = target(groupOf[order[p]], remap);
                    if (group >= 0) {
                        sizes[group]++;
                        sums[group] += rank;
                    }
                }
                tieTerm += tieTerm(t);
                below += t;
            }
            start = end;
        }
        return new RankSums(sizes, sums, tieTerm);
    }

    private static int target(int label, int[] remap) {
        if (label == -1) {
            return -1;
        }
        if (label < 0 || label >= remap.length) {
            throw new IllegalArgumentException("group label " + label + " is outside -1.." + (remap.length - 1));
        }
        return remap[label];
    }

    /** End (exclusive) of the tie group that starts at sorted position {@code start}. */
    private int groupEnd(int start) {
        int end = start + 1;
        while (end < order.length && !startsGroup[end]) {
            end++;
        }
        return end;
    }

    /** {@code t^3 - t} for a tie group of {@code t} values, in double to avoid overflow. */
    static double tieTerm(int t) {
        double size = t;
        return size * size * size - size;
    }

    @Override
    public String toString() {
        return "SortedColumn[size=" + order.length + "]";
    }
}
