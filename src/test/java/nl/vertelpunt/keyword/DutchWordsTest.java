package nl.vertelpunt.keyword;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Dutch analysis of a story's words. Plain JUnit: Lucene and the compound lexicon, no Quarkus. */
class DutchWordsTest {

    private static Map<String, DutchWords.Word> words(String text) {
        return DutchWords.of(null, text).stream().collect(Collectors.toMap(DutchWords.Word::form, w -> w));
    }

    @Test
    void shouldGroupTheFormsOfAWordByItsStem() {
        Map<String, DutchWords.Word> w = words("Wachten, wachtte en wacht. Gezinnen en gezin.");
        assertThat(w.get("wachten").term()).isEqualTo(w.get("wacht").term());
        assertThat(w.get("wachtte").term()).isEqualTo(w.get("wacht").term());
        assertThat(w).containsKeys("gezin");
    }

    @Test
    void shouldLeaveOutStopWordsNumbersAndSingleLetters() {
        Map<String, DutchWords.Word> w = words("Ik en wij hadden het niet, 12 weken x wachttijd in 2019.");
        assertThat(w).doesNotContainKeys("ik", "en", "wij", "het", "niet", "12", "2019", "x", "in");
        assertThat(w).containsKeys("weken", "wachttijd");
    }

    @Test
    void shouldCountThePartsOfACompoundAsTheSearchSplitsThemMarkedAsParts() {
        Map<String, DutchWords.Word> w = words("De jeugdhulpverlener kwam.");
        assertThat(w.get("jeugdhulpverlener").part()).isFalse();
        assertThat(w.get("hulp").part()).isTrue();
        assertThat(w.get("jeugd").part()).isTrue();
        // a word written on its own is no part, even when it is also inside a compound
        assertThat(words("Hulp en jeugdhulp.").get("hulp").part()).isFalse();
        // no letters inside a word: "acht" is no part of "wachtlijst"
        assertThat(words("De wachtlijst.")).doesNotContainKey("acht");
    }

    @Test
    void shouldKeepTheFormAsWrittenInLowerCaseNeverTheStem() {
        List<DutchWords.Word> w = DutchWords.of("Wachtlijsten", "De WACHTLIJSTEN waren lang.");
        assertThat(w).extracting(DutchWords.Word::form).contains("wachtlijsten", "lang");
        assertThat(w).extracting(DutchWords.Word::form).doesNotHaveDuplicates();
        assertThat(w.stream()
                        .filter(x -> x.form().equals("wachtlijsten"))
                        .findFirst()
                        .orElseThrow()
                        .term())
                .isNotEqualTo("wachtlijsten");
    }

    @Test
    void shouldLeaveNothingOfARedaction() {
        assertThat(words("Mijn buurvrouw [verwijderd] hielp.")).doesNotContainKey("verwijderd");
    }
}
