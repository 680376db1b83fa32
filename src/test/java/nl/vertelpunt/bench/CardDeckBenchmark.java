package nl.vertelpunt.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import nl.vertelpunt.card.render.CardDocument;
import nl.vertelpunt.card.render.CardFixtures;
import nl.vertelpunt.card.render.CardRenderer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Measures how long a deck of observation cards takes to render: the HTML from the checked Qute template and the
 * A4 PDF made from it, as a service would call {@link CardRenderer}. Not a test, and nothing is asserted on time:
 * run by {@code bench/cards.sh} (or this main class with the test classpath).
 *
 * <p>{@code CardRenderer} uses a {@code @CheckedTemplate}, which exists only in a built Quarkus application, so
 * this main class starts the application the way Quarkus tests do: it hands the nested {@link Run} class to the
 * JUnit Platform launcher (the embedded PostgreSQL of the test resource starts with it; rendering does not use
 * it). Reported: the first deck after start (cold: class loading, font parsing, JIT), then the median, fastest and
 * slowest of the timed decks after a warm-up, the PDF's size and pages.
 *
 * <p>System properties: {@code cards} (default 20), {@code runs} timed decks (default 10), {@code warmup} decks
 * (default 5), {@code warm-up} (default false: call {@link CardRenderer#warmUp()} first, as production does at
 * start-up, and report the first deck after it), {@code full} (default 0: how many of the cards are as full as the
 * card service lets a card be, {@link CardFixtures#maximal}; each is laid out up to five times before it fits). The
 * last PDF and its HTML are written to {@code target/bench-cards/}.
 */
public final class CardDeckBenchmark {

    private CardDeckBenchmark() {}

    public static void main(String[] args) {
        // by name, not as a Class: Quarkus's launcher session must load it in the application's class loader
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(CardDeckBenchmark.class.getName() + "$Run"))
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        if (listener.getSummary().getTotalFailureCount() > 0
                || listener.getSummary().getTestsSucceededCount() == 0) {
            listener.getSummary().printFailuresTo(new PrintWriter(System.err, true), 30);
            System.exit(1);
        }
        System.exit(0);
    }

    /** The measurement, inside the started application. Nested, so that the test run never picks it up. */
    @QuarkusTest
    public static class Run {

        @Inject
        CardRenderer renderer;

        @Test
        void measure() throws Exception {
            int size = Integer.getInteger("cards", 20);
            int runs = Integer.getInteger("runs", 10);
            int warmup = Integer.getInteger("warmup", 5);
            boolean warmUpFirst = Boolean.getBoolean("warm-up");
            int full = Math.min(size, Integer.getInteger("full", 0));
            List<CardDocument> deck = new ArrayList<>(CardFixtures.deck(size));
            for (int i = 0; i < full; i++) {
                // spread over the deck: every card that does not fit at its normal size is laid out again, denser
                deck.set(i * size / full, CardFixtures.maximal("vol-" + (i + 1)));
            }

            double warmUp = 0;
            if (warmUpFirst) {
                long w = System.nanoTime();
                renderer.warmUp();
                warmUp = (System.nanoTime() - w) / 1e6;
            }
            long start = System.nanoTime();
            byte[] first = renderer.pdf(deck);
            double cold = (System.nanoTime() - start) / 1e6;

            for (int i = 0; i < warmup; i++) {
                renderer.pdf(deck);
            }
            double[] html = new double[runs];
            double[] pdf = new double[runs];
            byte[] last = first;
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                String page = renderer.html(deck);
                long t1 = System.nanoTime();
                last = renderer.pdf(deck);
                long t2 = System.nanoTime();
                html[i] = (t1 - t0) / 1e6;
                pdf[i] = (t2 - t1) / 1e6;
                if (page.isEmpty()) {
                    throw new IllegalStateException("empty HTML");
                }
            }
            int pages;
            try (PDDocument document = Loader.loadPDF(last)) {
                pages = document.getNumberOfPages();
            }
            Path out = Path.of("target", "bench-cards");
            Files.createDirectories(out);
            Files.write(out.resolve("deck.pdf"), last);
            Files.writeString(out.resolve("deck.html"), renderer.html(deck));

            System.out.printf(
                    Locale.ROOT,
                    "%nMachine: %d cores, Java %s, max heap %d MB, load average %.1f (other work on the machine)%n",
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf(
                    Locale.ROOT,
                    "Deck of %d cards (%d of them as full as a card may be): %d pages, PDF %.0f KB (%,d bytes)%n",
                    size,
                    full,
                    pages,
                    last.length / 1024.0,
                    last.length);
            if (warmUpFirst) {
                System.out.printf(
                        Locale.ROOT, "Warm-up as at production start-up (one card, three times): %.0f ms%n", warmUp);
                System.out.printf(Locale.ROOT, "First deck after the warm-up, HTML + PDF: %.0f ms%n", cold);
            } else {
                System.out.printf(
                        Locale.ROOT, "First deck after start, no warm-up (cold), HTML + PDF: %.0f ms%n", cold);
            }
            System.out.printf(Locale.ROOT, "After %d warm-up decks, %d runs:%n", warmup, runs);
            System.out.printf(
                    Locale.ROOT,
                    "  HTML only       median %6.1f ms  min %6.1f  max %6.1f%n",
                    median(html),
                    min(html),
                    max(html));
            System.out.printf(
                    Locale.ROOT,
                    "  HTML + PDF      median %6.1f ms  min %6.1f  max %6.1f%n",
                    median(pdf),
                    min(pdf),
                    max(pdf));
            System.out.printf(Locale.ROOT, "  per card (PDF)  median %6.1f ms%n%n", median(pdf) / size);
        }

        private static double median(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int mid = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }

        private static double min(double[] values) {
            return Arrays.stream(values).min().orElse(Double.NaN);
        }

        private static double max(double[] values) {
            return Arrays.stream(values).max().orElse(Double.NaN);
        }
    }
}
