package nl.vertelpunt.keyword;

import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.publishedStoryPoint;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * An import starts the analysis of its stories' words as soon as it commits (the scheduled round is off in tests, and
 * no keyword request is made here), so the first keyword request after a large import need not do it all itself.
 */
@QuarkusTest
class KeywordImportTest {

    @Inject
    AgroalDataSource dataSource;

    private long pending(String slug) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM story s JOIN story_point p "
                        + "ON p.id = s.story_point_id WHERE p.slug = ? AND s.keyword_forms IS NULL")) {
            ps.setString(1, slug);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void shouldAnalyseTheWordsOfImportedStoriesRightAfterTheImport() throws Exception {
        String slug = publishedStoryPoint("woordenimport");
        StringBuilder csv = new StringBuilder("id,submitted_at,role,channel,language,title,text,gevolg,gehoord\r\n");
        for (int i = 0; i < 40; i++) {
            csv.append(String.format(
                    Locale.ROOT,
                    "I%03d,2024-05-%02dT10:00:00Z,ouder,online,nl,,\"De wachtlijst bij de jeugdhulp duurde %d weken.\","
                            + "positief,50\r\n",
                    i,
                    1 + i % 28,
                    i));
        }
        asAdmin()
                .contentType("text/csv")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/storypoints/" + slug + "/stories/import?dryRun=true")
                .then()
                .statusCode(200);
        asAdmin()
                .contentType("text/csv")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/storypoints/" + slug + "/stories/import")
                .then()
                .statusCode(200);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (pending(slug) > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(pending(slug)).isZero();
    }
}
