package nl.vertelpunt.card.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** User text on its way into XML. */
class TextTest {

    @Test
    void shouldDropCharactersXmlForbidsAndKeepEverythingElse() {
        assertThat(Text.clean("a\u0000b\u0007c\ud800d\uffffe")).isEqualTo("abcde");
        assertThat(Text.clean("één ĳs € “x” 😀")).isEqualTo("één ĳs € “x” 😀");
        assertThat(Text.clean("regel\nregel\tnog")).isEqualTo("regel regel nog");
        assertThat(Text.clean(null)).isEmpty();
    }

    @Test
    void shouldComposeLettersAndAccents() {
        assertThat(Text.clean("e\u0301e\u0308n")).isEqualTo("éën");
    }

    @Test
    void shouldEscapeMarkupCharacters() {
        assertThat(Text.escape("<a href=\"x\">'&'</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }

    @Test
    void shouldShortenWithoutSplittingASurrogatePair() {
        assertThat(Text.shorten("abc😀def", 5)).isEqualTo("abc😀…");
        assertThat(Text.shorten("kort", 10)).isEqualTo("kort");
    }

    @Test
    void shouldWrapAtSpacesAndEndTheLastLineWithAnEllipsis() {
        assertThat(Text.wrap("Zeer negatief voor het kind of gezin", 14, 2))
                .containsExactly("Zeer negatief", "voor het kind…");
        assertThat(Text.wrap("Kort", 14, 2)).containsExactly("Kort");
    }
}
