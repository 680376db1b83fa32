package nl.vertelpunt.evaluation.stats;

/** Groups of values pooled into one sorted column with a group label per value. */
final class Pooled {

    private final SortedColumn column;
    private final int[] groupOf;
    private final int groups;

    private Pooled(SortedColumn column, int[] groupOf, int groups) {
        this.column = column;
        this.groupOf = groupOf;
        this.groups = groups;
    }

    /**
     * @throws IllegalArgumentException if {@code groups} or a group is {@code null}, a group contains
     *                                  {@code NaN}, or there are fewer than two groups
     */
    static Pooled of(double[]... groups) {
        Checks.notNull(groups, "groups");
        if (groups.length < 2) {
            throw new IllegalArgumentException("at least 2 groups are needed, got " + groups.length);
        }
        int n = 0;
        for (int g = 0; g < groups.length; g++) {
            n += Checks.present(groups[g], "groups[" + g + "]").length;
        }
        double[] values = new double[n];
        int[] groupOf = new int[n];
        int at = 0;
        for (int g = 0; g < groups.length; g++) {
            System.arraycopy(groups[g], 0, values, at, groups[g].length);
            for (int i = 0; i < groups[g].length; i++) {
                groupOf[at++] = g;
            }
        }
        return new Pooled(SortedColumn.of(values), groupOf, groups.length);
    }

    SortedColumn column() {
        return column;
    }

    int[] groupOf() {
        return groupOf;
    }

    int groups() {
        return groups;
    }

    RankSums rankSums() {
        return column.rankSums(groupOf, groups);
    }
}
