package nl.vertelpunt.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import nl.vertelpunt.testing.Browser;
import org.openqa.selenium.By;

/**
 * Measures the public form page against a running service (not a test; run by {@code bench/form-page.sh}):
 * its weight as transferred (the bytes on the wire of the page, its scripts and styles and the form definition, as a
 * browser asks for them, and what Chromium's resource timing says a cold load transferred), and over repeated loads in headless Chromium the first
 * contentful paint and the time until the form is usable (the page's {@code vertelpunt-interactive}
 * mark, set once the story point is loaded and the role buttons work).
 */
public final class FormPageBenchmark {

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8089";
        int loads = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String url = base + "/v/voordejeugd";

        // the bytes on the wire, as a browser asks for them (the bodies; headers aside)
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> page = get(http, url);
        String html = new String(unpacked(page), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?:src|href)=\"(/assets/[^\"]+\\.(?:js|css))\"")
                .matcher(html);
        long total = page.body().length;
        long assets = 0;
        List<String> parts = new ArrayList<>();
        parts.add(String.format(Locale.ROOT, "page %.1f KB", page.body().length / 1024.0));
        while (m.find()) {
            HttpResponse<byte[]> asset = get(http, base + m.group(1));
            assets += asset.body().length;
            parts.add(String.format(
                    Locale.ROOT,
                    "%s %.1f KB (%s; %.1f KB unpacked)",
                    m.group(1),
                    asset.body().length / 1024.0,
                    asset.headers().firstValue("Content-Encoding").orElse("not compressed"),
                    unpacked(asset).length / 1024.0));
        }
        HttpResponse<byte[]> definition = get(http, base + "/api/storypoints/voordejeugd");
        total += assets + definition.body().length;
        parts.add(String.format(Locale.ROOT, "form definition %.1f KB", definition.body().length / 1024.0));
        System.out.printf(
                Locale.ROOT,
                "Form as transferred: JS + CSS %.1f KB (budget 60 KB); with the page and the form definition %.1f KB: %s%n",
                assets / 1024.0,
                total / 1024.0,
                parts);

        try (Browser browser = new Browser()) {
            browser.width(375);
            for (boolean cold : new boolean[] {true, false}) {
                browser.driver().executeCdpCommand("Network.enable", Map.of());
                browser.driver().executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", cold));
                browser.open(url);
                double[] fcp = new double[loads];
                double[] interactive = new double[loads];
                for (int i = 0; i < loads; i++) {
                    browser.open("about:blank");
                    browser.open(url);
                    browser.waitFor(By.cssSelector("button[data-role]"));
                    fcp[i] = ((Number) browser.script(
                                    "return performance.getEntriesByName('first-contentful-paint')[0].startTime;"))
                            .doubleValue();
                    interactive[i] = ((Number) browser.script(
                                    "return performance.getEntriesByName('vertelpunt-interactive')[0].startTime;"))
                            .doubleValue();
                }
                // what the last load took over the network, headers included (0 for what came from the cache)
                long transferred = ((Number) browser.script("return performance.getEntriesByType('navigation')"
                                + ".concat(performance.getEntriesByType('resource'))"
                                + ".reduce((sum, e) => sum + e.transferSize, 0);"))
                        .longValue();
                System.out.printf(
                        Locale.ROOT,
                        "%s cache: the browser transferred %.1f KB for the form (headers included)%n",
                        cold ? "Cold" : "Warm",
                        transferred / 1024.0);
                System.out.printf(
                        Locale.ROOT,
                        "%s cache, %d loads at 375 px: first contentful paint median %.0f ms, p90 %.0f ms, max %.0f ms;"
                                + " form usable median %.0f ms, p90 %.0f ms, max %.0f ms%n",
                        cold ? "Cold" : "Warm",
                        loads,
                        pct(fcp, 0.5),
                        pct(fcp, 0.9),
                        pct(fcp, 1.0),
                        pct(interactive, 0.5),
                        pct(interactive, 0.9),
                        pct(interactive, 1.0));
            }
        }
    }

    private static double pct(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static HttpResponse<byte[]> get(HttpClient http, String url) throws Exception {
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Accept-Encoding", "gzip, deflate")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response;
    }

    private static byte[] unpacked(HttpResponse<byte[]> response) throws IOException {
        String encoding = response.headers().firstValue("Content-Encoding").orElse("identity");
        InputStream raw = new ByteArrayInputStream(response.body());
        try (InputStream in = switch (encoding) {
            case "gzip" -> new GZIPInputStream(raw);
            case "deflate" -> new InflaterInputStream(raw);
            default -> raw;
        }) {
            return in.readAllBytes();
        }
    }
}
