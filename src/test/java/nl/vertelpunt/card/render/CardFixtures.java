package nl.vertelpunt.card.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.vertelpunt.card.CardService;
import nl.vertelpunt.card.Excerpts;
import nl.vertelpunt.card.render.CardDocument.Provenance;
import nl.vertelpunt.card.render.CardDocument.QuestionInfo;
import nl.vertelpunt.card.render.CardDocument.TypicalStory;

/**
 * Observation cards as the card service would hand them over: the questions of the national story point 2019,
 * patterns shaped like {@code EvaluationResult.Pattern} after suppression (counts that are multiples of 5, "&lt;5"
 * as text, statistics of small groups null), typical stories with long excerpts in Dutch, and labels with
 * markup characters and an emoji, which Liberation Sans does not have. Used by the tests and by
 * {@code CardDeckBenchmark}.
 */
public final class CardFixtures {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** A label a story point editor might write; it must arrive escaped in SVG and HTML. */
    public static final String MARKUP_LABEL = "Jongere <18 & \"pleegzorg\">";

    /** A word far wider than a column, which must wrap inside it. */
    public static final String LONG_WORD =
            "https://www.voorbeeld-jeugdhulpregio.nl/formulieren/aanmelding-jeugd-ggz-overdracht-"
                    + "gezinnen-met-kinderen-tot-achttien-jaar-versie-twee-definitief.pdf";

    /** An excerpt of about 900 characters with Dutch characters, typographic quotes and a very long word. */
    public static final String LONG_EXCERPT = "We wachtten al maanden op een plek, en elke keer als ik belde kreeg ik "
            + "weer iemand anders aan de lijn die van niets wist. Onze dochter (ze was toen veertien) sliep bijna niet "
            + "meer en durfde niet naar school. Uiteindelijk kregen we een vaste hulpverlener, een vrouw die écht "
            + "luisterde. Ze zei: “Ik ga niets beslissen zonder jullie.” Dat was voor het eerst in een jaar dat ik "
            + "me gehoord voelde. Samen met haar en onze dochter hebben we een plan gemaakt; ze kwam één keer per "
            + "week thuis en belde tussendoor als het nodig was. De eigen bijdrage van €25 per maand was voor ons "
            + "best veel, maar het was het waard. Naïef misschien, maar ik had gedacht dat het overal zo zou gaan. "
            + "Bij de overdracht naar de ggz moesten we alles opnieuw vertellen, ĳverig ingevuld formulier of niet. "
            + "Zie " + LONG_WORD + " – daar staat het allemaal in, maar niemand had het gelezen. Coöperatie tussen de "
            + "organisaties was ver te zoeken.";

    /** The quote marked in {@link #LONG_EXCERPT}. */
    public static final String LONG_QUOTE =
            "“Ik ga niets beslissen zonder jullie.” Dat was voor het eerst in een jaar dat ik " + "me gehoord voelde.";

    private CardFixtures() {}

    // ---- the cards ------------------------------------------------------------------------------------------------

    /**
     * One card of every kind: Kruskal–Wallis, Mann–Whitney, chi-square, Spearman, both subset shapes, and a triad by
     * a choice (Pillai's trace, with its ternary plot).
     */
    public static List<CardDocument> everyKind() {
        return List.of(
                heardByConsequence(),
                onTimeByRole(),
                consequenceByKindOfHelp(),
                heardByTrust(),
                subsetSlider(),
                subsetTable(),
                balanceByPhase());
    }

