package nl.vertelpunt.sample;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import nl.vertelpunt.story.StoryCsv;
import nl.vertelpunt.storypoint.SampleStoryPoints;
import nl.vertelpunt.storypoint.definition.Option;
import nl.vertelpunt.storypoint.definition.Question;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;

/**
 * Writes a realistic synthetic story set for a story point in the CSV exchange format, for demos and
 * benchmarks. Roles come roughly 75% parents, 20% professionals and 5% youth, as in the national
 * vertelpunt of 2019; each story has a hidden valence that colours its text, its consequence answer
 * its sliders and its triads, so that patterns exist; sliders heap at 0, 50 and 100 as real slider answers do;
 * some answers are "not applicable" or left open, and some stories are too short to be complete.
 *
 * <pre>generate --definition samples/storypoints/voordejeugd.json --stories 1000 --seed 42 --out stories.csv</pre>
 *
 * Without {@code --definition}: the sample story point {@code voordejeugd} that ships inside the application.
 */
public final class SyntheticStories {

    private static final long START = Instant.parse("2019-05-15T06:00:00Z").getEpochSecond();
    private static final long SPAN_SECONDS = 92L * 24 * 3600;

    private final StoryPointDefinition definition;
    private final SplittableRandom random;
    private final List<String> roleIds;

    public SyntheticStories(StoryPointDefinition definition, long seed) {
        this.definition = definition;
        this.random = new SplittableRandom(seed);
        this.roleIds = definition.roles().stream().map(r -> r.id()).toList();
    }

    public static void main(String... args) throws IOException {
        Map<String, String> options = options(args);
        if (options.getOrDefault("kind", "voordejeugd").equals("patterned")) {
            writePatterned(options);
            return;
        }
        int stories = Integer.parseInt(options.getOrDefault("stories", "1000"));
        long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        // with the questions of the sample modules it includes written out, as publishing it would
        JsonNode document = options.containsKey("definition")
                ? SampleStoryPoints.expand(
                        mapper.readTree(Path.of(options.get("definition")).toFile()), mapper)
                : SampleStoryPoints.expanded("voordejeugd.json", mapper);
        StoryPointDefinition definition = mapper.treeToValue(document, StoryPointDefinition.class);
        SyntheticStories generator = new SyntheticStories(definition, seed);
        String out = options.get("out");
        Writer writer = out == null
                ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                : Files.newBufferedWriter(Path.of(out), StandardCharsets.UTF_8);
        try (writer) {
            generator.write(writer, stories);
        }
        if (out != null) {
            System.err.printf("Wrote %d synthetic stories for %s to %s%n", stories, definition.slug(), out);
        }
    }

    /** The stories of {@link PatternedStories}: {@code --planted true|false}, written to {@code --out} or standard output. */
    private static void writePatterned(Map<String, String> options) throws IOException {
        PatternedStories stories = new PatternedStories(
                Boolean.parseBoolean(options.getOrDefault("planted", "true")),
                Long.parseLong(options.getOrDefault("seed", "42")));
        int count = Integer.parseInt(options.getOrDefault("stories", "1000"));
        String out = options.get("out");
        try (Writer writer = out == null
                ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                : Files.newBufferedWriter(Path.of(out), StandardCharsets.UTF_8)) {
            stories.write(writer, count);
        }
    }

    /** Writes {@code count} stories, header first. */
    public void write(Appendable out, int count) throws IOException {
        StoryCsv.Printer printer = new StoryCsv.Printer(
                out, definition.questions().stream().map(q -> q.id()).toList());
        long[] times = new long[count];
        for (int i = 0; i < count; i++) {
            times[i] = START + (long) (SPAN_SECONDS * Math.pow(random.nextDouble(), 1.3));
        }
        Arrays.sort(times);
        for (int i = 0; i < count; i++) {
            printer.row(story(i, times[i]));
        }
        printer.flush();
    }

    private List<String> story(int index, long epochSecond) {
        String role = role();
        // the hidden valence: more negative than positive experiences are shared
        double valence = Math.max(-2.5, Math.min(2.5, random.nextGaussian() * 1.0 - 0.45));
        List<String> row = new ArrayList<>();
        row.add(String.format("syn-%06d", index + 1));
        row.add(StoryCsv.time(Instant.ofEpochSecond(epochSecond)));
        row.add(role);
        row.add("online");
        row.add("nl");
        row.add(random.nextDouble() < 0.6 ? StoryTexts.title(random, valence) : "");
        boolean brief = random.nextDouble() < 0.06;
        row.add(StoryTexts.story(random, role, valence, brief));
        boolean leavesEarly = random.nextDouble() < 0.05;
        int asked = 0;
        for (Question q : definition.questions()) {
            if (!q.isAskedTo(role)) {
                row.add("");
                continue;
            }
            asked++;
            if ((leavesEarly && asked > 3) || random.nextDouble() < 0.07) {
                row.add("");
                continue;
            }
            row.add(answer(q, valence));
        }
        return row;
    }

