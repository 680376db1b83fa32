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

    /**
     * The scan's work grows linearly with the text, for every kind of adversarial text: measured as the number of
     * characters the scanner reads (every regular expression reads the text through charAt), which unlike time
     * does not depend on the machine. Doubling the text may at most double the reads, plus 10% and a constant.
     */
    @Test
    void shouldReadEveryKindOfTextInLinearTime() {
        AdversarialTexts.kinds().forEach((kind, text) -> {
            long previous = reads(text.apply(2_500));
            for (int n = 5_000; n <= 20_000; n *= 2) {
                long now = reads(text.apply(n));
                assertThat(now).as(kind + " at " + n + " characters").isLessThanOrEqualTo(previous * 22 / 10 + 2_000);
                previous = now;
            }
            // and the constant is small: at most this many reads per character
            assertThat(previous).as(kind + ", reads at 20,000 characters").isLessThan(20_000L * 200);
        });
    }

    private long reads(String text) {
        CountingText counting = new CountingText(text);
        scanner.scan(counting);
        return counting.reads;
    }

    /** A text that counts how often it is read. */
    private static final class CountingText implements CharSequence {
        private final String text;
        long reads;

        CountingText(String text) {
            this.text = text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            reads++;
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            reads += end - start;
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            reads += text.length();
            return text;
        }
    }
}
