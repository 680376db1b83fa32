package nl.vertelpunt.sample;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * A story point with 24 analysis variables (8 sliders, the role, 5 choices, 2 multichoice questions of 4
 * options, and a triad) and a generator of stories for it, with fixed seeds, for testing and measuring
 * the pattern evaluation.
 *
 * <p>With {@code planted = true} these patterns are built in, each strong by construction:
 * <ol>
 * <li>slider {@code gehoord} rises with choice {@code gevolg} (five ordered levels);</li>
 * <li>slider {@code op-tijd} goes with slider {@code gehoord} (Spearman ρ around 0.6);</li>
 * <li>choice {@code regio} goes with choice {@code soort-hulp} (each region favours one kind of help);</li>
 * <li>slider {@code duidelijk} is higher for professionals than for parents and youth (role);</li>
 * <li>slider {@code wachttijd} is lower when {@code themas:wachten} was chosen;</li>
 * <li>triad {@code balans} leans to its first corner ("Hulp") at {@code fase} "eerste" and to its second ("Mensen") at
 *     "afsluiting" (triad × choice, and so also its zone {@code balans:zone} against {@code fase}).</li>
 * </ol>
 * With {@code planted = false} every answer is drawn independently of every other.
 */
public final class PatternedStories {

    public static final List<String> PLANTED = List.of(
            "gehoord|gevolg",
            "gehoord|op-tijd",
            "regio|soort-hulp",
            "duidelijk|role",
            "themas:wachten|wachttijd",
            "balans|fase");

    private static final String[] SLIDERS = {
        "gehoord", "op-tijd", "duidelijk", "wachttijd", "samen", "vertrouwen", "passend", "veilig"
    };
    private static final String[] LEVELS = {"zeer-negatief", "negatief", "neutraal", "positief", "zeer-positief"};
    private static final String[] REGIONS = {"noord", "oost", "zuid", "west"};
    private static final String[] HELP = {"licht", "ambulant", "ggz", "verblijf"};
    private static final String[] AGES = {"0-4", "4-12", "12-18", "18-23"};
    private static final String[] KIND = {"eerste", "vervolg", "afsluiting"};
    private static final String[] THEMES = {"wachten", "communicatie", "school", "geld"};
    private static final String[] INVOLVED = {"school", "huisarts", "wijkteam", "aanbieder"};

    private final boolean planted;
    private final SplittableRandom random;
    private final SplittableRandom triadRandom;

    public PatternedStories(boolean planted, long seed) {
        this.planted = planted;
        this.random = new SplittableRandom(seed);
        this.triadRandom = new SplittableRandom(seed * 31 + 18);
    }

    /** The story point these stories answer. */
    public static StoryPointDefinition definition(String slug) {
        List<Question> questions = new ArrayList<>();
        int number = 1;
        questions.add(choice("gevolg", number++, LEVELS));
        questions.add(choice("regio", number++, REGIONS));
        questions.add(choice("soort-hulp", number++, HELP));
        questions.add(choice("leeftijd", number++, AGES));
        questions.add(choice("fase", number++, KIND));
        questions.add(new Question(
                "themas",
                number++,
                QuestionType.MULTICHOICE,
                text("Thema's"),
                null,
                null,
                null,
                null,
                null,
                null,
                options(THEMES),
                null,
                null,
                null,
                null,
                null,
                null,
                null));
        questions.add(new Question(
                "betrokken",
                number++,
                QuestionType.MULTICHOICE,
                text("Betrokken"),
                null,
                null,
                null,
                null,
                null,
                null,
                options(INVOLVED),
                null,
                null,
                null,
                null,
                null,
                null,
                null));
        for (String slider : SLIDERS) {
            questions.add(new Question(
                    slider,
                    number++,
                    QuestionType.SLIDER,
                    text(slider),
                    null,
                    null,
                    null,
                    text("Helemaal niet"),
                    text("Helemaal wel"),
                    true,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null));
        }
        questions.add(new Question(
                "balans",
                number,
                QuestionType.TRIAD,
                text("Balans"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(text("Hulp"), text("Mensen"), text("Regels")),
                null,
                null,
                null,
                null,
                null));
        return new StoryPointDefinition(
                slug,
                text("Patronen"),
                null,
                null,
                null,
                List.of(
                        new Role("jongere", text("Jongere"), null),
                        new Role("ouder", text("Ouder"), null),
                        new Role("professional", text("Professional"), null)),
                text("Vertel"),
                new Completeness(0, 0),
                questions,
                null,
                null);
    }

    /** Writes {@code count} stories in the CSV exchange format, header first. */
    public void write(Appendable out, int count) throws IOException {
        StoryCsv.Printer printer = new StoryCsv.Printer(
                out, definition("x").questions().stream().map(q -> q.id()).toList());
        long start = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < count; i++) {
            printer.row(story(i, start + i * 37L));
        }
        printer.flush();
    }

