package nl.vertelpunt.card;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Excerpts of stories for cards. */
class ExcerptsTest {

    private static String words(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append("woord").append(i);
        }
        return text.toString();
    }

    @Test
    void shouldKeepShortStoriesWhole() {
        assertThat(Excerpts.of("  Een kort verhaal over de wachtlijst.\n", null, null))
                .isEqualTo("Een kort verhaal over de wachtlijst.");
    }

    @Test
    void shouldCutLongStoriesAtAWord() {
        String text = words(300);
        String excerpt = Excerpts.of(text, null, null);
        assertThat(excerpt).endsWith(" …").startsWith("woord0 woord1");
        String body = excerpt.substring(0, excerpt.length() - 2);
        assertThat(body.length()).isLessThanOrEqualTo(Excerpts.LENGTH);
        assertThat(text).startsWith(body);
        assertThat(text.charAt(body.length())).isEqualTo(' ');
    }

    @Test
    void shouldContainTheQuoteWhenItLiesFarIntoTheStory() {
        String quote = "Eindelijk luisterde er iemand naar mij.";
        String text = words(250) + ". " + quote + " " + words(100);
        int start = text.indexOf(quote);
        String excerpt = Excerpts.of("\n" + text, start + 1, start + 1 + quote.length());
        assertThat(excerpt).startsWith("… " + quote).endsWith(" …");
    }
}
