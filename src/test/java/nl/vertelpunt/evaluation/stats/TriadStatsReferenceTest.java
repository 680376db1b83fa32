package nl.vertelpunt.evaluation.stats;

import static nl.vertelpunt.evaluation.stats.Golden.assertProbability;
import static nl.vertelpunt.evaluation.stats.Golden.assertStatistic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * Zero replacement, ILR coordinates, the closed geometric mean and Pillai's trace with its F approximation against
 * {@code src/test/resources/triads/reference.json}, written by {@code src/test/python/reference_triads.py} with numpy
 * and scipy.stats.f. Tolerances as {@link Golden}: relative 1e-9 (absolute 1e-12 near zero), p-values relatively
 * however small, degrees of freedom exactly. Not a @QuarkusTest: plain computation.
 */
class TriadStatsReferenceTest {

    private static final JsonNode REFERENCE = load();

    private static JsonNode load() {
        try (InputStream in = TriadStatsReferenceTest.class.getResourceAsStream("/triads/reference.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldReplaceZerosAndTakeIsometricLogRatiosAsNumpy() {
        assertThat(REFERENCE.get("delta").asDouble()).isEqualTo(Compositions.DELTA);
        for (JsonNode c : REFERENCE.get("compositions")) {
            JsonNode s = c.get("shares");
            String what = s.toString();
            double[] x = Compositions.replaced(
                    s.get(0).asInt(), s.get(1).asInt(), s.get(2).asInt());
            double sum = 0;
            for (int i = 0; i < 3; i++) {
                assertStatistic(what + " part " + i, c.get("replaced").get(i).asDouble(), x[i]);
                sum += x[i];
            }
            assertThat(sum).as(what + " sums to 1").isCloseTo(1.0, offset(1e-15));
            double[] z = Compositions.ilr(x);
            assertStatistic(what + " z1", c.get("ilr").get(0).asDouble(), z[0]);
            assertStatistic(what + " z2", c.get("ilr").get(1).asDouble(), z[1]);
        }
    }

    @Test
    void shouldKeepTheRatiosOfTheNonZeroParts() {
        double[] x = Compositions.replaced(30, 0, 70);
        assertThat(x[0] / x[2]).isCloseTo(30.0 / 70.0, offset(1e-15));
        assertThat(x[1]).isEqualTo(Compositions.DELTA);
        assertThatThrownBy(() -> Compositions.replaced(30, 30, 30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Compositions.replaced(-1, 1, 100)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldTestGroupsByPillaisTraceAsNumpyAndScipy() {
        for (JsonNode c : REFERENCE.get("manova")) {
            String what = c.get("name").asText();
            JsonNode groups = c.get("groups");
            int g = groups.size();
            long[] n = new long[g];
            double[][] sums = new double[g][2];
            double[][][] cross = new double[g][2][2];
            for (int j = 0; j < g; j++) {
                double[] logs = new double[3];
                for (JsonNode a : groups.get(j)) {
                    double[] x = Compositions.replaced(
                            a.get(0).asInt(), a.get(1).asInt(), a.get(2).asInt());
                    double[] z = Compositions.ilr(x);
                    n[j]++;
                    for (int u = 0; u < 2; u++) {
                        sums[j][u] += z[u];
                        for (int v = 0; v < 2; v++) {
                            cross[j][u][v] += z[u] * z[v];
                        }
                    }
                    for (int k = 0; k < 3; k++) {
                        logs[k] += Math.log(x[k]);
                    }
                }
                double[] mean = Compositions.closedGeometricMean(logs, n[j]);
                for (int k = 0; k < 3; k++) {
                    assertStatistic(
                            what + " group " + j + " mean share " + k,
                            c.get("meanShares").get(j).get(k).asDouble(),
                            mean[k]);
                }
            }
            PillaiResult r = PillaiTrace.oneWay(n, sums, cross);
            assertStatistic(what + " V", c.get("pillai").asDouble(), r.pillai());
            assertStatistic(what + " F", c.get("f").asDouble(), r.f());
            assertThat(new int[] {r.df1(), r.df2()})
                    .as(what + " df")
                    .containsExactly(
                            c.get("df").get(0).asInt(), c.get("df").get(1).asInt());
            assertProbability(what + " p", c.get("p").asDouble(), r.pValue());
            assertStatistic(
                    what + " partial eta squared", c.get("partialEtaSquared").asDouble(), r.partialEtaSquared());
        }
    }

    @Test
    void shouldReproduceThePublishedPlasticFilmExample() {
        for (JsonNode c : REFERENCE.get("plastic")) {
            String what = "plastic " + c.get("term").asText();
            PillaiResult r = PillaiTrace.test(
                    matrix(c.get("e")),
                    matrix(c.get("h")),
                    c.get("q").asInt(),
                    c.get("errorDf").asLong());
            assertStatistic(what + " V", c.get("pillai").asDouble(), r.pillai());
            assertStatistic(what + " F", c.get("f").asDouble(), r.f());
            assertProbability(what + " p", c.get("p").asDouble(), r.pValue());
            assertThat(new int[] {r.df1(), r.df2()}).containsExactly(3, 14);
            // the published values, to the digits printed (heplots' Plastic example, car::Anova)
            JsonNode published = c.get("published");
            assertThat(r.pillai()).isCloseTo(published.get("pillai").asDouble(), offset(5e-6));
            assertThat(r.f()).isCloseTo(published.get("f").asDouble(), offset(5e-5));
            assertThat(r.pValue()).isCloseTo(published.get("p").asDouble(), offset(5e-7));
        }
    }

    @Test
    void shouldGiveNoTestWhenTheGroupsDoNotVary() {
        long[] n = {5, 5};
        double[][] sums = {{5, 5}, {5, 5}};
        double[][][] cross = {{{5, 5}, {5, 5}}, {{5, 5}, {5, 5}}};
        PillaiResult r = PillaiTrace.oneWay(n, sums, cross);
        assertThat(r.pValue()).isNaN();
        assertThat(r.pillai()).isNaN();
    }

    private static double[][] matrix(JsonNode node) {
        double[][] m = new double[node.size()][];
        for (int i = 0; i < node.size(); i++) {
            m[i] = new double[node.get(i).size()];
            for (int j = 0; j < m[i].length; j++) {
                m[i][j] = node.get(i).get(j).asDouble();
            }
        }
        return m;
    }
}
