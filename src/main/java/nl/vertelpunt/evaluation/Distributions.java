package nl.vertelpunt.evaluation;

import java.util.ArrayList;
import java.util.List;
import nl.vertelpunt.evaluation.Dataset.CategoricalVariable;
import nl.vertelpunt.evaluation.Dataset.SliderVariable;
import nl.vertelpunt.evaluation.EvaluationResult.Category;
import nl.vertelpunt.evaluation.EvaluationResult.Distribution;
import nl.vertelpunt.evaluation.EvaluationResult.GroupStats;

/**
 * The descriptives of an evaluation: per slider its statistics, per choice-like variable the count and share of
 * each category, per triad the mean shares of its corners, each with its missing answers (not applicable,
 * unanswered, not asked).
 */
final class Distributions {

    private Distributions() {}

    /** The distribution of every variable over the rows that are true, with its missing answers by kind. */
    static List<Distribution> of(Dataset data, boolean[] rows) {
        List<Distribution> out = new ArrayList<>();
        for (SliderVariable s : data.sliders()) {
            long[] counts = new long[SliderCounts.VALUES];
            int[] missing = new int[4];
            for (int i = 0; i < data.size(); i++) {
                if (!rows[i]) {
                    continue;
                }
                byte v = s.values()[i];
                if (v >= 0) {
                    counts[v]++;
                } else {
                    missing[-v]++;
                }
            }
            GroupStats stats = SliderCounts.describe(counts, null, null, null);
            out.add(new Distribution(
                    s.name(),
                    s.question().id(),
                    s.question().number(),
                    "slider",
                    s.question().label().in("nl"),
                    (int) stats.n(),
                    missing[-Dataset.NOT_APPLICABLE],
                    missing[-Dataset.UNANSWERED],
                    missing[-Dataset.NOT_ASKED],
                    stats,
                    null,
                    null,
                    null));
        }
        for (CategoricalVariable c : data.categories()) {
            long[] counts = new long[c.categories().size()];
            int[] missing = new int[4];
            long answered = 0;
            for (int i = 0; i < data.size(); i++) {
                if (!rows[i]) {
                    continue;
                }
                byte v = c.codes()[i];
                if (v >= 0) {
                    counts[v]++;
                    answered++;
                } else {
                    missing[-v]++;
                }
            }
            List<Category> categories = new ArrayList<>();
            for (int k = 0; k < counts.length; k++) {
                categories.add(new Category(
                        c.categories().get(k),
                        c.labels().get(k),
                        counts[k],
                        answered == 0 ? null : counts[k] / (double) answered));
            }
            String type = c.question() == null
                    ? "role"
                    : TriadZones.isZone(c) ? "triad-zone" : c.name().contains(":") ? "multichoice-option" : "choice";
            out.add(new Distribution(
                    c.name(),
                    c.question() == null ? "role" : c.question().id(),
                    c.question() == null ? null : c.question().number(),
                    type,
                    c.question() == null ? "Rol" : c.question().label().in("nl"),
                    (int) answered,
                    missing[-Dataset.NOT_APPLICABLE],
                    missing[-Dataset.UNANSWERED],
                    missing[-Dataset.NOT_ASKED],
                    null,
                    categories,
                    null,
                    null));
        }
        for (Dataset.TriadVariable t : data.triads()) {
            double[] sums = new double[3];
            int answered = 0;
            int[] missing = new int[4];
            for (int i = 0; i < data.size(); i++) {
                if (!rows[i]) {
                    continue;
                }
                if (t.a()[i] < 0) {
                    missing[-t.a()[i]]++;
                    continue;
                }
                sums[0] += t.a()[i];
                sums[1] += t.b()[i];
                sums[2] += t.c()[i];
                answered++;
            }
            List<Double> means =
                    answered == 0 ? null : List.of(sums[0] / answered, sums[1] / answered, sums[2] / answered);
            out.add(new Distribution(
                    t.name(),
                    t.question().id(),
                    t.question().number(),
                    "triad",
                    t.question().label().in("nl"),
                    answered,
                    missing[-Dataset.NOT_APPLICABLE],
                    missing[-Dataset.UNANSWERED],
                    missing[-Dataset.NOT_ASKED],
                    null,
                    null,
                    t.question().corners().stream().map(x -> x.in("nl")).toList(),
                    means));
        }
        return out;
    }
}
