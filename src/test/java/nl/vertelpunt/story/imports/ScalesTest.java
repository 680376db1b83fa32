package nl.vertelpunt.story.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ScalesTest {

    private static int rescale(String value, int from, int to) {
        return Scales.rescale(new BigDecimal(value), BigDecimal.valueOf(from), BigDecimal.valueOf(to));
    }

    @Test
    void shouldRescaleOneToTenLinearlyAndRoundHalvesUp() {
        assertThat(rescale("1", 1, 10)).isZero();
        assertThat(rescale("2", 1, 10)).isEqualTo(11);
        assertThat(rescale("5", 1, 10)).isEqualTo(44);
        assertThat(rescale("5.5", 1, 10)).isEqualTo(50);
        assertThat(rescale("6", 1, 10)).isEqualTo(56);
        assertThat(rescale("10", 1, 10)).isEqualTo(100);
    }

    @Test
    void shouldRescaleOneToHundredKeepingEveryValueDistinct() {
        assertThat(rescale("1", 1, 100)).isZero();
        assertThat(rescale("50", 1, 100)).isEqualTo(49);
        assertThat(rescale("51", 1, 100)).isEqualTo(51);
        assertThat(rescale("100", 1, 100)).isEqualTo(100);
        int previous = -1;
        for (int v = 1; v <= 100; v++) {
            int r = rescale(String.valueOf(v), 1, 100);
            assertThat(r).isGreaterThan(previous);
            previous = r;
        }
    }

    @Test
    void shouldKeepZeroToHundredAndTurnAReversedRangeAround() {
        assertThat(rescale("37", 0, 100)).isEqualTo(37);
        assertThat(rescale("55.5", 0, 100)).isEqualTo(56);
        assertThat(rescale("10", 10, 1)).isZero();
        assertThat(rescale("1", 10, 1)).isEqualTo(100);
        assertThat(rescale("4", 7, 1)).isEqualTo(50);
    }

    @Test
    void shouldRefuseValuesOutsideTheRange() {
        assertThatThrownBy(() -> rescale("0", 1, 10)).hasMessage("outside 1..10");
        assertThatThrownBy(() -> rescale("11", 10, 1)).hasMessage("outside 1..10");
    }

    @Test
    void shouldReadNumbersWithADecimalPointOrComma() {
        assertThat(Scales.number(" 7 ")).contains(new BigDecimal("7"));
        assertThat(Scales.number("33,3")).contains(new BigDecimal("33.3"));
        assertThat(Scales.number("-2.5")).contains(new BigDecimal("-2.5"));
        assertThat(Scales.number("zeven")).isEmpty();
        assertThat(Scales.number("1e3")).isEmpty();
        assertThat(Scales.number("")).isEmpty();
    }
}
