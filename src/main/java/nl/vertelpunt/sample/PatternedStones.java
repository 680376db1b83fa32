package nl.vertelpunt.sample;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import nl.vertelpunt.story.StoryCsv;
import nl.vertelpunt.storypoint.definition.Completeness;
import nl.vertelpunt.storypoint.definition.LocalizedText;
import nl.vertelpunt.storypoint.definition.Option;
import nl.vertelpunt.storypoint.definition.Question;
import nl.vertelpunt.storypoint.definition.QuestionType;
import nl.vertelpunt.storypoint.definition.Role;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;

/**
 * A small story point with a stones question, and a generator of stories for it with fixed seeds, for testing the
 * analysis of stones: the question {@code steun} places four items (family, school, neighbourhood, district team) on
 * a field from "far away" to "close by" across and from "little" to "much" help up; beside it the choice {@code
 * gevolg} (negative, neutral, positive) and the slider {@code gehoord}.
 *
 * <p>With {@code planted = true} one pattern is built in, strong by construction: the help of the family ({@code
 * steun:familie:y}) is higher in stories with a positive {@code gevolg} (mean about 72) than in the others (about
 * 38). With {@code planted = false} every answer is drawn independently of every other.
 */
public final class PatternedStones {

    /** The planted pattern: its two variables, as the evaluation names them, in its order. */
    public static final String PLANTED = "steun:familie:y|gevolg";

    private static final String[] ITEMS = {"familie", "school", "buurt", "wijkteam"};
    private static final String[] LEVELS = {"negatief", "neutraal", "positief"};

    private final boolean planted;
    private final SplittableRandom random;

    public PatternedStones(boolean planted, long seed) {
        this.planted = planted;
        this.random = new SplittableRandom(seed);
    }

    /** The story point these stories answer. */
    public static StoryPointDefinition definition(String slug) {
        List<Question> questions = new ArrayList<>();
        questions.add(new Question(
                "gevolg",
                1,
                QuestionType.CHOICE,
                text("Gevolg", "Consequence"),
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(LEVELS).stream().map(id -> Option.of(id, text(id, id))).toList(),
                null,
                null,
                null,
                null,
                null,
                null,
                null));
        questions.add(new Question(
                "gehoord",
                2,
                QuestionType.SLIDER,
                text("Gehoord", "Heard"),
                null,
                null,
                null,
                text("Niet", "Not"),
                text("Wel", "Yes"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
        questions.add(new Question(
                "steun",
                3,
                QuestionType.STONES,
                text("Wie hielp?", "Who helped?"),
                null,
                null,
                null,
                text("Ver weg", "Far away"),
                text("Dichtbij", "Close by"),
                true,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                text("Weinig hulp", "Little help"),
                text("Veel hulp", "Much help"),
                List.of(ITEMS).stream().map(id -> Option.of(id, text(id, id))).toList()));
        return new StoryPointDefinition(
                slug,
                text("Stenen", "Stones"),
                null,
                null,
                null,
                List.of(new Role("ouder", text("Ouder", "Parent"), null)),
                text("Vertel", "Tell"),
                new Completeness(0, 0),
                questions,
                null,
                null);
    }

    /** Writes {@code count} stories in the CSV exchange format, header first. */
    public void write(Appendable out, int count) throws IOException {
        StoryCsv.Printer printer = new StoryCsv.Printer(
                out, definition("x").questions().stream().map(Question::id).toList());
        long start = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < count; i++) {
            printer.row(story(i, start + i * 41L));
        }
        printer.flush();
    }

    /** One story's cells: the fixed columns, then the answers in questionnaire order. */
    public List<String> story(int index, long epochSecond) {
        List<String> row = new ArrayList<>(10);
        row.add(String.format("s%07d", index + 1));
        row.add(StoryCsv.time(Instant.ofEpochSecond(epochSecond)));
        row.add("ouder");
        row.add("online");
        row.add("nl");
        row.add("");
        row.add("Verhaal " + (index + 1));
        int level = random.nextInt(LEVELS.length);
        row.add(LEVELS[level]);
        row.add(Long.toString(clamp(50 + random.nextGaussian() * 25)));
        List<String> parts = new ArrayList<>();
        for (String item : ITEMS) {
            double u = random.nextDouble();
            if (u < 0.15) {
                continue;
            }
            if (u < 0.20) {
                parts.add(item + StoryCsv.ITEM_PLACE + "NA");
                continue;
            }
            double up = planted && item.equals("familie") ? (level == 2 ? 72 : 38) : 50;
            long x = clamp(50 + random.nextGaussian() * 25);
            long y = clamp(up + random.nextGaussian() * 18);
            parts.add(item + StoryCsv.ITEM_PLACE + x + StoryCsv.SEPARATOR + y);
        }
        row.add(String.join(StoryCsv.ITEM_SEPARATOR, parts));
        return row;
    }

    private static long clamp(double value) {
        return Math.max(0, Math.min(100, Math.round(value)));
    }

    private static LocalizedText text(String nl, String en) {
        return LocalizedText.of(Map.of("nl", nl, "en", en));
    }
}
