package nl.vertelpunt.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import nl.vertelpunt.moderation.AdversarialTexts;
import nl.vertelpunt.moderation.PersonalDataScanner;

/**
 * The personal-data scan at the longest story (20,000 characters) for every kind of adversarial text (not a test;
 * run by {@code bench/scan.sh}): per kind the median, 95th percentile and worst time of a scan after a warm-up, with
 * the bundled list of first names, and the worst 95th percentile of all kinds against the budget (the single worst
 * scan is printed too; on a busy machine it is a garbage collection or another process, not the text). Before the scan was made linear, one long token of
 * digits or letters took about 3 CPU-seconds.
 *
 * <p>Arguments: characters per text (20000), measured scans per kind (100), budget per scan in milliseconds (20).
 */
public final class ScanBenchmark {

    public static void main(String[] args) throws IOException {
        int length = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        double budget = args.length > 2 ? Double.parseDouble(args[2]) : 20;
        PersonalDataScanner scanner = new PersonalDataScanner(bundledNames());
        Map<String, IntFunction<String>> kinds = AdversarialTexts.kinds();
        for (int warm = 0; warm < 20; warm++) {
            kinds.values().forEach(kind -> scanner.scan(kind.apply(length)));
        }
        double worst = 0;
        double slowest = 0;
        String worstKind = "";
        System.out.printf(
                Locale.ROOT,
                "%-40s %10s %10s %10s%n",
                "text (" + length + " characters)",
                "median ms",
                "p95 ms",
                "max ms");
        for (Map.Entry<String, IntFunction<String>> kind : kinds.entrySet()) {
            String text = kind.getValue().apply(length);
            double[] ms = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long start = System.nanoTime();
                scanner.scan(text);
                ms[r] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(ms);
            double p95 = ms[(int) Math.ceil(rounds * 0.95) - 1];
            System.out.printf(
                    Locale.ROOT, "%-40s %10.2f %10.2f %10.2f%n", kind.getKey(), ms[rounds / 2], p95, ms[rounds - 1]);
            if (p95 > worst) {
                worst = p95;
                worstKind = kind.getKey();
            }
            slowest = Math.max(slowest, ms[rounds - 1]);
        }
        System.out.printf(
                Locale.ROOT,
                "worst 95th percentile: %.2f ms (%s), slowest single scan %.2f ms; budget %.0f ms: %s%n",
                worst,
                worstKind,
                slowest,
                budget,
                worst <= budget ? "met" : "NOT MET");
    }

    private static Set<String> bundledNames() throws IOException {
        try (InputStream in = PersonalDataScanner.class.getResourceAsStream("/moderation/names-nl.txt")) {
            Set<String> names = new HashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    names.add(line.strip());
                }
            }
            return names;
        }
    }
}
