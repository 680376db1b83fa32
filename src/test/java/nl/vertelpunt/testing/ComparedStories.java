package nl.vertelpunt.testing;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import nl.vertelpunt.sample.PatternedStories;
import nl.vertelpunt.story.StoryCsv;

/**
 * Stories for comparisons, with fixed seeds: a focus told in 2020 and a reference told in 2019, both answering the
 * story point of {@link PatternedStories} and both holding its five planted patterns (shared by construction).
 *
 * <p>With {@code differ = true} three more patterns are planted on one side or differently on each:
 * <ul>
 *   <li>only in the focus: slider {@code samen} rises with slider {@code vertrouwen} (ρ about 0.6) — {@code only-here};
 *   <li>opposite: slider {@code veilig} rises with {@code passend} in the focus and falls with it in the reference —
 *       {@code opposite};
 *   <li>only in the reference: choice {@code fase} follows choice {@code leeftijd} — {@code only-elsewhere}.
 * </ul>
 * With {@code differ = false} focus and reference come from the same distribution.
 */
public final class ComparedStories {

    /** Keys of the patterns planted by {@code differ = true}, and of two shared by construction. */
    public static final String ONLY_HERE = "slider_by_slider|samen|vertrouwen";

    public static final String OPPOSITE = "slider_by_slider|passend|veilig";
    public static final String ONLY_ELSEWHERE = "choice_by_choice|leeftijd|fase";
    public static final String SHARED_SLIDERS = "slider_by_slider|gehoord|op-tijd";
    public static final String SHARED_CHOICE = "slider_by_choice|gehoord|gevolg";

    private static final int FIXED = StoryCsv.FIXED.size();
    private static final int LEEFTIJD = FIXED + 3;
    private static final int FASE = FIXED + 4;
    private static final int SAMEN = FIXED + 11;
    private static final int VERTROUWEN = FIXED + 12;
    private static final int PASSEND = FIXED + 13;
    private static final int VEILIG = FIXED + 14;
    private static final String[] AGES = {"0-4", "4-12", "12-18", "18-23"};
    private static final String[] KIND = {"eerste", "vervolg", "afsluiting"};

    private final boolean differ;
    private final long seed;

    public ComparedStories(boolean differ, long seed) {
        this.differ = differ;
        this.seed = seed;
    }

    /** One story as the CSV exchange format's cells; {@code focus} stories in 2020, the others in 2019. */
    public record Row(boolean focus, List<String> cells) {}

    /** {@code focus} stories of the focus, then {@code reference} of the reference, ids in that order. */
    public List<Row> rows(int focus, int reference) {
        PatternedStories base = new PatternedStories(true, seed);
        SplittableRandom random = new SplittableRandom(seed * 31 + 7);
        long start2020 = Instant.parse("2020-01-01T08:00:00Z").getEpochSecond();
        long start2019 = Instant.parse("2019-01-01T08:00:00Z").getEpochSecond();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < focus + reference; i++) {
            boolean inFocus = i < focus;
            long second = inFocus ? start2020 + i * 600L : start2019 + (i - focus) * 600L;
            List<String> cells = new ArrayList<>(base.story(i, second));
            if (differ) {
                plant(cells, inFocus, random);
            }
            rows.add(new Row(inFocus, cells));
        }
        return rows;
    }

    /** Writes the rows in the CSV exchange format, header first. */
    public void write(Appendable out, int focus, int reference) throws IOException {
        StoryCsv.Printer printer = new StoryCsv.Printer(
                out,
                PatternedStories.definition("x").questions().stream()
                        .map(q -> q.id())
                        .toList());
        for (Row row : rows(focus, reference)) {
            printer.row(row.cells());
        }
        printer.flush();
    }

    private static void plant(List<String> cells, boolean focus, SplittableRandom random) {
        if (focus) {
            Integer trust = value(cells.get(VERTROUWEN));
            if (trust != null && value(cells.get(SAMEN)) != null) {
                cells.set(SAMEN, slider(0.8 * trust + 10 + random.nextGaussian() * 15));
            }
        } else if (!cells.get(LEEFTIJD).isEmpty() && !cells.get(FASE).isEmpty() && random.nextDouble() < 0.6) {
            int age = List.of(AGES).indexOf(cells.get(LEEFTIJD));
            cells.set(FASE, KIND[Math.min(age, KIND.length - 1)]);
        }
        Integer fit = value(cells.get(PASSEND));
        if (fit != null && value(cells.get(VEILIG)) != null) {
            double slope = focus ? 0.8 : -0.8;
            cells.set(VEILIG, slider(50 + slope * (fit - 50) + random.nextGaussian() * 15));
        }
    }

    /** A slider cell's value, or null when it is empty or "NA". */
    private static Integer value(String cell) {
        return cell.isEmpty() || cell.equals("NA") ? null : Integer.valueOf(cell);
    }

    private static String slider(double v) {
        return Integer.toString((int) Math.max(0, Math.min(100, Math.round(v))));
    }
}
