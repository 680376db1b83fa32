package nl.vertelpunt.evaluation.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The golden values themselves: where they come from, and that they differ from SciPy only where documented. */
class ReferenceDataTest {

    private static final Set<String> PROBABILITIES = Set.of("pValue", "holmPValue", "benjaminiHochberg", "holm", "p");

    @Test
    void shouldNameTheScipyAndNumpyVersionsAndTheScriptThatProducedTheValues() {
        JsonNode root = Reference.root();

        assertThat(root.get("scipy").asText()).matches("\\d+\\.\\d+.*");
        assertThat(root.get("numpy").asText()).matches("\\d+\\.\\d+.*");
        assertThat(root.get("generator").asText()).isEqualTo("src/test/python/reference_stats.py");
    }

    @Test
    void shouldCoverEveryStatistic() {
        for (String section : List.of(
                "ranks", "descriptives", "mannWhitney", "kruskalWallis", "chiSquare", "spearman", "adjustment")) {
            assertThat(Reference.caseList(section)).as(section).hasSizeGreaterThanOrEqualTo(5);
        }
        assertThat(Reference.root().get("tails").size()).isEqualTo(3);
    }

    @Test
    void shouldDeviateFromScipyOnlyWhereTheDeviationIsDocumented() {
        List<String> problems = new ArrayList<>();
        for (String section : List.of(
                "ranks", "descriptives", "mannWhitney", "kruskalWallis", "chiSquare", "spearman", "adjustment")) {
            for (JsonNode c : Reference.caseList(section)) {
                String name = section + " '" + c.get("name").asText() + "'";
                check(name, c, problems);
                for (JsonNode pair : c.path("pairwise")) {
                    check(name + " pair (" + pair.get("first") + ", " + pair.get("second") + ")", pair, problems);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldDocumentTheDeliberateDeviations() {
        assertThat(Reference.named("mannWhitney", "all values identical")
                        .get("deviations")
                        .has("pValue"))
                .isTrue();
        assertThat(Reference.named("descriptives", "n=3, kurtosis undefined")
                        .get("deviations")
                        .has("kurtosis"))
                .isTrue();
        assertThat(Reference.named("chiSquare", "a single non-empty row")
                        .get("deviations")
                        .has("pValue"))
                .isTrue();
        assertThat(Reference.named("spearman", "n=9 is refused")
                        .get("deviations")
                        .has("rho"))
                .isTrue();
        assertThat(Reference.named("spearman", "perfect positive n=10, where SciPy rounds rho")
                        .get("deviations")
                        .has("pValue"))
                .isTrue();
    }

    /** Each quantity SciPy reports must equal the expected one, unless a deviation names it; and vice versa. */
    private static void check(String name, JsonNode c, List<String> problems) {
        JsonNode scipy = c.get("scipy");
        JsonNode expected = c.get("expected");
        JsonNode deviations = c.get("deviations");
        for (Iterator<String> keys = scipy.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!expected.has(key)) {
                problems.add(name + ": SciPy's " + key + " has no expected value");
                continue;
            }
            boolean agrees = agrees(scipy.get(key), expected.get(key), PROBABILITIES.contains(key));
            if (!agrees && !deviations.has(key)) {
                problems.add(name + ": " + key + " differs from SciPy without a documented deviation");
            }
            if (agrees && deviations.has(key)) {
                problems.add(name + ": " + key + " is documented as a deviation but agrees with SciPy");
            }
        }
        for (Iterator<String> keys = deviations.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!scipy.has(key)) {
                problems.add(name + ": deviation " + key + " names no SciPy output");
            }
        }
    }

    private static boolean agrees(JsonNode scipy, JsonNode expected, boolean probability) {
        if (scipy.isArray()) {
            if (!expected.isArray() || scipy.size() != expected.size()) {
                return false;
            }
            for (int i = 0; i < scipy.size(); i++) {
                if (!agrees(scipy.get(i), expected.get(i), probability)) {
                    return false;
                }
            }
            return true;
        }
        double s = Reference.number(scipy);
        double e = Reference.number(expected);
        return probability ? Golden.probabilityAgrees(s, e) : Golden.statisticAgrees(s, e);
    }
}