    /** Triad × choice: three groups with their centres, one group under 5, cells with "&lt;5" and empty ones. */
    public static CardDocument balanceByPhase() {
        ObjectNode pattern = pattern(
                "triad_by_choice",
                "balans",
                "fase",
                "pillai",
                0.2113,
                null,
                3.1e-19,
                4.4e-18,
                "partial-eta-squared",
                0.1057,
                410);
        pattern.put("standardizedEffect", Math.sqrt(0.1057));
        ArrayNode df = pattern.putArray("df");
        df.add(4);
        df.add(808);
        ObjectNode rule = pattern.putObject("zoneRule");
        rule.put("cornerShare", 60);
        rule.put("edgeShare", 20);
        ArrayNode groups = pattern.putArray("groups");
        groups.add(triadGroup("eerste", "Eerste hulp", 140, true, 52.4, 23.1, 24.5, 40, 10, 15, 20, 15, 10, 30));
        groups.add(triadGroup("vervolg", "Vervolg", 135, true, 33.0, 33.5, 33.5, 20, 20, 20, 15, 20, 15, 25));
        groups.add(triadGroup("afsluiting", "Afsluiting", 135, true, 22.8, 54.0, 23.2, 10, 40, 15, 20, 15, 10, 25));
        ObjectNode small = groups.addObject();
        small.put("category", "anders");
        small.put("label", "Anders");
        small.put("n", "<5");
        small.put("tested", false);
        ObjectNode ternary = pattern.putObject("ternary");
        ternary.put("triad", "balans");
        strings(ternary.putArray("corners"), "De hulp zelf", "De mensen", "De regels en het systeem");
        strings(
                ternary.putArray("zones"),
                "corner-a",
                "corner-b",
                "corner-c",
                "edge-ab",
                "edge-bc",
                "edge-ac",
                "centre");
        strings(
                ternary.putArray("zoneLabels"),
                "Vooral de hulp zelf",
                "Vooral de mensen",
                "Vooral de regels en het systeem",
                "Tussen de hulp zelf en de mensen",
                "Tussen de mensen en de regels en het systeem",
                "Tussen de hulp zelf en de regels en het systeem",
                "In het midden");
        ArrayNode cells = ternary.putArray("cells");
        for (int i = 0; i < 100; i++) {
            cells.add(
                    i % 7 == 0
                            ? JSON.textNode("<5")
                            : i % 5 == 0 ? JSON.numberNode(0) : JSON.numberNode(5 * (1 + i % 4)));
        }
        return card(
                "kaart-30",
                1,
                "Waar het om ging, per fase van de hulp",
                "In het begin ging het vaker om de hulp zelf, aan het eind vaker om de mensen.",
                List.of("Eerst telt of de hulp er komt.", "Aan het eind tellen de mensen die bleven."),
                List.of(
                        new QuestionInfo("balans", 7, "Hulp, mensen of regels", null, null),
                        choice("fase", 3, "Fase van de hulp")),
                pattern,
                List.of(new TypicalStory(
                        "V-2019-0701",
                        "ouder",
                        "In het begin wilden we vooral dat er hulp kwam. De rest kwam later.",
                        "vooral dat er hulp kwam")));
    }

    static ObjectNode triadGroup(
            String category, String label, int n, boolean tested, double a, double b, double c, long... zones) {
        ObjectNode group = JSON.objectNode();
        group.put("category", category);
        group.put("label", label);
        group.put("n", n);
        group.put("tested", tested);
        ArrayNode shares = group.putArray("meanShares");
        shares.add(a);
        shares.add(b);
        shares.add(c);
        ArrayNode z = group.putArray("zones");
        for (long count : zones) {
            z.add(count);
        }
        return group;
    }

