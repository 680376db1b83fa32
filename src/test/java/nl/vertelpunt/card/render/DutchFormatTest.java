package nl.vertelpunt.card.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

/** Dutch numbers on cards. */
class DutchFormatTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    void shouldWriteADecimalCommaAndAPointBetweenThousands() {
        assertThat(DutchFormat.decimal(52.25, 1)).isEqualTo("52,3");
        assertThat(DutchFormat.decimal(1834.5, 2)).isEqualTo("1.834,50");
        assertThat(DutchFormat.decimal(1234567.0, 0)).isEqualTo("1.234.567");
        assertThat(DutchFormat.integer(12345)).isEqualTo("12.345");
        assertThat(DutchFormat.integer(999)).isEqualTo("999");
    }

    @Test
    void shouldWriteAContextFigureAsGivenWithItsUnit() {
        assertThat(DutchFormat.withUnit("12.3", "%")).isEqualTo("12,3%");
        assertThat(DutchFormat.withUnit("312.40", "euro")).isEqualTo("312,40\u00a0euro");
        assertThat(DutchFormat.withUnit("1250", "jongeren")).isEqualTo("1.250\u00a0jongeren");
        assertThat(DutchFormat.withUnit("-3.5", "procentpunt")).isEqualTo("−3,5\u00a0procentpunt");
        assertThat(DutchFormat.withUnit("7", "")).isEqualTo("7");
    }

    @Test
    void shouldWriteARealMinusAndNoNegativeZero() {
        assertThat(DutchFormat.decimal(-0.884, 2)).isEqualTo("−0,88");
        assertThat(DutchFormat.decimal(-0.001, 2)).isEqualTo("0,00");
    }

    @Test
    void shouldShowMissingAndUndefinedValuesAsADash() {
        assertThat(DutchFormat.decimal(null, 1)).isEqualTo("–");
        assertThat(DutchFormat.decimal(Double.NaN, 1)).isEqualTo("–");
        assertThat(DutchFormat.statistic(JSON.nullNode(), 2)).isEqualTo("–");
        assertThat(DutchFormat.statistic(null, 2)).isEqualTo("–");
        assertThat(DutchFormat.count(null)).isEqualTo("–");
    }

    @Test
    void shouldShowASuppressedCountAsItIs() {
        assertThat(DutchFormat.count(JSON.textNode("<5"))).isEqualTo("<5");
        assertThat(DutchFormat.count(JSON.numberNode(1250))).isEqualTo("1.250");
        assertThat(DutchFormat.number(JSON.textNode("<5"))).isNull();
    }

    @Test
    void shouldWriteSmallPValuesAsBelowOneThousandth() {
        assertThat(DutchFormat.p(1.2e-9)).isEqualTo("<\u00a00,001");
        assertThat(DutchFormat.p(0.0314)).isEqualTo("0,031");
        assertThat(DutchFormat.p(0.001)).isEqualTo("0,001");
        assertThat(DutchFormat.percent(0.4)).isEqualTo("40%");
    }
}
