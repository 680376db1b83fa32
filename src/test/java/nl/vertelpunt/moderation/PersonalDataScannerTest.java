package nl.vertelpunt.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Finds the personal data in realistic Dutch story texts, at exactly the right spans, and nothing else. */
class PersonalDataScannerTest {

    private final PersonalDataScanner scanner = new PersonalDataScanner(Set.of("Anna", "Sanne", "Lisa"));

    record Expected(String kind, int start, int end) {}

    @Test
    void shouldFindExactlyTheKnownSpansInTheFixture() throws IOException {
        JsonNode cases;
        try (InputStream in = getClass().getResourceAsStream("/moderation/pii-fixture.json")) {
            cases = new ObjectMapper().readTree(in);
        }
        assertThat(cases.size()).isGreaterThanOrEqualTo(10);
        for (JsonNode c : cases) {
            String text = c.get("text").asText();
            List<Expected> expected = new ArrayList<>();
            int from = 0;
            for (JsonNode e : c.get("expected")) {
                String value = e.get("value").asText();
                int start = text.indexOf(value, from);
                assertThat(start)
                        .as("fixture value '" + value + "' occurs in its text")
                        .isNotNegative();
                expected.add(new Expected(e.get("kind").asText(), start, start + value.length()));
                from = start + value.length();
            }
            List<Expected> actual = scanner.scan(text).stream()
                    .map(f -> new Expected(f.kind(), f.start(), f.end()))
                    .toList();
            assertThat(actual).as(text).isEqualTo(expected);
        }
    }

    @Test
    void shouldApplyTheElevenCheckAndTheIbanChecksum() {
        assertThat(PersonalDataScanner.elevenCheck("111222333")).isTrue();
        assertThat(PersonalDataScanner.elevenCheck("123456782")).isTrue();
        assertThat(PersonalDataScanner.elevenCheck("123456789")).isFalse();
        assertThat(PersonalDataScanner.elevenCheck("000000000")).isFalse();
        assertThat(PersonalDataScanner.ibanChecksum("NL91ABNA0417164300")).isTrue();
        assertThat(PersonalDataScanner.ibanChecksum("NL91ABNA0417164301")).isFalse();
        assertThat(PersonalDataScanner.ibanChecksum("GB82 WEST 1234 5698 7654 32"))
                .isTrue();
    }
}
