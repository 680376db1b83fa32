package nl.vertelpunt.bench;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import nl.vertelpunt.comparison.ComparisonJob;
import nl.vertelpunt.comparison.ComparisonRequest;
import nl.vertelpunt.comparison.ComparisonResult;
import nl.vertelpunt.evaluation.EvaluationScope;
import nl.vertelpunt.sample.PatternedStories;
import nl.vertelpunt.story.StoryFilter;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;

/**
 * Measures a whole comparison job, database read included: the stories of the later half of a period against those
 * of the earlier half (two date filters) on the synthetic story point of {@link EvaluationBenchmark} (23 analysis
 * variables and a triad, five planted patterns on both sides), with the default resampling (2,000 bootstrap
 * resamples per side, 2,000 permutations per pattern). Not a test: run by {@code bench/comparison.sh}, with the
 * JVM's heap limited to 1 GB. Starts its own embedded PostgreSQL in a temporary folder.
 *
 * <p>Arguments: story counts (default 100000; 1000000 when asked) and timed runs per size (default 1, after one
 * run to warm up).
 */
public final class ComparisonBenchmark {

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "100000").split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        EvaluationBenchmark.withDatabase(c -> {
            for (int size : sizes) {
                measure(c, size, runs);
            }
        });
    }

    private static void measure(Connection c, int size, int runs) throws Exception {
        String slug = "compare-" + size;
        StoryPointDefinition definition = PatternedStories.definition(slug);
        long[] ids = EvaluationBenchmark.createStoryPoint(c, definition);
        long setup = System.nanoTime();
        EvaluationBenchmark.load(c, definition, ids[0], ids[1], size);
        System.out.printf(
                Locale.ROOT,
                "%,d stories stored in %.1f s (setup, not measured)%n",
                size,
                (System.nanoTime() - setup) / 1e9);
        // EvaluationBenchmark.load tells story i at 1,700,000,000 + 7 i seconds: split the period in the middle
        LocalDate middle = LocalDate.ofInstant(Instant.ofEpochSecond(1_700_000_000L + 7L * size / 2), StoryFilter.ZONE);
        ComparisonRequest request = new ComparisonRequest(
                null,
                slug,
                new ComparisonRequest.Side(
                        null, new StoryFilter(middle, null, null, null, null, null, null, null, null, null)),
                new ComparisonRequest.Reference(
                        null,
                        new ComparisonRequest.Side(
                                null,
                                new StoryFilter(
                                        null, middle.minusDays(1), null, null, null, null, null, null, null, null))),
                null,
                null);
        for (int run = 0; run <= runs; run++) {
            System.gc();
            EvaluationBenchmark.resetPeaks();
            long start = System.nanoTime();
            ComparisonJob.Outcome outcome =
                    ComparisonJob.run(c, EvaluationScope.storyPoint(ids[0], definition), request, "bench", share -> {});
            long total = System.nanoTime() - start;
            ComparisonResult result = outcome.result();
            System.out.printf(
                    Locale.ROOT,
                    "%s %,d stories (%,d against %,d): job %.1f s = read %.1f s + comparison %.1f s; %d patterns "
                            + "compared (%d shared); peak heap %d MB%n",
                    run == 0 ? "warm-up" : "run " + run + ":",
                    size,
                    result.focus().stories(),
                    result.reference().stories(),
                    total / 1e9,
                    outcome.readNanos() / 1e9,
                    outcome.compareNanos() / 1e9,
                    result.summary().compared(),
                    result.summary().shared(),
                    EvaluationBenchmark.peakHeap() / (1024 * 1024));
        }
    }
}