    /** A deck of {@code size} cards, every kind in turn, each with its own id. */
    public static List<CardDocument> deck(int size) {
        List<CardDocument> kinds = everyKind();
        List<CardDocument> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            CardDocument c = kinds.get(i % kinds.size());
            out.add(new CardDocument(
                    c.id() + "-" + (i + 1),
                    i + 1,
                    c.version(),
                    c.storyPointTitle(),
                    c.title(),
                    c.observation(),
                    c.interpretations(),
                    c.questions(),
                    c.pattern(),
                    c.stories(),
                    c.provenance()));
        }
        return out;
    }

    /** Slider × choice, four groups tested, one "&lt;5" group and one empty group: the 2019 card. */
    public static CardDocument heardByConsequence() {
        ObjectNode pattern = pattern(
                "slider_by_choice",
                "gehoord",
                "gevolg",
                "kruskal-wallis",
                41.3872,
                3,
                1.83e-9,
                2.2e-8,
                "epsilon-squared",
                0.2124,
                185);
        ArrayNode groups = pattern.putArray("groups");
        groups.add(group(
                "zeer-negatief",
                "Zeer negatief",
                45,
                18.4,
                10.0,
                0.0,
                21.7,
                1.4,
                1.1,
                true,
                15,
                10,
                5,
                "<5",
                5,
                "<5",
                "<5",
                0,
                "<5",
                0));
        groups.add(group(
                "negatief",
                "Negatief",
                30,
                37.9,
                35.0,
                50.0,
                24.0,
                0.3,
                -0.8,
                true,
                "<5",
                "<5",
                5,
                5,
                "<5",
                5,
                "<5",
                "<5",
                0,
                0));
        groups.add(suppressedGroup("neutraal", "Neutraal", "<5"));
        groups.add(group(
                "positief",
                "Positief",
                60,
                74.2,
                80.0,
                100.0,
                20.5,
                -1.1,
                0.9,
                true,
                0,
                "<5",
                "<5",
                "<5",
                5,
                5,
                10,
                10,
                10,
                20));
        groups.add(group(
                "zeer-positief",
                "Zeer positief",
                50,
                88.6,
                95.0,
                100.0,
                14.1,
                -2.0,
                4.3,
                true,
                0,
                0,
                0,
                "<5",
                "<5",
                5,
                "<5",
                5,
                10,
                25));
        ArrayNode pairwise = pattern.putArray("pairwise");
        pairwise.add(pair("zeer-negatief", "zeer-positief", 2.1e-9, 1.3e-8, -0.88));
        pairwise.add(pair("negatief", "positief", 3.4e-5, 1.0e-4, -0.62));
        pairwise.add(pair("positief", "zeer-positief", 0.031, 0.031, -0.24));
        pattern.putArray("notes").add("Left out of the test, fewer than 5 answers: neutraal");
        return card(
                "kaart-12-2",
                2,
                "Mensen met ervaringen met positieve gevolgen voelen zich meestal ook gehoord",
                "Mensen die een ervaring delen met zeer negatieve gevolgen voor het kind, voelen zich meestal ‘zeker niet’ "
                        + "gehoord (mediaan 10). Bij zeer positieve gevolgen voelen zij zich vrijwel altijd wel gehoord (mediaan 95).",
                List.of(
                        "Een positieve ervaring zit vooral in de relatie: communicatie en een goede klik tussen ouder(s) en "
                                + "hulpverlener(s).",
                        "Vanuit een positieve situatie is het veel gemakkelijker om constructief terug te kijken dan vanuit "
                                + "een negatieve; het oordeel over gehoord worden volgt de uitkomst – een ĳzeren wet?"),
                List.of(
                        slider("gehoord", 12, "Gehoord voelen", "Zeker NIET", "Zeker WEL"),
                        choice("gevolg", 2, "Dit was voor het kind of gezin …")),
                pattern,
                List.of(
                        new TypicalStory("V-2019-1074", "ouder", LONG_EXCERPT, LONG_QUOTE),
                        new TypicalStory(
                                "V-2019-1620",
                                "jongere",
                                "Ik moest bij elk gesprek weer opnieuw uitleggen wat er "
                                        + "thuis aan de hand was. Niemand las mijn dossier.",
                                "Niemand las mijn dossier."),
                        new TypicalStory(
                                "V-2019-2837",
                                "professional",
                                "De ouders voelden zich niet gehoord en eerlijk gezegd "
                                        + "hadden ze gelijk: de wachtlijst bepaalde alles.",
                                null)));
    }

    /** Slider × role, two groups (Mann–Whitney), with a group label full of markup characters. */
    public static CardDocument onTimeByRole() {
        ObjectNode pattern = pattern(
                "slider_by_choice",
                "op-tijd",
                "role",
                "mann-whitney",
                1834.5,
                null,
                4.2e-6,
                3.1e-5,
                "rank-biserial",
                0.412,
                175);
        ArrayNode groups = pattern.putArray("groups");
        groups.add(group(
                "ouder",
                "Ouder of verzorger",
                140,
                38.1,
                30.0,
                0.0,
                31.2,
                0.5,
                -1.1,
                true,
                40,
                15,
                10,
                10,
                15,
                15,
                10,
                10,
                5,
                10));
        groups.add(group(
                "jongere",
                MARKUP_LABEL,
                35,
                62.0,
                70.0,
                100.0,
                29.4,
                -0.6,
                -0.9,
                true,
                5,
                "<5",
                "<5",
                "<5",
                "<5",
                5,
                "<5",
                5,
                5,
                10));
        return card(
                "kaart-9-role",
                1,
                "Jongeren vinden vaker dat de hulp op tijd kwam dan ouders",
                "Jongeren zetten de slider ‘De hulp kwam op tijd’ hoger (mediaan 70) dan ouders en verzorgers (mediaan 30).",
                List.of(
                        "Jongeren merken minder van de wachttijd, omdat ouders het regelwerk doen; wat naïef klinkt, is hun werkelijkheid.",
                        "Ouders kijken naar de hele route vanaf de eerste vraag om hulp, jongeren naar het moment dat de hulp begon."),
                List.of(
                        slider("op-tijd", 9, "De hulp kwam op tijd", "Veel te laat", "Precies op tijd"),
                        choice("role", null, "Rol van de verteller")),
                pattern,
                List.of(
                        new TypicalStory(
                                "V-2019-4496",
                                "jongere",
                                "Toen het eenmaal begon ging het snel & goed <3",
                                "snel & goed <3"),
                        new TypicalStory(
                                "V-2019-4935",
                                "ouder",
                                "Acht maanden wachten. Acht maanden. Alles stond op " + LONG_WORD
                                        + " maar niemand had het gelezen.",
                                "Acht maanden wachten.")));
    }

    /** Choice × choice with "&lt;5" cells and residuals beyond ±2, one column label with markup characters. */
    public static CardDocument consequenceByKindOfHelp() {
        ObjectNode pattern = pattern(
                "choice_by_choice",
                "gevolg",
                "soort-hulp",
                "chi-square",
                38.906,
                9,
                1.1e-5,
                9.8e-5,
                "cramers-v",
                0.187,
                370);
        ObjectNode table = pattern.putObject("table");
        strings(table.putArray("rows"), "zeer-negatief", "negatief", "positief", "zeer-positief");
        strings(table.putArray("rowLabels"), "Zeer negatief", "Negatief", "Positief", "Zeer positief");
        strings(table.putArray("columns"), "licht", "thuis", "pleegzorg", "jeugdbescherming");
        strings(
                table.putArray("columnLabels"),
                "Lichte hulp, zoals opvoedadvies",
                "Hulp thuis of op afspraak",
                "Pleegzorg <of> verblijf & meer",
                "Jeugdbescherming");
        ArrayNode counts = table.putArray("counts");
        row(counts, 10, 25, 10, 30);
        row(counts, 15, 30, "<5", 15);
        row(counts, 45, 60, 15, 10);
        row(counts, 40, 35, 10, "<5");
        ArrayNode residuals = table.putArray("adjustedResiduals");
        row(residuals, -2.61, -0.44, 0.91, 4.87);
        row(residuals, -0.93, 0.71, -0.52, 1.33);
        row(residuals, 1.12, 0.35, 0.18, -2.24);
        row(residuals, 2.48, -0.51, -0.2, -3.05);
        table.put("lowExpectedShare", 0.0625);
        table.put("lowExpectedWarning", false);
        table.putArray("smallCategoriesLeftOut").add("gevolg=neutraal");
        return card(
                "kaart-3-hulp",
                1,
                "Ervaringen met jeugdbescherming hebben vaker zeer negatieve gevolgen",
                "Van de ervaringen met jeugdbescherming had een groter deel zeer negatieve gevolgen voor het kind of gezin "
                        + "dan bij de andere soorten hulp; bij lichte hulp juist minder.",
                List.of(
                        "Jeugdbescherming komt pas in beeld als het al slecht gaat: het gevolg zegt meer over de situatie dan over de hulp.",
                        "Gezinnen ervaren drang en dwang als een aantasting van hun regie, en dat kleurt de hele ervaring."),
                List.of(
                        choice("gevolg", 2, "Dit was voor het kind of gezin …"),
                        choice("soort-hulp", 4, "Om welke hulp ging het vooral?")),
                pattern,
                List.of(
                        new TypicalStory(
                                "V-2019-6178",
                                "ouder",
                                "Ze kwamen met z’n drieën binnen en hadden het besluit al genomen.",
                                "hadden het besluit al genomen"),
                        new TypicalStory(
                                "V-2019-6328",
                                "professional",
                                "We hadden eerder moeten ingrijpen, met lichtere hulp.",
                                null)));
    }

    /** Slider × slider (Spearman) with a joint distribution that has "&lt;5" and empty cells. */
    public static CardDocument heardByTrust() {
        ObjectNode pattern = pattern(
                "slider_by_slider",
                "gehoord",
                "vertrouwen",
                "spearman",
                12.84,
                238,
                1.2e-29,
                6.6e-28,
                "spearman-rho",
                0.6397,
                240);
        ObjectNode joint = pattern.putObject("joint");
        joint.put("x", "gehoord");
        joint.put("y", "vertrouwen");
        ArrayNode bins = joint.putArray("bins");
        for (int i = 0; i < 10; i++) {
            ArrayNode r = bins.addArray();
            for (int j = 0; j < 10; j++) {
                int distance = Math.abs(i - j);
                if (distance == 0) {
                    r.add(i == 0 || i == 9 ? 30 : 10);
                } else if (distance == 1) {
                    r.add(5);
                } else if (distance <= 3) {
                    r.add("<5");
                } else {
                    r.add(0);
                }
            }
        }
        return card(
                "kaart-20",
                1,
                "Wie zich gehoord voelt, heeft meer vertrouwen in de hulpverlener",
                "Hoe hoger de slider ‘Gehoord voelen’, hoe hoger meestal ook ‘Vertrouwen in de hulpverlener’: een sterk verband.",
                List.of(
                        "Gehoord worden bouwt vertrouwen op.",
                        "Wie al vertrouwen heeft, ervaart gesprekken eerder als luisteren."),
                List.of(
                        slider("gehoord", 12, "Gehoord voelen", "Zeker NIET", "Zeker WEL"),
                        slider(
                                "vertrouwen",
                                13,
                                "Vertrouwen in de hulpverlener",
                                "Geen vertrouwen",
                                "Veel vertrouwen")),
                pattern,
                List.of(new TypicalStory(
                        "V-2019-6567",
                        "ouder",
                        "Ze belde terug toen ze dat beloofd had. Vanaf dat moment vertrouwde ik haar.",
                        "Vanaf dat moment vertrouwde ik haar.")));
    }

    /** Subset comparison of a slider: the region against the rest. */
    public static CardDocument subsetSlider() {
        ObjectNode pattern = pattern(
                "subset",
                "gehoord",
                "subset",
                "mann-whitney",
                10211.0,
                null,
                0.0021,
                0.0088,
                "rank-biserial",
                -0.19,
                410);
        ArrayNode groups = pattern.putArray("groups");
        groups.add(group(
                "subset", "Twente", 95, 41.2, 40.0, 50.0, 27.9, 0.2, -0.9, true, 15, 10, 10, 10, 15, 15, 5, 5, 5, 5));
        groups.add(group(
                "other",
                "de andere verhalen",
                315,
                55.8,
                60.0,
                100.0,
                30.5,
                -0.3,
                -1.0,
                true,
                25,
                20,
                20,
                25,
                30,
                35,
                35,
                40,
                40,
                45));
        return card(
                "kaart-twente-1",
                1,
                "In Twente voelen mensen zich minder gehoord dan elders",
                "Verhalen uit Twente hebben een lagere waarde op ‘Gehoord voelen’ (mediaan 40) dan de andere verhalen (mediaan 60).",
                List.of("", "In Twente was in 2019 een reorganisatie van de wijkteams gaande."),
                List.of(
                        slider("gehoord", 12, "Gehoord voelen", "Zeker NIET", "Zeker WEL"),
                        choice("subset", null, "Regio Twente tegenover de rest")),
                pattern,
                List.of(new TypicalStory(
                        "V-2019-7001", "ouder", "Het wijkteam was twee keer van samenstelling veranderd.", null)));
    }

    /** Subset comparison of a choice: two sides as rows. */
    public static CardDocument subsetTable() {
        ObjectNode pattern =
                pattern("subset", "gevoel", "subset", "chi-square", 21.7, 6, 0.0014, 0.0061, "cramers-v", 0.23, 410);
        ObjectNode table = pattern.putObject("table");
        strings(table.putArray("rows"), "subset", "other");
        strings(table.putArray("rowLabels"), "Twente", "de andere verhalen");
        strings(
                table.putArray("columns"),
                "blij",
                "opgelucht",
                "neutraal",
                "onzeker",
                "boos",
                "verdrietig",
                "teleurgesteld");
        strings(
                table.putArray("columnLabels"),
                "Blij",
                "Opgelucht",
                "Neutraal",
                "Onzeker",
                "Boos 😠",
                "Verdrietig",
                "Teleurgesteld");
        ArrayNode counts = table.putArray("counts");
        row(counts, 10, 5, 10, 15, 20, 10, 25);
        row(counts, 60, 40, 35, 45, 30, 50, 55);
        ArrayNode residuals = table.putArray("adjustedResiduals");
        row(residuals, -1.2, -1.9, -0.1, 0.4, 3.1, -0.6, 2.05);
        row(residuals, 1.2, 1.9, 0.1, -0.4, -3.1, 0.6, -2.05);
        table.put("lowExpectedShare", 0.0);
        table.put("lowExpectedWarning", false);
        table.putArray("smallCategoriesLeftOut");
        return card(
                "kaart-twente-2",
                1,
                "In Twente vaker boosheid en teleurstelling",
                "Verhalen uit Twente gaan vaker gepaard met boosheid en teleurstelling dan de andere verhalen.",
                List.of("De wachttijden in Twente waren in 2019 langer.", ""),
                List.of(
                        choice("gevoel", 1, "Hoe voelde je je bij deze ervaring?"),
                        choice("subset", null, "Regio Twente tegenover de rest")),
                pattern,
                List.of(new TypicalStory("V-2019-7002", "ouder", "Ik ben vooral boos. En moe. 😞", "vooral boos")));
    }

    /**
     * A card as full as the card service lets a card be: title, observation and both interpretations at their
     * longest, the most stories, each with an excerpt as long as {@link Excerpts} makes them and a quote of the
     * longest length, and the data of a question with eleven groups (the regions of the national story point):
     * a chart that would be 125 mm high at full width, its table and the pairwise tests.
     */
    public static CardDocument maximal(String id) {
        ObjectNode pattern = pattern(
                "slider_by_choice",
                "gehoord",
                "regio",
                "kruskal-wallis",
                58.21,
                10,
                4.1e-9,
                6.0e-8,
                "epsilon-squared",
                0.114,
                505);
        String[] regions = {
            "Groningen",
            "Friesland",
            "Twente",
            "Rijk van Nijmegen",
            "Utrecht",
            "Amsterdam",
            "Haaglanden",
            "Rijnmond",
            "Brabant",
            "Limburg",
            "Andere regio of weet ik niet"
        };
        ArrayNode groups = pattern.putArray("groups");
        for (int g = 0; g < regions.length; g++) {
            groups.add(group(
                    "regio-" + g,
                    regions[g],
                    45 + g * 2,
                    18.4 + g * 6.1,
                    10.0 + g * 6,
                    0.0,
                    21.7,
                    1.4 - g * 0.2,
                    1.1,
                    true,
                    15,
                    10,
                    5,
                    "<5",
                    5,
                    "<5",
                    "<5",
                    5,
                    "<5",
                    5));
        }
        ArrayNode pairwise = pattern.putArray("pairwise");
        for (int a = 0; a < regions.length; a++) {
            for (int b = a + 1; b < regions.length; b++) {
                pairwise.add(pair("regio-" + a, "regio-" + b, 1e-4 * (b - a), 3e-3 * (b - a), -0.1 * (b - a)));
            }
        }
        pattern.putArray("notes").add("More than 20% of the expected counts are below 5.");
        String[] roles = {"Ouder of verzorger", "Jongere", "Professional"};
        List<TypicalStory> stories = new ArrayList<>();
        for (int i = 0; i < CardService.MAX_STORIES; i++) {
            String quote = dutch(CardService.MAX_QUOTE, i * 3 + 1, "Citaat " + (i + 1) + ":");
            int around = (Excerpts.LENGTH - quote.length() - 2) / 2;
            String excerpt = "… " + dutch(around, i * 5 + 2, "Verhaal " + (i + 1) + ".") + " " + quote + " "
                    + dutch(around, i * 7 + 3, "Daarna") + " …";
            stories.add(new TypicalStory("V-2019-" + (10_001 + i), roles[i % roles.length], excerpt, quote));
        }
        return new CardDocument(
                id,
                7,
                12,
                "Vertelpunt Zorg voor de Jeugd 2019",
                dutch(CardService.MAX_TITLE, 0, "Titel:"),
                dutch(CardService.MAX_OBSERVATION, 4, "Observatie " + id + ":"),
                List.of(
                        dutch(CardService.MAX_INTERPRETATION, 8, "Eerste lezing " + id + ":"),
                        dutch(CardService.MAX_INTERPRETATION, 11, "Tweede lezing " + id + ":")),
                List.of(
                        slider("gehoord", 12, "Gehoord voelen", "Zeker NIET", "Zeker WEL"),
                        choice("regio", 6, "In welke regio woon je?")),
                pattern,
                stories,
                provenance());
    }

    private static final String[] SENTENCES = {
        "Het duurde maanden voordat iemand écht luisterde naar wat ons gezin nodig had.",
        "Bij elke nieuwe hulpverlener moesten we het hele verhaal opnieuw vertellen, ook de pijnlijke delen.",
        "De wijkcoach belde terug toen ze dat beloofd had, en vanaf dat moment kregen we weer vertrouwen.",
        "Naïef misschien, maar we dachten dat school, huisarts en jeugdteam gewoon met elkaar zouden praten.",
        "Onze dochter voelde zich pas gehoord toen zij zelf mocht zeggen wat er in het plan kwam.",
        "De wachtlijst bepaalde alles; over de inhoud van de hulp werd nauwelijks gesproken.",
        "Eén vast aanspreekpunt maakte het verschil: iemand die ons kende en niet steeds wisselde.",
        "Coöperatie tussen de organisaties was ver te zoeken, en wij zaten er met z’n allen tussenin.",
    };

    /** Dutch text of exactly {@code length} characters, starting with {@code start}, from sentences picked by {@code seed}. */
    public static String dutch(int length, int seed, String start) {
        StringBuilder text = new StringBuilder(start);
        for (int i = seed; text.length() < length; i++) {
            text.append(' ').append(SENTENCES[i % SENTENCES.length]);
        }
        String cut = text.substring(0, length - 1);
        return cut.endsWith(" ") ? cut.substring(0, length - 2) + ".." : cut + ".";
    }

    // ---- building blocks -----------------------------------------------------------------------------------------

    static CardDocument card(
            String id,
            int version,
            String title,
            String observation,
            List<String> interpretations,
            List<QuestionInfo> questions,
            JsonNode pattern,
            List<TypicalStory> stories) {
        return new CardDocument(
                id,
                7,
                version,
                "Vertelpunt Zorg voor de Jeugd 2019",
                title,
                observation,
                interpretations,
                questions,
                pattern,
                stories,
                provenance());
    }

    static Provenance provenance() {
        ObjectNode settings = JSON.objectNode();
        settings.put("minGroupSize", 5);
        settings.put("maxQ", 0.05);
        settings.put("minRankBiserial", 0.1);
        settings.put("minEpsilonSquared", 0.01);
        settings.put("minCramersV", 0.1);
        settings.put("minSpearman", 0.1);
        settings.put("minPairs", 10);
        return new Provenance(
                "7f3c2a9e-58b1-4c0d-9e61-2b5d8f0a4c17",
                "9b2e6c1f0a7d4e3b8c5f2a1d6e9b0c3f7a4d1e8b5c2f9a6d3e0b7c4f1a8d5e2b",
                "0.1.0-SNAPSHOT",
                Instant.parse("2026-11-20T13:45:12Z"),
                settings,
                812,
                true,
                true);
    }

    static QuestionInfo slider(String id, Integer number, String label, String left, String right) {
        return new QuestionInfo(id, number, label, left, right);
    }

    static QuestionInfo choice(String id, Integer number, String label) {
        return new QuestionInfo(id, number, label, null, null);
    }

    static ObjectNode pattern(
            String kind,
            String first,
            String second,
            String test,
            double statistic,
            Integer df,
            double p,
            double q,
            String effect,
            double effectValue,
            Object n) {
        ObjectNode pattern = JSON.objectNode();
        pattern.put("rank", 1);
        pattern.put("kind", kind);
        strings(pattern.putArray("questions"), first, second);
        pattern.put("test", test);
        pattern.put("statistic", statistic);
        if (df != null) {
            pattern.put("df", df);
        }
        pattern.put("p", p);
        pattern.put("q", q);
        ObjectNode effectSize = pattern.putObject("effectSize");
        effectSize.put("name", effect);
        effectSize.put("value", effectValue);
        pattern.put("standardizedEffect", Math.abs(effectValue));
        pattern.set("n", value(n));
        pattern.put("strong", true);
        return pattern;
    }

    static ObjectNode group(
            String category,
            String label,
            Object n,
            Double mean,
            Double median,
            Double mode,
            Double sd,
            Double skewness,
            Double kurtosis,
            boolean tested,
            Object... bins) {
        ObjectNode group = JSON.objectNode();
        group.put("category", category);
        group.put("label", label);
        group.set("n", value(n));
        group.put("mean", mean);
        group.put("median", median);
        group.put("mode", mode);
        group.put("sd", sd);
        group.put("skewness", skewness);
        group.put("kurtosis", kurtosis);
        ArrayNode b = group.putArray("bins");
        for (Object bin : bins) {
            b.add(value(bin));
        }
        group.put("tested", tested);
        return group;
    }

    /** A group under 5 as suppression leaves it: n as text, statistics null, bins 0 or text. */
    static ObjectNode suppressedGroup(String category, String label, String n) {
        return group(category, label, n, null, null, null, null, null, null, false, 0, 0, "<5", 0, "<5", 0, 0, 0, 0, 0);
    }

    static ObjectNode pair(String a, String b, double p, double pHolm, double rankBiserial) {
        ObjectNode pair = JSON.objectNode();
        pair.put("a", a);
        pair.put("b", b);
        pair.put("u", 120.5);
        pair.put("z", -4.1);
        pair.put("p", p);
        pair.put("pHolm", pHolm);
        pair.put("rankBiserial", rankBiserial);
        return pair;
    }

    private static void row(ArrayNode rows, Object... cells) {
        ArrayNode row = rows.addArray();
        for (Object cell : cells) {
            row.add(value(cell));
        }
    }

    private static void strings(ArrayNode array, String... values) {
        for (String v : values) {
            array.add(v);
        }
    }

    private static JsonNode value(Object value) {
        if (value instanceof String s) {
            return JSON.textNode(s);
        }
        if (value instanceof Integer i) {
            return JSON.numberNode(i);
        }
        if (value instanceof Long l) {
            return JSON.numberNode(l);
        }
        if (value instanceof Double d) {
            return JSON.numberNode(d);
        }
        throw new IllegalArgumentException("unsupported value " + value);
    }
}
