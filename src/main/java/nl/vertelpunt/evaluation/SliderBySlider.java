package nl.vertelpunt.evaluation;

import static nl.vertelpunt.evaluation.EvaluationResult.num;

import java.util.List;
import nl.vertelpunt.evaluation.Dataset.SliderVariable;
import nl.vertelpunt.evaluation.EvaluationResult.Effect;
import nl.vertelpunt.evaluation.EvaluationResult.Pattern;
import nl.vertelpunt.evaluation.EvaluationResult.Skipped;
import nl.vertelpunt.evaluation.stats.SpearmanResult;

/** Slider × slider: Spearman's ρ from the joint counts of two sliders, and the 10 × 10 bins the card draws. */
final class SliderBySlider {

    private SliderBySlider() {}

    /** Spearman over the stories that answered both sliders (at least {@code minPairs}), with the joint bins. */
    static void test(
            SliderVariable x,
            SliderVariable y,
            boolean[] rows,
            EvaluationSettings settings,
            List<Pattern> patterns,
            List<Skipped> skipped) {
        long[][] joint = new long[SliderCounts.VALUES][SliderCounts.VALUES];
        byte[] a = x.values();
        byte[] b = y.values();
        long n = 0;
        for (int i = 0; i < a.length; i++) {
            byte u = a[i];
            byte v = b[i];
            if (u >= 0 && v >= 0 && rows[i]) {
                joint[u][v]++;
                n++;
            }
        }
        List<String> questions = List.of(x.name(), y.name());
        if (n < settings.minPairs()) {
            // no exact count here: it may be under the suppression threshold, and skip reasons are shown as they are
            skipped.add(new Skipped(
                    Evaluator.SLIDER_BY_SLIDER,
                    questions,
                    "fewer than " + settings.minPairs() + " stories answered both"));
            return;
        }
        SpearmanResult rho = SliderCounts.spearman(joint);
        if (rho.outcome() != SpearmanResult.Outcome.COMPUTED) {
            skipped.add(new Skipped(Evaluator.SLIDER_BY_SLIDER, questions, "one of the sliders has no variation"));
            return;
        }
        long[][] bins = new long[10][10];
        for (int u = 0; u < SliderCounts.VALUES; u++) {
            for (int v = 0; v < SliderCounts.VALUES; v++) {
                bins[Math.min(9, u / 10)][Math.min(9, v / 10)] += joint[u][v];
            }
        }
        // |rho| = 1: t is infinite and p = 0; JSON has no infinity, so the statistic is left empty and a note says why
        List<String> notes = Double.isFinite(rho.t())
                ? null
                : List.of("ρ = " + (rho.rho() > 0 ? "1" : "−1") + ": the two sliders put the stories in exactly the "
                        + (rho.rho() > 0 ? "same" : "reverse") + " order, so t is infinite (left empty) and p = 0.");
        patterns.add(new Pattern(
                0,
                Evaluator.SLIDER_BY_SLIDER,
                questions,
                "spearman",
                num(rho.t()),
                (int) n - 2,
                rho.pValue(),
                Double.NaN,
                new Effect("spearman-rho", num(rho.rho())),
                Math.abs(rho.rho()),
                n,
                false,
                null,
                null,
                null,
                new EvaluationResult.Joint(x.name(), y.name(), bins),
                notes,
                null,
                null));
    }
}