    /** One story's cells: the fixed columns, then the answers in questionnaire order. */
    public List<String> story(int index, long epochSecond) {
        List<String> row = new ArrayList<>(32);
        double r = random.nextDouble();
        String role = r < 0.7 ? "ouder" : r < 0.9 ? "professional" : "jongere";
        row.add(String.format("p%07d", index + 1));
        row.add(StoryCsv.time(Instant.ofEpochSecond(epochSecond)));
        row.add(role);
        row.add("online");
        row.add("nl");
        row.add("");
        row.add("Verhaal " + (index + 1));

        int level = random.nextInt(LEVELS.length);
        int region = random.nextInt(REGIONS.length);
        int help = planted && random.nextDouble() < 0.6 ? region : random.nextInt(HELP.length);
        row.add(maybe(LEVELS[level]));
        row.add(maybe(REGIONS[region]));
        row.add(maybe(HELP[help]));
        row.add(maybe(AGES[random.nextInt(AGES.length)]));
        int phase = random.nextInt(KIND.length);
        row.add(maybe(KIND[phase]));
        boolean waiting = random.nextDouble() < 0.35;
        row.add(maybe(multi(THEMES, waiting)));
        row.add(maybe(multi(INVOLVED, random.nextDouble() < 0.3)));

        double heard = planted ? 12 + 18 * level + gauss(14) : 50 + gauss(25);
        double onTime = planted ? 0.6 * heard + 20 + gauss(16) : 50 + gauss(25);
        double clear = planted && role.equals("professional") ? 68 + gauss(18) : 45 + gauss(22);
        double wait = planted && waiting ? 30 + gauss(18) : 55 + gauss(20);
        row.add(slider(heard));
        row.add(slider(onTime));
        row.add(slider(clear));
        row.add(slider(wait));
        for (int s = 4; s < SLIDERS.length; s++) {
            row.add(slider(50 + gauss(25)));
        }
        // the planted triad draws from a generator of its own, so that every other answer is as without it
        String independentTriad = triad();
        row.add(maybe(planted ? plantedTriad(phase) : independentTriad));
        return row;
    }

    private String maybe(String value) {
        return random.nextDouble() < 0.05 ? "" : value;
    }

    private String slider(double value) {
        double u = random.nextDouble();
        if (u < 0.04) {
            return "";
        }
        if (u < 0.07) {
            return "NA";
        }
        double v = Math.max(0, Math.min(100, Math.round(value)));
        // heaping at 0, 50 and 100, as with real sliders
        if (random.nextDouble() < 0.15) {
            v = v < 25 ? 0 : v < 75 ? 50 : 100;
        }
        return Integer.toString((int) v);
    }

    private String multi(String[] options, boolean first) {
        List<String> chosen = new ArrayList<>();
        if (first) {
            chosen.add(options[0]);
        }
        for (int o = 1; o < options.length; o++) {
            if (random.nextDouble() < 0.3) {
                chosen.add(options[o]);
            }
        }
        if (chosen.isEmpty()) {
            chosen.add(options[1 + random.nextInt(options.length - 1)]);
        }
        return String.join(StoryCsv.SEPARATOR, chosen);
    }

    private String triad() {
        int a = random.nextInt(101);
        int b = random.nextInt(101 - a);
        return a + StoryCsv.SEPARATOR + b + StoryCsv.SEPARATOR + (100 - a - b);
    }

    /** A triad answer whose centre moves with the phase: towards "Hulp" first, towards "Mensen" at the end. */
    private String plantedTriad(int phase) {
        double[] weight =
                phase == 0 ? new double[] {3, 1, 1} : phase == 1 ? new double[] {1, 1, 1} : new double[] {1, 3, 1};
        double a = -Math.log(1 - triadRandom.nextDouble()) * weight[0];
        double b = -Math.log(1 - triadRandom.nextDouble()) * weight[1];
        double c = -Math.log(1 - triadRandom.nextDouble()) * weight[2];
        double sum = a + b + c;
        int x = (int) Math.round(100 * a / sum);
        int y = Math.min(100 - x, (int) Math.round(100 * b / sum));
        return x + StoryCsv.SEPARATOR + y + StoryCsv.SEPARATOR + (100 - x - y);
    }

    private double gauss(double sd) {
        return random.nextGaussian() * sd;
    }

    private static Question choice(String id, int number, String[] options) {
        return new Question(
                id,
                number,
                QuestionType.CHOICE,
                text(id),
                null,
                null,
                null,
                null,
                null,
                null,
                options(options),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static List<Option> options(String[] ids) {
        return Arrays.stream(ids).map(id -> Option.of(id, text(id))).toList();
    }

    private static LocalizedText text(String nl) {
        return LocalizedText.nl(nl);
    }
}
