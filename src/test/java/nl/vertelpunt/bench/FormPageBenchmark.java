package nl.vertelpunt.bench;

import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import nl.vertelpunt.testing.Browser;
import org.openqa.selenium.By;

/**
 * Measures the public form page against a running service (not a test; run by {@code bench/form-page.sh}):
 * the gzipped size of its scripts and styles, and over repeated loads in headless Chromium the first
 * contentful paint and the time until the form is usable (the page's {@code vertelpunt-interactive}
 * mark, set once the story point is loaded and the role buttons work).
 */
public final class FormPageBenchmark {

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8089";
        int loads = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String url = base + "/v/voordejeugd";

        String html = RestAssured.get(url).then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?:src|href)=\"(/assets/[^\"]+\\.(?:js|css))\"")
                .matcher(html);
        long total = 0;
        List<String> parts = new ArrayList<>();
        while (m.find()) {
            byte[] body = RestAssured.get(base + m.group(1))
                    .then()
                    .statusCode(200)
                    .extract()
                    .asByteArray();
            long gz = gzipped(body);
            total += gz;
            parts.add(String.format(
                    Locale.ROOT, "%s %.1f KB (%.1f KB gzipped)", m.group(1), body.length / 1024.0, gz / 1024.0));
        }
        System.out.printf(
                Locale.ROOT, "Form page JS + CSS: %.1f KB gzipped (budget 60 KB): %s%n", total / 1024.0, parts);

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

    private static long gzipped(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.size();
    }
}