    private String role() {
        double r = random.nextDouble();
        if (roleIds.contains("ouder") && roleIds.contains("professional") && roleIds.contains("jongere")) {
            return r < 0.75 ? "ouder" : r < 0.95 ? "professional" : "jongere";
        }
        return roleIds.get(random.nextInt(roleIds.size()));
    }

    private String answer(Question q, double valence) {
        return switch (q.type()) {
            case SLIDER -> slider(q, valence);
            case CHOICE -> choice(q, valence);
            case MULTICHOICE -> multichoice(q);
            case TRIAD -> triad(valence);
            case STONES -> stones(q, valence);
            case TEXT -> random.nextDouble() < 0.4 ? StoryTexts.tip(random, valence) : "";
        };
    }

    private String slider(Question q, double valence) {
        if (q.allowsNotApplicable() && random.nextDouble() < 0.06) {
            return "NA";
        }
        double value = 50 + 28 * valence + random.nextGaussian() * 18;
        double heap = random.nextDouble();
        if (heap < 0.30) {
            value = value < 25 ? 0 : value < 75 ? 50 : 100;
        } else if (heap < 0.40) {
            value = Math.round(value / 10.0) * 10.0;
        }
        return Integer.toString((int) Math.max(0, Math.min(100, Math.round(value))));
    }

    private String choice(Question q, double valence) {
        List<Option> offered = q.options().stream().filter(Option::offered).toList();
        if (isOrdinal(offered)) {
            // a five-point negative..positive scale follows the valence
            double position = (valence + 2.0) / 4.0 * 5 + random.nextGaussian() * 0.7;
            int index = (int) Math.max(0, Math.min(4, Math.floor(position)));
            return offered.get(index).id();
        }
        // other choices: uneven shares, the first options more often
        double[] weights = new double[offered.size()];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 1.0 / (1 + 0.35 * i);
            total += weights[i];
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r <= 0) {
                return offered.get(i).id();
            }
        }
        return offered.get(offered.size() - 1).id();
    }

    private static boolean isOrdinal(List<Option> options) {
        return options.size() >= 5
                && options.get(0).id().equals("zeer-negatief")
                && options.get(4).id().equals("zeer-positief");
    }

    private String multichoice(Question q) {
        List<Option> offered = q.options().stream().filter(Option::offered).toList();
        int max = q.max() == null ? offered.size() : q.max();
        List<String> chosen = new ArrayList<>();
        for (Option o : offered) {
            if (chosen.size() < max && random.nextDouble() < 0.25) {
                chosen.add(o.id());
            }
        }
        if (chosen.isEmpty()) {
            chosen.add(offered.get(random.nextInt(offered.size())).id());
        }
        return String.join(StoryCsv.SEPARATOR, chosen);
    }

    /**
     * Stones: each offered item placed three times out of four; across it follows the valence (as a slider does),
     * up it is spread around the middle; "not applicable" now and then where allowed.
     */
    private String stones(Question q, double valence) {
        List<String> parts = new ArrayList<>();
        for (Option item : q.items()) {
            if (!item.offered() || random.nextDouble() < 0.25) {
                continue;
            }
            if (q.allowsNotApplicable() && random.nextDouble() < 0.05) {
                parts.add(item.id() + StoryCsv.ITEM_PLACE + "NA");
                continue;
            }
            long x = Math.max(0, Math.min(100, Math.round(50 + 25 * valence + random.nextGaussian() * 18)));
            long y = Math.max(0, Math.min(100, Math.round(50 + random.nextGaussian() * 22)));
            parts.add(item.id() + StoryCsv.ITEM_PLACE + x + StoryCsv.SEPARATOR + y);
        }
        return String.join(StoryCsv.ITEM_SEPARATOR, parts);
    }

    /**
     * A triad answer that leans with the valence: a good experience more to the second corner (the people), a bad one
     * more to the third (the rules and the system), so that the sample holds a triad pattern (by the consequence).
     */
    private String triad(double valence) {
        double a = -Math.log(1 - random.nextDouble());
        double b = -Math.log(1 - random.nextDouble()) * Math.exp(0.7 * valence);
        double c = -Math.log(1 - random.nextDouble()) * Math.exp(-0.7 * valence);
        double sum = a + b + c;
        int x = (int) Math.round(100 * a / sum);
        int y = (int) Math.round(100 * b / sum);
        if (x + y > 100) {
            y = 100 - x;
        }
        return x + StoryCsv.SEPARATOR + y + StoryCsv.SEPARATOR + (100 - x - y);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException(
                        "usage: generate [--kind voordejeugd|patterned] [--definition file.json] "
                                + "[--stories 1000] [--seed 42] [--planted true] [--out file.csv]");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
