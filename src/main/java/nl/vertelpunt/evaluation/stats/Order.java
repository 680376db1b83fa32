package nl.vertelpunt.evaluation.stats;

import java.util.Arrays;

/** Stable ascending order of a {@code double[]} without boxing. */
final class Order {

    private Order() {}

    /**
     * Returns the indices of {@code values} in ascending order of value; equal values keep their index order.
     * {@code -0.0} and {@code 0.0} are equal: the sort puts them next to each other and the binary search
     * compares primitives. Runs in O(n log n): one primitive sort of a copy, then a binary search per value
     * to place its index.
     *
     * @param values values without {@code NaN} (not checked here)
     * @return a permutation of {@code 0..n-1}
     */
    static int[] ascending(double[] values) {
        int n = values.length;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int[] order = new int[n];
        int[] placed = new int[n];
        for (int i = 0; i < n; i++) {
            int start = lowerBound(sorted, values[i]);
            order[start + placed[start]++] = i;
        }
        return order;
    }

    /** First index {@code i} with {@code sorted[i] >= value}, using primitive comparison ({@code -0.0 == 0.0}). */
    private static int lowerBound(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
