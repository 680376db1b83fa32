package nl.vertelpunt.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import nl.vertelpunt.comparison.stats.FisherZ;
import nl.vertelpunt.comparison.stats.Resampling;
import nl.vertelpunt.evaluation.ComparisonSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The comparison statistics against SciPy ({@code src/test/python/reference_comparison.py} →
 * {@code src/test/resources/comparison/reference.json}). Plain JUnit: no Quarkus, no database.
 *
 * <p>Tolerances. Fisher's z (interval, z, p) and every effect on a side are exact: relative 1e-9. The bootstrap and
 * permutation values are Monte Carlo estimates on both sides (SciPy's generator and ours, 9,999 resamples each):
 *
 * <ul>
 *   <li>a percentile interval's end may differ by 0.15 of SciPy's bootstrap standard error. The standard error of the
 *       2.5% quantile of 9,999 draws of a normal bootstrap distribution is sqrt(0.025 · 0.975 / 9999) / φ(1.96) =
 *       0.027 standard errors; of the difference of two independent estimates 0.038, so 0.15 is about 4 of them;
 *   <li>a permutation p may differ by 4 · sqrt(p (1 − p) · 2 / 9999) + 1/10000: four standard errors of the
 *       difference of two binomial estimates of p, plus one step of the (b + 1)/(m + 1) grid.
 * </ul>
 */
class ComparisonReferenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int V = ComparisonSupport.SLIDER_VALUES;
    private static JsonNode reference;
    private static int resamples;

    @BeforeAll
    static void read() throws Exception {
        try (InputStream in = ComparisonReferenceTest.class.getResourceAsStream("/comparison/reference.json")) {
            reference = JSON.readTree(in);
        }
        resamples = reference.get("resamples").asInt();
    }

    @Test
    void shouldGiveFisherZIntervalsAndDifferenceTestsOfSpearmanAsScipy() {
        for (JsonNode c : reference.get("spearman")) {
            double[] rho = new double[2];
            long[] n = new long[2];
            int i = 0;
            for (String side : List.of("focus", "reference")) {
                JsonNode s = c.get(side);
                long[][] joint = new long[V][V];
                for (int k = 0; k < s.get("x").size(); k++) {
                    joint[s.get("x").get(k).asInt()][s.get("y").get(k).asInt()]++;
                }
                rho[i] = ComparisonSupport.spearman(joint).rho();
                n[i] = s.get("n").asLong();
                double[] interval = FisherZ.interval(rho[i], n[i]);
                exact(c, side + " rho", rho[i], s.get("rho").asDouble());
                exact(c, side + " low", interval[0], s.get("low").asDouble());
                exact(c, side + " high", interval[1], s.get("high").asDouble());
                i++;
            }
            double[] difference = FisherZ.difference(rho[0], n[0], rho[1], n[1]);
            exact(c, "z", difference[0], c.get("z").asDouble());
            exact(c, "p", difference[1], c.get("p").asDouble());
        }
    }

    @Test
    void shouldGiveRankBiserialIntervalsAndPermutationTestsAsScipyWithinMonteCarloError() {
        for (JsonNode c : reference.get("rankBiserial")) {
            sliderGroups(c);
        }
    }

    @Test
    void shouldGiveEpsilonSquaredIntervalsAndPermutationTestsAsScipyWithinMonteCarloError() {
        for (JsonNode c : reference.get("epsilonSquared")) {
            sliderGroups(c);
        }
    }

    @Test
    void shouldGiveCramersVIntervalsAndPermutationTestsAsScipyWithinMonteCarloError() {
        for (JsonNode c : reference.get("cramersV")) {
            int rows = c.get("rows").asInt();
            int columns = c.get("columns").asInt();
            Resampling.Effect effect = Effects.cramersV(rows, columns);
            List<int[]> sides = new ArrayList<>();
            for (String side : List.of("focus", "reference")) {
                JsonNode s = c.get(side);
                int[] items = new int[s.get("x").size()];
                for (int k = 0; k < items.length; k++) {
                    items[k] = s.get("x").get(k).asInt() * columns
                            + s.get("y").get(k).asInt();
                }
                sides.add(items);
                check(c, side, s, effect, new int[][] {items}, rows * columns);
            }
            permutation(c, sides.get(0), sides.get(1), effect, rows * columns);
        }
    }

    @Test
    void shouldResampleTheSameWayEveryTimeWithTheSameSeed() {
        JsonNode c = reference.get("rankBiserial").get(0).get("focus");
        int[][] items = groups(c.get("groups"));
        Resampling.Effect effect = Effects.sliderGroups(items.length);
        double[] first = Resampling.bootstrap(items, items.length * V, effect, 500, new SplittableRandom(7));
        double[] second = Resampling.bootstrap(items, items.length * V, effect, 500, new SplittableRandom(7));
        double[] other = Resampling.bootstrap(items, items.length * V, effect, 500, new SplittableRandom(8));
        assertThat(second).containsExactly(first);
        assertThat(other).isNotEqualTo(first);
    }

    private static void sliderGroups(JsonNode c) {
        List<int[]> all = new ArrayList<>();
        Resampling.Effect effect = null;
        int codes = 0;
        for (String side : List.of("focus", "reference")) {
            JsonNode s = c.get(side);
            int[][] items = groups(s.get("groups"));
            codes = items.length * V;
            effect = Effects.sliderGroups(items.length);
            check(c, side, s, effect, items, codes);
            all.add(concat(items));
        }
        permutation(c, all.get(0), all.get(1), effect, codes);
    }

    private static void check(JsonNode c, String side, JsonNode s, Resampling.Effect effect, int[][] items, int codes) {
        exact(
                c,
                side + " effect",
                effect.of(Resampling.histogram(concat(items), codes)),
                s.get("effect").asDouble());
        Resampling.Interval interval = Resampling.percentile(
                Resampling.bootstrap(items, codes, effect, resamples, new SplittableRandom(side.length())),
                Comparer.CONFIDENCE);
        double tolerance = 0.15 * s.get("standardError").asDouble();
        assertThat(interval.low())
                .as(c.get("name").asText() + ": " + side + " low")
                .isCloseTo(s.get("low").asDouble(), within(tolerance));
        assertThat(interval.high())
                .as(c.get("name").asText() + ": " + side + " high")
                .isCloseTo(s.get("high").asDouble(), within(tolerance));
        assertThat(interval.finite()).isEqualTo(resamples);
    }

    private static void permutation(JsonNode c, int[] focus, int[] reference, Resampling.Effect effect, int codes) {
        Resampling.Permutation test =
                Resampling.permutation(focus, reference, codes, effect, resamples, new SplittableRandom(42));
        JsonNode expected = c.get("difference");
        exact(
                c,
                "observed difference",
                test.observed(),
                expected.get("statistic").asDouble());
        double p = expected.get("p").asDouble();
        double tolerance = 4 * Math.sqrt(p * (1 - p) * 2 / resamples) + 1.0 / (resamples + 1);
        assertThat(test.p()).as(c.get("name").asText() + ": p").isCloseTo(p, within(tolerance));
        assertThat(test.p()).isEqualTo((test.atLeast() + 1) / (double) (resamples + 1));
    }

    private static int[][] groups(JsonNode groups) {
        int[][] items = new int[groups.size()][];
        for (int g = 0; g < groups.size(); g++) {
            items[g] = new int[groups.get(g).size()];
            for (int k = 0; k < items[g].length; k++) {
                items[g][k] = g * V + groups.get(g).get(k).asInt();
            }
        }
        return items;
    }

    private static int[] concat(int[][] parts) {
        return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
    }

    private static void exact(JsonNode c, String what, double actual, double expected) {
        double tolerance = Math.max(1e-12, 1e-9 * Math.abs(expected));
        assertThat(actual).as(c.get("name").asText() + ": " + what).isCloseTo(expected, within(tolerance));
    }
}
