package nl.vertelpunt.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cells that a spreadsheet would run as formulas are neutralised in the export and come back exactly on import. */
class StoryCsvFormulaTest {

    @ParameterizedTest(name = "[{0}] is written as [{1}]")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "=HYPERLINK(\"http://x\")|'=HYPERLINK(\"http://x\")",
                "+31 6 12345678|'+31 6 12345678",
                "-7|'-7",
                "@SUM(A1)|'@SUM(A1)",
                "'=1+1|''=1+1",
                "'s avonds belde ik|'s avonds belde ik",
                "'t Is goed zo|'t Is goed zo",
                "Gewoon een verhaal|Gewoon een verhaal",
                "a=b|a=b",
                "''|''"
            })
    void shouldNeutraliseFormulaStartsOnly(String text, String exported) {
        assertThat(StoryCsv.neutralise(text)).isEqualTo(exported);
        assertThat(StoryCsv.restore(exported)).isEqualTo(text);
    }

    @Test
    void shouldNeutraliseTabsAndCarriageReturnsAtTheStart() {
        assertThat(StoryCsv.neutralise("\tverborgen")).isEqualTo("'\tverborgen");
        assertThat(StoryCsv.neutralise("\rregel")).isEqualTo("'\rregel");
        assertThat(StoryCsv.restore("'\rregel")).isEqualTo("\rregel");
    }

    @Test
    void shouldGiveBackEveryTextExactlyAfterARoundTrip() {
        Random random = new Random(20261207);
        String alphabet = "'=+-@\t\ra 's\n\"";
        for (int n = 0; n < 100_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(6);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String original = text.toString();
            String exported = StoryCsv.neutralise(original);
            assertThat(StoryCsv.restore(exported)).as("[%s]", original).isEqualTo(original);
            if (!exported.isEmpty()) {
                assertThat("=+-@\t\r".indexOf(exported.charAt(0)))
                        .as("[%s] starts safely", exported)
                        .isNegative();
            }
        }
    }

    @Test
    void shouldLeaveEmptyAndMissingCellsAlone() {
        assertThat(StoryCsv.neutralise("")).isEmpty();
        assertThat(StoryCsv.restore("")).isEmpty();
        assertThat(StoryCsv.restore(null)).isNull();
    }
}
