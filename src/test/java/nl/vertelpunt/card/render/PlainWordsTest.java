package nl.vertelpunt.card.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The numbers of a pattern in words, and texts without statistics for the storytellers' page. Plain JUnit. */
class PlainWordsTest {

    @Test
    void shouldGiveTheChanceOfCoincidenceInWords() {
        assertThat(PlainWords.odds(0.0001)).isEqualTo("minder dan 1 op 1.000");
        assertThat(PlainWords.odds(0.004)).isEqualTo("minder dan 1 op 100");
        assertThat(PlainWords.odds(0.05)).isEqualTo("minder dan 1 op 20");
        assertThat(PlainWords.odds(0.125)).isEqualTo("ongeveer 1 op 8");
        assertThat(PlainWords.odds(1)).isEqualTo("ongeveer 1 op 1");
    }

    @Test
    void shouldDropStatisticsInBracketsFromObservationsDraftedBefore() {
        assertThat(PlainWords.withoutStatistics(
                        "Zo'n sterk verband tussen de antwoorden is waarschijnlijk geen toeval (q = 0,004, gecorrigeerd"
                                + " voor het aantal vergelijkingen). Dit verband is matig (Spearman ρ = -0,42)."))
                .isEqualTo(
                        "Zo'n sterk verband tussen de antwoorden is waarschijnlijk geen toeval. Dit verband is matig.");
        assertThat(PlainWords.withoutStatistics("Dat is geen toeval (q < 0,001, Kruskal–Wallis)."))
                .isEqualTo("Dat is geen toeval.");
        // brackets without statistics stay, and so does the text around them
        String plain = "Ouders (en verzorgers) van mannen (18 jaar of ouder) zetten hem op 12 of lager.";
        assertThat(PlainWords.withoutStatistics(plain)).isEqualTo(plain);
        assertThat(PlainWords.withoutStatistics(null)).isNull();
    }
}
