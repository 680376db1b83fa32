package nl.vertelpunt.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The form page's JavaScript and CSS, as served, stay under 60 KB gzipped. */
@QuarkusTest
class FormBudgetTest {

    static final int BUDGET_BYTES = 60 * 1024;

    @Test
    void shouldKeepTheFormPageScriptsAndStylesUnder60KilobytesGzipped() throws IOException {
        String html = RestAssured.get("/v/voordejeugd")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-cache")
                .extract()
                .asString();
        Matcher m = Pattern.compile("(?:src|href)=\"(/assets/[^\"]+\\.(?:js|css))\"")
                .matcher(html);
        List<String> assets = new ArrayList<>();
        while (m.find()) {
            assets.add(m.group(1));
        }
        assertThat(assets).anyMatch(a -> a.endsWith(".js")).anyMatch(a -> a.endsWith(".css"));
        long total = 0;
        for (String asset : assets) {
            byte[] body =
                    RestAssured.get(asset).then().statusCode(200).extract().asByteArray();
            total += gzipped(body);
        }
        assertThat(total).as("gzipped bytes of " + assets).isLessThan(BUDGET_BYTES);
    }

    private static int gzipped(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.size();
    }
}
