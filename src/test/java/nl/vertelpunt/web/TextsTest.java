package nl.vertelpunt.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one check of text: no U+0000, no half of a surrogate pair, UTF-8 only, and what counts as visible. */
class TextsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "\t\r\n",
                "\u200b\u200b",
                " \ufeff\u00ad ",
                "\u0301\u0308",
                "\u3164",
                "\u115f\u1160",
                "\u180e\u2060\u200d",
                "\u2028\u2029\u00a0\u3000",
                "\u2800"
            })
    void shouldTakeTextsOfInvisibleCharactersOnlyAsBlank(String text) {
        assertThat(Texts.isBlank(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", " x ", "\u200b.", "e\u0301", "\uD83D\uDE42", "\u00ad-", "'s"})
    void shouldTakeATextWithOneVisibleCharacterAsSayingSomething(String text) {
        assertThat(Texts.isBlank(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "\u0000", "a\ud800b", "\udfff", "\ud83d", "x\ude42"})
    void shouldRefuseNulAndHalvesOfSurrogatePairs(String text) {
        assertThat(Texts.problem(text)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Gewoon", "\uD83D\uDE42 emoji", "\ufffd is a character of its own", "\t\r\n"})
    void shouldTakeEveryOtherText(String text) {
        assertThat(Texts.problem(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"C0AF", "C080", "E080AF", "F4908080", "EDA080", "FF", "80", "E282"})
    void shouldRefuseBytesThatAreNotUtf8(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        assertThat(Texts.isUtf8(bytes)).isFalse();
        assertThat(Texts.isUtf8("café \uD83D\uDE42".getBytes(StandardCharsets.UTF_8)))
                .isTrue();
    }
}
