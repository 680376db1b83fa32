package nl.vertelpunt.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.vertelpunt.storypoint.definition.LocalizedText;
import nl.vertelpunt.storypoint.definition.Question;
import nl.vertelpunt.storypoint.definition.QuestionType;
import org.junit.jupiter.api.Test;

/**
 * The zones of a triad partition the triangle: every one of the 5,151 answers (whole percentages summing to 100)
 * falls in exactly one zone, checked against a description of each zone on its own, for several rules; the
 * boundary cases agree with {@code reference_triads.py}; and the cells of the ternary grid cover every answer, each
 * answer in a cell whose corners surround it. Plain JUnit.
 */
class TriadZonesTest {

    @Test
    void shouldPutEveryAnswerInExactlyOneZone() {
        for (int[] rule : new int[][] {{60, 20}, {51, 0}, {70, 15}, {100, 0}, {51, 24}, {80, 10}}) {
            int corner = rule[0];
            int edge = rule[1];
            int[] counts = new int[TriadZones.IDS.size()];
            for (int a = 0; a <= 100; a++) {
                for (int b = 0; a + b <= 100; b++) {
                    int c = 100 - a - b;
                    int[] s = {a, b, c};
                    // each zone described on its own; exactly one description holds
                    boolean[] holds = new boolean[7];
                    for (int k = 0; k < 3; k++) {
                        holds[k] = s[k] >= corner;
                    }
                    boolean noCorner = a < corner && b < corner && c < corner;
                    holds[TriadZones.EDGE_AB] = noCorner && c < edge && a >= edge && b >= edge;
                    holds[TriadZones.EDGE_BC] = noCorner && a < edge && b >= edge && c >= edge;
                    holds[TriadZones.EDGE_AC] = noCorner && b < edge && a >= edge && c >= edge;
                    holds[TriadZones.CENTRE] = noCorner && a >= edge && b >= edge && c >= edge;
                    int held = 0;
                    for (boolean h : holds) {
                        held += h ? 1 : 0;
                    }
                    assertThat(held)
                            .as("zones of %d/%d/%d at %d/%d", a, b, c, corner, edge)
                            .isEqualTo(1);
                    int zone = TriadZones.zone(a, b, c, corner, edge);
                    assertThat(holds[zone]).as("zone of %d/%d/%d", a, b, c).isTrue();
                    counts[zone]++;
                }
            }
            assertThat(Arrays.stream(counts).sum()).isEqualTo(5151);
            // the three corners and the three edges are alike, by symmetry
            assertThat(counts[1]).isEqualTo(counts[0]);
            assertThat(counts[2]).isEqualTo(counts[0]);
            assertThat(counts[4]).isEqualTo(counts[3]);
            assertThat(counts[5]).isEqualTo(counts[3]);
        }
    }

    @Test
    void shouldAgreeWithTheReferenceOnTheBoundaries() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/triads/reference.json")) {
            JsonNode reference = new ObjectMapper().readTree(in);
            for (JsonNode z : reference.get("zones")) {
                JsonNode s = z.get("shares");
                int zone = TriadZones.zone(
                        s.get(0).asInt(),
                        s.get(1).asInt(),
                        s.get(2).asInt(),
                        z.get("corner").asInt(),
                        z.get("edge").asInt());
                assertThat(TriadZones.IDS.get(zone))
                        .as(s + " at " + z.get("corner") + "/" + z.get("edge"))
                        .isEqualTo(z.get("zone").asText());
            }
        }
    }

    @Test
    void shouldPutEveryAnswerInACellAroundIt() {
        Set<Integer> used = new HashSet<>();
        for (int a = 0; a <= 100; a++) {
            for (int b = 0; a + b <= 100; b++) {
                int cell = TriadZones.cell(a, b);
                assertThat(cell).isBetween(0, TriadZones.CELLS - 1);
                used.add(cell);
                int[][] corners = corners(cell);
                assertThat(inside(a / 10.0, b / 10.0, corners))
                        .as("%d/%d in cell %d", a, b, cell)
                        .isTrue();
            }
        }
        assertThat(used).hasSize(TriadZones.CELLS);
    }

    @Test
    void shouldLabelTheZonesInDutchFromTheCorners() {
        Question triad = new Question(
                "balans",
                1,
                QuestionType.TRIAD,
                LocalizedText.nl("Balans"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(LocalizedText.nl("De hulp zelf"), LocalizedText.nl("GGZ"), LocalizedText.nl("Regels")),
                null,
                null,
                null,
                null,
                null);
        assertThat(TriadZones.labels(triad))
                .containsExactly(
                        "Vooral de hulp zelf",
                        "Vooral GGZ",
                        "Vooral regels",
                        "Tussen de hulp zelf en GGZ",
                        "Tussen GGZ en regels",
                        "Tussen de hulp zelf en regels",
                        "In het midden");
    }

    /** The grid corners (in units of 10 percentage points of a and b) of a cell, by the documented index. */
    private static int[][] corners(int cell) {
        boolean up = cell < 55;
        int index = up ? cell : cell - 55;
        int width = up ? 10 : 9;
        int i = 0;
        while (index >= width - i) {
            index -= width - i;
            i++;
        }
        int j = index;
        return up ? new int[][] {{i, j}, {i + 1, j}, {i, j + 1}} : new int[][] {{i + 1, j}, {i, j + 1}, {i + 1, j + 1}};
    }

    private static boolean inside(double x, double y, int[][] t) {
        double d1 = side(x, y, t[0], t[1]);
        double d2 = side(x, y, t[1], t[2]);
        double d3 = side(x, y, t[2], t[0]);
        boolean negative = d1 < -1e-12 || d2 < -1e-12 || d3 < -1e-12;
        boolean positive = d1 > 1e-12 || d2 > 1e-12 || d3 > 1e-12;
        return !(negative && positive);
    }

    private static double side(double x, double y, int[] p, int[] q) {
        return (x - q[0]) * (p[1] - q[1]) - (p[0] - q[0]) * (y - q[1]);
    }
}
