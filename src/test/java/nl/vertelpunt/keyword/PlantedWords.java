package nl.vertelpunt.keyword;

import static nl.vertelpunt.testing.Fixtures.aDefinition;
import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.nl;
import static nl.vertelpunt.testing.Fixtures.option;

import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.vertelpunt.testing.Fixtures;

/**
 * Generated stories with a planted word difference, as CSV in the exchange format (columns {@code id, submitted_at,
 * role, channel, language, title, text, gevolg, gehoord, regio}): {@code focus} stories of region "twente" and
 * {@code reference} stories of "utrecht". Every story draws each of {@link #NEUTRAL} words with a chance of its own
 * that is the same in both groups, and the planted word with the chance of its group. Fixed seed: the same stories
 * every time. Records how many stories of each group use each word.
 */
public final class PlantedWords {

    /** Everyday words with no difference between the groups. */
    public static final List<String> NEUTRAL = List.of(
            "school",
            "ouders",
            "vriend",
            "huis",
            "gemeente",
            "dokter",
            "brief",
            "gesprek",
            "plan",
            "afspraak",
            "telefoon",
            "moeder",
            "vader",
            "broer",
            "fiets",
            "sport",
            "muziek",
            "werk",
            "geld",
            "kamer",
            "tuin",
            "hond",
            "boek",
            "film",
            "regels",
            "leraar",
            "trein",
            "winkel",
            "vakantie",
            "computer");

    public final StringBuilder csv =
            new StringBuilder("id,submitted_at,role,channel,language,title,text,gevolg,gehoord,regio\r\n");
    /** Per word, the stories of {twente, utrecht, any other region} that use it. */
    public final Map<String, int[]> uses = new TreeMap<>();

    private int id;

    /**
     * Adds the two groups; {@code planted} is used in a share {@code focusShare} of the focus stories and {@code
     * referenceShare} of the reference stories.
     */
    public PlantedWords groups(
            long seed, int focus, int reference, String planted, double focusShare, double referenceShare) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] chance = new double[NEUTRAL.size()];
        for (int i = 0; i < chance.length; i++) {
            chance[i] = 0.1 + 0.5 * random.nextDouble();
        }
        for (int g = 0; g < 2; g++) {
            for (int s = 0; s < (g == 0 ? focus : reference); s++) {
                List<String> words = new ArrayList<>();
                for (int i = 0; i < chance.length; i++) {
                    if (random.nextDouble() < chance[i]) {
                        words.add(NEUTRAL.get(i));
                    }
                }
                if (random.nextDouble() < (g == 0 ? focusShare : referenceShare)) {
                    words.add(random.nextInt(words.size() + 1), planted);
                }
                story(g == 0 ? "twente" : "utrecht", words);
            }
        }
        return this;
    }

    /** Adds one story of a region with these words (after a fixed opening without counted words). */
    public PlantedWords story(String region, List<String> words) {
        id++;
        String text = "Dit is wat er gebeurde: " + String.join(" en ", words) + ".";
        csv.append(String.format(
                "w%d,2025-03-%02dT12:00:00Z,ouder,online,nl,,%s,positief,%d,%s\r\n",
                id, 1 + id % 28, text, id % 101, region));
        int group = "twente".equals(region) ? 0 : "utrecht".equals(region) ? 1 : 2;
        for (String w : new TreeSet<>(words)) {
            uses.computeIfAbsent(w, k -> new int[3])[group]++;
        }
        return this;
    }

    /** A story point with the question 'regio' and the given suppression threshold, with these stories. */
    public static String storyPoint(int threshold, PlantedWords stories) {
        String slug = Fixtures.uniqueSlug("woorden");
        Map<String, Object> definition = aDefinition(slug);
        @SuppressWarnings("unchecked")
        List<Object> questions = new ArrayList<>((List<Object>) definition.get("questions"));
        questions.add(Map.of(
                "id",
                "regio",
                "number",
                30,
                "type",
                "choice",
                "label",
                nl("Regio"),
                "options",
                List.of(option("twente", "Twente"), option("utrecht", "Utrecht"), option("drenthe", "Drenthe"))));
        definition.put("questions", questions);
        definition.put("suppressionThreshold", threshold);
        asAdmin()
                .contentType(ContentType.JSON)
                .body(definition)
                .put("/api/storypoints/" + slug)
                .then()
                .statusCode(201);
        asAdmin()
                .contentType("text/csv")
                .body(stories.csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/storypoints/" + slug + "/stories/import")
                .then()
                .statusCode(200);
        return slug;
    }
}
