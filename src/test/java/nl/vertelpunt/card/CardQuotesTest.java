package nl.vertelpunt.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import nl.vertelpunt.card.CardQuotes.Quote;
import org.junit.jupiter.api.Test;

/** A quote follows its story's text through a redaction, or is withdrawn when the redaction cuts into it. */
class CardQuotesTest {

    /** "Met de Flamingo-aanpak ging het beter" with the quote "Flamingo-aanpak" at [7, 22). */
    private static final Quote FLAMINGO = new Quote(7, 22);

    @Test
    void shouldMoveAQuoteAfterTheRedactedSpan() {
        // "Met" (3 characters) becomes "[verwijderd]" (12): the quote moves 9 to the right
        assertThat(CardQuotes.afterRedaction(FLAMINGO, 0, 3, 12)).contains(new Quote(16, 31));
        // a redaction longer than its replacement moves it to the left
        assertThat(CardQuotes.afterRedaction(new Quote(40, 50), 0, 30, 12)).contains(new Quote(22, 32));
        // a span that ends where the quote begins is before it
        assertThat(CardQuotes.afterRedaction(FLAMINGO, 4, 7, 12)).contains(new Quote(16, 31));
    }

    @Test
    void shouldKeepAQuoteBeforeTheRedactedSpan() {
        assertThat(CardQuotes.afterRedaction(FLAMINGO, 22, 30, 12)).contains(FLAMINGO);
        assertThat(CardQuotes.afterRedaction(FLAMINGO, 25, 30, 12)).contains(FLAMINGO);
    }

    @Test
    void shouldWithdrawAQuoteTheRedactionCutsInto() {
        assertThat(CardQuotes.afterRedaction(FLAMINGO, 0, 8, 12)).isEmpty();
        assertThat(CardQuotes.afterRedaction(FLAMINGO, 10, 12, 12)).isEmpty();
        assertThat(CardQuotes.afterRedaction(FLAMINGO, 21, 30, 12)).isEmpty();
        assertThat(CardQuotes.afterRedaction(FLAMINGO, 0, 40, 12)).isEmpty();
    }

    @Test
    void shouldMoveOrWithdrawTheStorysQuoteInASavedVersion() {
        String content = "{\"title\":\"T\",\"stories\":[{\"id\":\"a\",\"quoteStart\":7,\"quoteEnd\":22},"
                + "{\"id\":\"b\",\"quoteStart\":1,\"quoteEnd\":2},{\"id\":\"a2\"}]}";
        assertThat(CardQuotes.revised(content, "a", 0, 3, 12))
                .contains("{\"id\":\"a\",\"quoteStart\":16,\"quoteEnd\":31}")
                .contains("{\"id\":\"b\",\"quoteStart\":1,\"quoteEnd\":2}");
        assertThat(CardQuotes.revised(content, "a", 10, 12, 12))
                .contains("{\"id\":\"a\",\"quoteStart\":null,\"quoteEnd\":null}");
        assertThat(CardQuotes.revised(content, "zz", 10, 12, 12)).isNull();
        assertThat(Optional.ofNullable(CardQuotes.revised(content, "a2", 0, 1, 12)))
                .isEmpty();
    }
}
