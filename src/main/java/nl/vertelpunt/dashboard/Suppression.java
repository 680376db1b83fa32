package nl.vertelpunt.dashboard;

/**
 * Small numbers stay private. With threshold k (default 5, per story point), every count shown in
 * aggregate is either 0, "&lt;k" (for 1 to k−1; not charted), or a multiple of k (the nearest; ties up).
 * Because every shown number is a multiple of k, no sum or difference of shown numbers, across any
 * combination of filters, can equal a count from 1 to k−1: a small group cannot be revealed by
 * subtracting totals. Shares are computed from the shown counts. With k = 1 counts are shown as they are.
 */
public final class Suppression {

    private final int threshold;

    public Suppression(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1");
        }
        this.threshold = threshold;
    }

    public int threshold() {
        return threshold;
    }

    public boolean active() {
        return threshold > 1;
    }

    /** A count as it may be shown: an Integer (0 or a multiple of k), or the text "&lt;k". */
    public Object count(long n) {
        if (n <= 0 || threshold == 1) {
            return n;
        }
        if (n < threshold) {
            return "<" + threshold;
        }
        return rounded(n);
    }

    /** The count rounded to the nearest multiple of k, 0 for counts below k (used for sums and shares). */
    public long rounded(long n) {
        if (threshold == 1) {
            return n;
        }
        if (n < threshold) {
            return 0;
        }
        return Math.max(threshold, Math.round(n / (double) threshold) * threshold);
    }

    /** Whether a group of this size may be described (statistics, charts): at least k. */
    public boolean shows(long n) {
        return n >= threshold;
    }

    /**
     * Whether a set of this size is too small to describe at all: 1 to k−1 stories. Of such a set nothing is
     * computed or shown (no distribution, share, mean or chart; not even which answers have a count of 0), only
     * that there are too few stories: otherwise the zeros and "&lt;k" of one person's answers would tell them.
     */
    public boolean tooFew(long n) {
        return n > 0 && n < threshold;
    }
}
