package nl.vertelpunt.web;

import static nl.vertelpunt.testing.Fixtures.ADMIN;
import static nl.vertelpunt.testing.Fixtures.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import nl.vertelpunt.testing.Planted;
import org.junit.jupiter.api.Test;

/**
 * Every text response goes out compressed, as the bytes on the wire show (REST Assured would unpack them and drop the
 * header): the form page and its scripts and styles, JSON, problem+json and an SVG chart. Hashed assets are kept a
 * year, pages are revalidated. Also the form's weight as transferred, against its budget.
 */
@QuarkusTest
class DeliveryTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String ACCEPT = "gzip, deflate";
    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/assets/[^\"]+\\.(?:js|css))\"");
    /** Vite's names: the file's name, a dash and eight characters of the hash of its content. */
    private static final Pattern HASHED = Pattern.compile("/assets/[\\w.-]+-[\\w-]{8}\\.(js|css)");

    /** One answer as it came over the wire: the body still compressed. */
    record Wire(int status, HttpResponse<byte[]> response) {

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        List<String> all(String name) {
            return response.headers().allValues(name);
        }

        int bytes() {
            return response.body().length;
        }

        String text() throws IOException {
            String encoding = Optional.ofNullable(header("Content-Encoding")).orElse("identity");
            InputStream raw = new ByteArrayInputStream(response.body());
            try (InputStream in = switch (encoding) {
                case "gzip" -> new GZIPInputStream(raw);
                case "deflate" -> new InflaterInputStream(raw);
                default -> raw;
            }) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    static Wire get(String path, String acceptEncoding, boolean admin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        if (admin) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Wire(response.statusCode(), response);
    }

    private static void assertCompressed(Wire wire, String what) {
        assertThat(wire.header("Content-Encoding"))
                .as("Content-Encoding of %s", what)
                .isEqualTo("gzip");
        assertThat(String.join(",", wire.all("Vary"))).as("Vary of %s", what).containsIgnoringCase("Accept-Encoding");
    }

    @Test
    void shouldCompressTheFormPageItsScriptsAndStylesAndKeepOnlyTheHashedOnesLong() throws Exception {
        Wire page = get("/v/voordejeugd", ACCEPT, false);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertCompressed(page, "the form page");
        assertThat(page.header("Cache-Control")).isEqualTo("no-cache");

        List<String> assets = assets(page.text());
        assertThat(assets).anyMatch(a -> a.endsWith(".js")).anyMatch(a -> a.endsWith(".css"));
        for (String asset : assets) {
            assertThat(asset).matches(HASHED);
            Wire wire = get(asset, ACCEPT, false);
            assertThat(wire.status()).isEqualTo(200);
            assertThat(wire.header("Content-Type")).startsWith(asset.endsWith(".js") ? "text/javascript" : "text/css");
            assertCompressed(wire, asset);
            assertThat(wire.header("Cache-Control")).as(asset).isEqualTo(PageRoutes.IMMUTABLE);
        }
        // a file that is not there is not remembered for a year
        Wire missing = get("/assets/nothing-12345678.js", ACCEPT, false);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Cache-Control")).isNotEqualTo(PageRoutes.IMMUTABLE);
    }

    @Test
    void shouldCompressJsonProblemsAndSvg() throws Exception {
        Wire json = get("/api/storypoints/voordejeugd", ACCEPT, false);
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.header("Content-Type")).startsWith("application/json");
        assertCompressed(json, "the published form (JSON)");
        assertThat(json.text()).contains("\"definition\"");

        Wire problem = get("/api/storypoints/no-such-point", ACCEPT, false);
        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.header("Content-Type")).startsWith("application/problem+json");
        assertCompressed(problem, "a problem");

        Planted planted = Planted.create("delivery", 300, 16);
        String card =
                planted.draftCards(List.of(Planted.EIGHT_CARD_PATTERNS.get(0))).get(0);
        Wire svg = get("/api/cards/" + card + "/chart.svg", ACCEPT, true);
        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.header("Content-Type")).startsWith("image/svg+xml");
        assertCompressed(svg, "a card's chart (SVG)");
        assertThat(svg.text()).startsWith("<svg");
    }

    @Test
    void shouldSendThePlainBytesToAClientThatAsksForNoCompression() throws Exception {
        Wire plain = get("/api/storypoints/voordejeugd", null, false);
        assertThat(plain.header("Content-Encoding")).isNull();
        Wire gzipped = get("/api/storypoints/voordejeugd", ACCEPT, false);
        assertThat(gzipped.text()).isEqualTo(plain.text());
        assertThat(gzipped.bytes()).isLessThan(plain.bytes() / 2);
    }

    /**
     * The form's weight as a first visit transfers it: the page, its scripts and styles, and the published form it
     * reads, in bytes on the wire (bodies, compressed as sent; headers aside). Printed for the README.
     */
    @Test
    void shouldKeepTheFormUnderItsBudgetAsTransferred() throws Exception {
        Wire page = get("/v/voordejeugd", ACCEPT, false);
        long total = page.bytes();
        long plain = get("/v/voordejeugd", null, false).bytes();
        List<String> parts = new ArrayList<>();
        parts.add(String.format(Locale.ROOT, "page %d B", page.bytes()));
        for (String asset : assets(page.text())) {
            Wire wire = get(asset, ACCEPT, false);
            total += wire.bytes();
            plain += get(asset, null, false).bytes();
            parts.add(String.format(Locale.ROOT, "%s %d B", asset, wire.bytes()));
        }
        Wire definition = get("/api/storypoints/voordejeugd", ACCEPT, false);
        total += definition.bytes();
        plain += get("/api/storypoints/voordejeugd", null, false).bytes();
        parts.add(String.format(Locale.ROOT, "form definition %d B", definition.bytes()));
        System.out.printf(
                Locale.ROOT,
                "Form as transferred: %.1f KB (%.1f KB uncompressed): %s%n",
                total / 1024.0,
                plain / 1024.0,
                String.join(", ", parts));
        assertThat(total).isLessThan(FormBudgetTest.BUDGET_BYTES);
        assertThat(total).isLessThan(plain / 2);
    }

    private static List<String> assets(String html) {
        Matcher m = ASSET.matcher(html);
        List<String> assets = new ArrayList<>();
        while (m.find()) {
            assets.add(m.group(1));
        }
        return assets;
    }
}
