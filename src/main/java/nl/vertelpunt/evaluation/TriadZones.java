package nl.vertelpunt.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.vertelpunt.evaluation.Dataset.CategoricalVariable;
import nl.vertelpunt.evaluation.Dataset.TriadVariable;
import nl.vertelpunt.evaluation.EvaluationResult.ZoneRule;
import nl.vertelpunt.storypoint.definition.LocalizedText;
import nl.vertelpunt.storypoint.definition.Question;

/**
 * The zones of a triad, read as a choice variable {@code t:zone} of triad {@code t} that joins every choice test.
 *
 * <p>The rule, for an answer (a, b, c) of whole percentages summing to 100, a corner share T
 * ({@code triadCornerShare}, default 60, from 51 to 100) and an edge share E ({@code triadEdgeShare}, default 20,
 * from 0 to 49, with T + 2E ≤ 100):
 *
 * <ol>
 *   <li>a share ≥ T: the zone of that corner ({@code corner-a}, {@code corner-b}, {@code corner-c}). As T &gt; 50
 *       at most one share can reach it; 60 itself is a corner.</li>
 *   <li>otherwise, a share &lt; E: the edge zone between the other two corners ({@code edge-bc} when a &lt; E,
 *       {@code edge-ac} when b &lt; E, {@code edge-ab} when c &lt; E). Two shares under E would leave more than
 *       100 − 2E ≥ T for the third, which is then a corner: so without a corner at most one share is under E and
 *       the edge is never in doubt. 20 itself is not under 20.</li>
 *   <li>otherwise (every share from E to T − 1): the centre ({@code centre}).</li>
 * </ol>
 *
 * Every answer thus falls in exactly one of the seven zones ({@code TriadZonesTest} checks all 5,151 answers).
 */
public final class TriadZones {

    /** The zone ids, in the order of the categories of {@code t:zone}. */
    public static final List<String> IDS =
            List.of("corner-a", "corner-b", "corner-c", "edge-ab", "edge-bc", "edge-ac", "centre");

    /** The suffix of a zone variable's name: {@code t:zone}. */
    public static final String SUFFIX = ":zone";

    static final int CORNER_A = 0;
    static final int EDGE_AB = 3;
    static final int EDGE_BC = 4;
    static final int EDGE_AC = 5;
    static final int CENTRE = 6;

    /** The number of small triangles of the ternary grid: ten steps per side. */
    public static final int CELLS = 100;

    private TriadZones() {}

    /** The index (into {@link #IDS}) of the zone of an answer. */
    public static int zone(int a, int b, int c, int corner, int edge) {
        if (a >= corner) {
            return CORNER_A;
        }
        if (b >= corner) {
            return CORNER_A + 1;
        }
        if (c >= corner) {
            return CORNER_A + 2;
        }
        if (a < edge) {
            return EDGE_BC;
        }
        if (b < edge) {
            return EDGE_AC;
        }
        if (c < edge) {
            return EDGE_AB;
        }
        return CENTRE;
    }

    /**
     * The small triangle of the ternary grid (ten steps of 10 percentage points per side) an answer falls in. In grid
     * units A = a/10, B = b/10, the upward triangle U(i, j) has the corners (i, j), (i+1, j), (i, j+1) for i + j ≤ 9,
     * the downward triangle D(i, j) the corners (i+1, j), (i, j+1), (i+1, j+1) for i + j ≤ 8. With i = ⌊A⌋ and
     * j = ⌊B⌋ (at most 9; on the edge c = 0 at most 9 − j) an answer lies in U(i, j) when (A − i) + (B − j) ≤ 1, else
     * in D(i, j): a point on a line between two triangles belongs to the upward one. Index: the upward triangles
     * first in order of i, then j (0..54), then the downward ones likewise (55..99).
     */
    public static int cell(int a, int b) {
        int i = Math.min(a / 10, 9);
        int j = Math.min(b / 10, 9);
        if (i + j > 9) {
            i = 9 - j;
        }
        boolean up = (a - 10 * i) + (b - 10 * j) <= 10;
        return up ? upIndex(i, j) : 55 + downIndex(i, j);
    }

    /** The index of U(i, j) among the upward triangles. */
    static int upIndex(int i, int j) {
        // rows i = 0..i-1 hold 10, 9, ... triangles
        return i * 10 - i * (i - 1) / 2 + j;
    }

    /** The index of D(i, j) among the downward triangles. */
    static int downIndex(int i, int j) {
        return i * 9 - i * (i - 1) / 2 + j;
    }

    /** The rule of these settings. */
    static ZoneRule rule(EvaluationSettings settings) {
        return new ZoneRule(settings.triadCornerShare(), settings.triadEdgeShare());
    }

    /** The name of the zone variable of a triad. */
    public static String variable(String triad) {
        return triad + SUFFIX;
    }

    /** Whether a variable is the zone of a triad. */
    public static boolean isZone(CategoricalVariable c) {
        return c.question() != null && c.name().equals(variable(c.question().id()));
    }

    /**
     * The data with the zone variable {@code t:zone} of every triad added after its other choice-like variables (its
     * family is the triad, so it is never tested against the triad's own shares), unless they are there already.
     */
    static Dataset withZones(Dataset data, EvaluationSettings settings) {
        if (data.triads().isEmpty()
                || data.categories().stream().anyMatch(c -> c.name().endsWith(SUFFIX) && isZone(c))) {
            return data;
        }
        List<CategoricalVariable> categories = new ArrayList<>(data.categories());
        for (TriadVariable t : data.triads()) {
            byte[] codes = new byte[data.size()];
            for (int i = 0; i < data.size(); i++) {
                codes[i] = t.a()[i] < 0
                        ? t.a()[i]
                        : (byte) zone(
                                t.a()[i], t.b()[i], t.c()[i], settings.triadCornerShare(), settings.triadEdgeShare());
            }
            categories.add(new CategoricalVariable(
                    variable(t.name()), t.name(), t.question(), IDS, labels(t.question()), codes));
        }
        return new Dataset(
                data.size(),
                data.sliders(),
                categories,
                data.triads(),
                data.inBase(),
                data.inSubset(),
                data.inComparison(),
                data.baseSize(),
                data.fingerprint());
    }

    /** The Dutch labels of the zones: "Vooral de mensen", "Tussen de hulp zelf en de mensen", "In het midden". */
    public static List<String> labels(Question triad) {
        List<String> c = triad.corners().stream().map(TriadZones::lower).toList();
        return List.of(
                "Vooral " + c.get(0),
                "Vooral " + c.get(1),
                "Vooral " + c.get(2),
                "Tussen " + c.get(0) + " en " + c.get(1),
                "Tussen " + c.get(1) + " en " + c.get(2),
                "Tussen " + c.get(0) + " en " + c.get(2),
                "In het midden");
    }

    /** A corner's Dutch label with a lower-case first letter, unless it is an abbreviation ("GGZ"). */
    private static String lower(LocalizedText corner) {
        String label = corner.in("nl").strip();
        if (label.length() > 1 && Character.isUpperCase(label.charAt(0)) && !Character.isUpperCase(label.charAt(1))) {
            return label.substring(0, 1).toLowerCase(Locale.ROOT) + label.substring(1);
        }
        return label;
    }
}
