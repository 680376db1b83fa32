package nl.vertelpunt.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import nl.vertelpunt.web.ProblemException;
import org.junit.jupiter.api.Test;

/** Reading a file of context figures, without the service: delimiters, numbers and every refusal at once. */
class FigureCsvTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldChooseTheDelimiterByTheHeaderLine() {
        assertThat(FigureCsv.delimiter(bytes("indicator;regio;periode;waarde;eenheid;bron\na,b")))
                .isEqualTo(';');
        assertThat(FigureCsv.delimiter(bytes("indicator,region,period,value,unit,source\na;b")))
                .isEqualTo(',');
    }

    @Test
    void shouldReadADecimalCommaOrPointAndNothingElse() {
        assertThat(FigureCsv.number("12,3")).isEqualByComparingTo(new BigDecimal("12.3"));
        assertThat(FigureCsv.number("12.30")).isEqualTo(new BigDecimal("12.30"));
        assertThat(FigureCsv.number("-4")).isEqualTo(new BigDecimal("-4"));
        for (String no : new String[] {"1.234,5", "1 234", "12%", "1e5", "NaN", "+3", "3,", ",5", "1234567890123456"}) {
            assertThat(FigureCsv.number(no)).as(no).isNull();
        }
    }

    @Test
    void shouldReadAByteOrderMarkAndCrlfLines() {
        var rows = FigureCsv.read(
                bytes("\uFEFFBron;Waarde;Eenheid;Periode;Regio;Indicator\r\nCBS;1,5;%;2020;Twente;A\r\n"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).indicator()).isEqualTo("A");
        assertThat(rows.get(0).value()).isEqualTo(new BigDecimal("1.5"));
        assertThat(rows.get(0).line()).isEqualTo(2);
    }

    @Test
    void shouldNameEveryBadCellOfTheFile() {
        assertThatThrownBy(() -> FigureCsv.read(bytes("indicator,region,period,value,unit,source\n"
                        + ",Twente,2020,x,,\n"
                        + "B,Twente,2020,1,,CBS\n")))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.errors())
                            .extracting(f -> f.field() + "@" + f.line())
                            .containsExactly("rows[0].indicator@2", "rows[0].source@2", "rows[0].value@2");
                });
    }
}
