package nl.vertelpunt.story.compound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Dutch decompounder on its own (plain JUnit: no Quarkus, no database). */
class DecompounderTest {

    private final Decompounder dutch = Decompounder.dutch();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "wachtlijst|wacht lijst",
                "wachttijd|wacht tijd",
                "wachtlijsten|wacht lijsten",
                "jeugdhulp|jeugd hulp",
                "basisschool|basis school",
                "basisscholen|basis scholen",
                "gezinsvoogd|gezins voogd",
                "pleeggezin|pleeg gezin",
                "pleeggezinnen|pleeg gezinnen",
                "hulpverlener|hulp verlener",
                "jeugdzorg|jeugd zorg",
                "gezinshuis|gezins huis",
                "crisisopvang|crisis opvang",
                "huisarts|huis arts",
                "wijkteam|wijk team",
                "vertrouwenspersoon|vertrouwens persoon",
                "kinderbescherming|kinder bescherming kind",
                "dagbesteding|dag besteding",
                "uithuisplaatsing|uithuis plaatsing",
                "Wachtlijst|wacht lijst",
            })
    void shouldSplitCompoundsIntoTheirWords(String word, String parts) {
        assertThat(dutch.parts(word)).containsExactlyInAnyOrder(parts.split(" "));
    }

    @Test
    void shouldSplitEveryShortestSplitAndEachPartAgain() {
        assertThat(dutch.parts("jeugdhulpverlener"))
                .containsExactlyInAnyOrder("jeugd", "hulpverlener", "jeugdhulp", "verlener", "hulp");
    }

    @ParameterizedTest(name = "{0} stays whole")
    @CsvSource({
        // a word hidden in letters is no part: no "acht" in the waiting list, no "wachten" in expecting
        "acht", "nacht", "verwachten", "verwachting", "overleden", "onderwijs", "opvoeding",
        // suffixes and derivations are no compounds
        "tijdelijk", "zorgvuldig", "hulpeloos", "behulpzaam", "moeder", "gezind", "achterstand",
        // not Dutch, too short, or no letters
        "jij", "ok", "1234", "e-mail", "''"
    })
    void shouldLeaveWordsThatAreNoCompoundsWhole(String word) {
        assertThat(dutch.parts(word)).isEmpty();
    }

    @Test
    void shouldIndexThePartsOfEveryCompoundOnceInTheOrderTheyComeUp() {
        String parts = dutch.searchText(
                "Eindelijk een gezinsvoogd",
                "We stonden maanden op de wachtlijst. De wachtlijst van de jeugdhulp was lang; ik verwachtte niets.");
        assertThat(parts).isEqualTo("gezins voogd wacht lijst jeugd hulp");
        assertThat(dutch.searchText(null, "Niets samengesteld hier.")).isEmpty();
        assertThat(dutch.searchText("", "")).isEmpty();
    }

    @Test
    void shouldAddTheSingularOfPluralsTheStemmerLeavesApart() {
        // the Dutch stemmer makes "gezinnen" "gezinn" and "kinderen" "kinder": neither meets "gezin" or "kind"
        assertThat(dutch.searchText(null, "Gezinnen met kinderen")).isEqualTo("gezin kind");
        assertThat(dutch.searchText(null, "pleeggezinnen")).isEqualTo("pleeggezin pleeg gezinnen gezin");
        // only words the dictionary knows: no "ond" from "honden", no "verand" from "veranderen"
        assertThat(dutch.singulars("honden")).isEmpty();
        assertThat(dutch.singulars("veranderen")).isEmpty();
        assertThat(dutch.singulars("wachten")).isEmpty();
    }

    @Test
    void shouldSplitACompoundOfThreeWithHouseInTheMiddle() {
        assertThat(dutch.parts("gezinshuisouders")).contains("gezins", "huis", "ouders");
    }

    @Test
    void shouldReadCapitalsDiacriticsAndTheIjLigatureAsLetters() {
        assertThat(dutch.parts("WACHTTĲD")).containsExactlyInAnyOrder("wacht", "tijd");
        assertThat(dutch.searchText(null, "Jeugd-hulp")).isEmpty(); // PostgreSQL splits at the hyphen itself
    }

    @Test
    void shouldStayFastOnLongRunsOfLetters() {
        long start = System.nanoTime();
        String text = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa ".repeat(200)
                + "wachtlijstwachtlijstwachtlijstwachtlijstwachtlijstwachtlijst ".repeat(200)
                + "b".repeat(20_000);
        dutch.searchText(null, text);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
    }
}
