package nl.vertelpunt.story.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TriadsTest {

    private static int[] normalize(String a, String b, String c) {
        return Triads.normalize(new BigDecimal[] {new BigDecimal(a), new BigDecimal(b), new BigDecimal(c)});
    }

    @Test
    void shouldKeepWholeSharesThatAddUpTo100() {
        assertThat(normalize("20", "30", "50")).containsExactly(20, 30, 50);
        assertThat(normalize("0", "0", "100")).containsExactly(0, 0, 100);
    }

    @Test
    void shouldGiveMissingPointsToTheLargestRemainders() {
        assertThat(normalize("33.3", "33.3", "33.4")).containsExactly(33, 33, 34);
        assertThat(normalize("10.5", "60.25", "29.25")).containsExactly(11, 60, 29);
        assertThat(normalize("12.6", "12.6", "74.8")).containsExactly(13, 12, 75);
    }

    @Test
    void shouldGiveEqualRemaindersToTheEarlierCornerFirst() {
        assertThat(normalize("33.33", "33.33", "33.33")).containsExactly(34, 33, 33);
        assertThat(normalize("50.5", "49.5", "0")).containsExactly(51, 49, 0);
    }

    @Test
    void shouldScaleSharesThatAddUpToAlmost100() {
        assertThat(normalize("20", "30", "49.5")).containsExactly(20, 30, 50);
        assertThat(normalize("10", "40.5", "50.5")).containsExactly(10, 40, 50);
        assertThat(normalize("0.5", "0", "99")).containsExactly(1, 0, 99);
    }

    @Test
    void shouldRefuseSharesThatAreNegativeOrDoNotAddUpToAbout100() {
        assertThatThrownBy(() -> normalize("20", "30", "48.9")).hasMessage("the shares add up to 98.9, not 100 (± 1)");
        assertThatThrownBy(() -> normalize("50", "50", "1.5")).hasMessageContaining("101.5");
        assertThatThrownBy(() -> normalize("0", "0", "0")).hasMessageContaining("add up to 0");
        assertThatThrownBy(() -> normalize("-10", "60", "50")).hasMessage("share -10 is negative");
    }
}
