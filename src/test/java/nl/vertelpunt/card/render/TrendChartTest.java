package nl.vertelpunt.card.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The trend chart of a card, without Quarkus: periods in Dutch, two groups told apart without colour, a suppressed
 * period a gap named in the note and never drawn, every number in the description, the same input the same bytes.
 */
class TrendChartTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode indicator() throws Exception {
        return JSON.readTree("""
                {"indicator": {"kind": "share-at-least", "question": "gehoord", "threshold": 70},
                 "questionNumber": 12, "questionLabel": "Gehoord voelen",
                 "series": [
                  {"group": "focus", "points": [
                    {"period": "2025-Q1", "stories": 40, "value": 0.625, "low": 0.47, "high": 0.76},
                    {"period": "2025-Q2", "stories": "<5"},
                    {"period": "2025-Q3", "stories": 35, "value": 0.7, "low": 0.53, "high": 0.83}]},
                  {"group": "rest", "points": [
                    {"period": "2025-Q1", "stories": 120, "value": 0.5, "low": 0.41, "high": 0.59},
                    {"period": "2025-Q2", "stories": 100, "value": 0.52, "low": 0.42, "high": 0.61},
                    {"period": "2025-Q3", "stories": 90, "value": 0.55, "low": 0.45, "high": 0.65}]}]}
                """);
    }

    private static String chart() throws Exception {
        JsonNode indicator = indicator();
        return TrendChart.draw(
                "kaart-x-trend-1",
                indicator,
                List.of(
                        new TrendChart.Line("Twente", indicator.at("/series/0/points")),
                        new TrendChart.Line("De andere verhalen", indicator.at("/series/1/points"))),
                5);
    }

    @Test
    void shouldNamePeriodsInDutchAndTellTheGroupsApartWithoutColour() throws Exception {
        String svg = chart();
        assertThat(svg)
                .contains("role=\"img\"")
                .contains(">Aandeel verhalen met 70 of hoger bij ‘12. Gehoord voelen’</text>")
                .contains(">2025 K1</text>", ">2025 K2</text>", ">2025 K3</text>")
                .contains("stroke-dasharray=\"5 3\"")
                .contains("<circle ")
                .contains("fill=\"#ffffff\"")
                .contains(">Twente</text>", ">De andere verhalen</text>")
                .contains("Geen punt, minder dan 5 verhalen: 2025 K2 (Twente).")
                .doesNotContain("#1c4fa0");
        // the focus is two separate runs of one point each: no line through the gap
        assertThat(svg.split("<polyline", -1)).hasSize(2);
        assertThat(svg).isEqualTo(chart());
    }

    @Test
    void shouldGiveEveryNumberInTheDescription() throws Exception {
        assertThat(chart())
                .contains("Twente (doorgetrokken lijn): 2025 K1 63% (47–76%), 2025 K2 minder dan 5 verhalen,"
                        + " 2025 K3 70% (53–83%).")
                .contains("De andere verhalen (gestreepte lijn): 2025 K1 50% (41–59%)");
    }

    @Test
    void shouldNameMonthsAndMediansAsPeopleReadThem() {
        assertThat(TrendChart.period("2025-03")).isEqualTo("mrt 2025");
        assertThat(TrendChart.period("2026-Q4")).isEqualTo("2026 K4");
        assertThat(TrendChart.value(55.5, false)).isEqualTo("55,5");
        assertThat(TrendChart.value(55, false)).isEqualTo("55");
        assertThat(TrendChart.value(0.625, true)).isEqualTo("63%");
    }
}
