package nl.vertelpunt.card.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import nl.vertelpunt.card.CardService;
import nl.vertelpunt.card.render.CardDocument.TypicalStory;
import nl.vertelpunt.card.render.DeckView.Card;
import nl.vertelpunt.card.render.DeckView.Segment;
import nl.vertelpunt.card.render.DeckView.Story;
import org.junit.jupiter.api.Test;

/** What the template gets from a card: plain JUnit, no container. */
class DeckViewsTest {

    @Test
    void shouldSayCountsAreRoundedOnlyWhenTheyWere() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String small = " Aantallen onder %s staan als ‘<%s’.";
        // shown without suppression (a story point with threshold 1): exact counts, no note
        JsonNode exact = json.readTree("{\"groups\": [{\"n\": 7}, {\"n\": 3}]}");
        assertThat(DeckViews.rounding(exact, small)).isEmpty();
        // rounded to fives, none under five
        JsonNode rounded = json.readTree("{\"suppressionThreshold\": 5, \"groups\": [{\"n\": 10}, {\"n\": 5}]}");
        assertThat(DeckViews.rounding(rounded, small))
                .isEqualTo(" Aantallen zijn afgerond, zodat niemand te herkennen is.");
        // a group shown as <5, also on a card made before patterns carried their threshold
        JsonNode older = json.readTree("{\"groups\": [{\"n\": 10}, {\"n\": \"<5\"}]}");
        assertThat(DeckViews.rounding(older, small))
                .isEqualTo(
                        " Aantallen zijn afgerond, zodat niemand te herkennen is. Aantallen onder 5 staan als ‘<5’.");
    }

    @Test
    void shouldDescribeTheQuestionsWithTheirNumbers() {
        assertThat(DeckViews.card(CardFixtures.heardByConsequence()).questions())
                .isEqualTo(
                        "De slider ‘Gehoord voelen’ (vraag 12) in combinatie met ‘Dit was voor het kind of gezin …’ (vraag 2).");
        assertThat(DeckViews.card(CardFixtures.onTimeByRole()).questions())
                .isEqualTo("De slider ‘De hulp kwam op tijd’ (vraag 9) in combinatie met ‘Rol van de verteller’.");
        assertThat(DeckViews.card(CardFixtures.subsetSlider()).questions())
                .isEqualTo(
                        "De slider ‘Gehoord voelen’ (vraag 12), vergeleken tussen de selectie ‘Regio Twente tegenover de rest’ "
                                + "en de andere verhalen.");
    }

    @Test
    void shouldMarkTheQuoteInAShortExcerpt() {
        Story story = DeckViews.story(new TypicalStory(
                "7",
                "ouder",
                "Ze belde terug. Vanaf dat moment vertrouwde ik haar.",
                "Vanaf dat moment vertrouwde ik haar."));

        assertThat(story.segments())
                .containsExactly(
                        new Segment("Ze belde terug. ", false),
                        new Segment("Vanaf dat moment vertrouwde ik haar.", true));
        assertThat(story.shortened()).isFalse();
        assertThat(story.looseQuote()).isEmpty();
    }

    @Test
    void shouldShortenALongExcerptAroundItsQuoteAndKeepTheQuoteWhole() {
        Story story =
                DeckViews.story(new TypicalStory("1074", "ouder", CardFixtures.LONG_EXCERPT, CardFixtures.LONG_QUOTE));

        String shown =
                String.join("", story.segments().stream().map(Segment::text).toList());
        assertThat(story.shortened()).isTrue();
        assertThat(story.segments()).contains(new Segment(CardFixtures.LONG_QUOTE, true));
        assertThat(shown).startsWith("… ").endsWith(" …");
        // the shortened text, without the two ellipses, is a piece of the excerpt that starts and ends at a word
        String inner = shown.substring(2, shown.length() - 2);
        assertThat(CardFixtures.LONG_EXCERPT).contains(inner.strip());
        assertThat(inner.strip().length()).isLessThanOrEqualTo(DeckViews.EXCERPT_MAX);
    }

    @Test
    void shouldShowAQuoteThatIsNotInTheExcerptAboveIt() {
        Story story =
                DeckViews.story(new TypicalStory("8", "jongere", "Het ging eindelijk beter.", "Een citaat van elders"));

        assertThat(story.looseQuote()).isEqualTo("Een citaat van elders");
        assertThat(story.segments()).containsExactly(new Segment("Het ging eindelijk beter.", false));
    }

    @Test
    void shouldShowEveryStoryWithItsExcerptWhileThereIsRoomAndOnlyThenByIdOnly() {
        CardDocument base = CardFixtures.heardByConsequence();
        List<TypicalStory> stories = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            stories.add(new TypicalStory("V-" + i, "ouder", "Verhaal " + i, null));
        }
        Card card = DeckViews.card(new CardDocument(
                base.id(),
                base.number(),
                base.version(),
                base.storyPointTitle(),
                base.title(),
                base.observation(),
                base.interpretations(),
                base.questions(),
                base.pattern(),
                stories,
                base.provenance()));

        assertThat(card.stories()).extracting(Story::id).containsExactly("V-1", "V-2", "V-3", "V-4", "V-5", "V-6");
        assertThat(card.moreStories()).isEmpty();
        // every step but the densest two keeps an excerpt of every story, shorter at each step
        for (int i = 0; i < DeckViews.DENSITIES.size() - 2; i++) {
            assertThat(DeckViews.DENSITIES.get(i).storiesShown()).isEqualTo(CardService.MAX_STORIES);
            if (i > 0) {
                assertThat(DeckViews.DENSITIES.get(i).excerptMax())
                        .isLessThan(DeckViews.DENSITIES.get(i - 1).excerptMax());
            }
        }
        Card densest = DeckViews.card(
                new CardDocument(
                        base.id(),
                        base.number(),
                        base.version(),
                        base.storyPointTitle(),
                        base.title(),
                        base.observation(),
                        base.interpretations(),
                        base.questions(),
                        base.pattern(),
                        stories,
                        base.provenance()),
                DeckViews.DENSITIES.get(DeckViews.DENSITIES.size() - 1),
                "kaart-x");
        assertThat(densest.stories()).isEmpty();
        assertThat(densest.moreStories()).hasSize(6).startsWith("V-1 (ouder)");
    }

    @Test
    void shouldShowStoriesWithoutRoomForAnExcerptByTheirQuoteWhenTheyHaveOne() {
        CardDocument base = CardFixtures.heardByConsequence();
        List<TypicalStory> stories = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            stories.add(new TypicalStory(
                    "V-" + i,
                    "ouder",
                    "Verhaal " + i + ", met een zin die telt.",
                    i % 2 == 0 ? "een zin die telt" : null));
        }
        Card card = DeckViews.card(
                new CardDocument(
                        base.id(),
                        base.number(),
                        base.version(),
                        base.storyPointTitle(),
                        base.title(),
                        base.observation(),
                        base.interpretations(),
                        base.questions(),
                        base.pattern(),
                        stories,
                        base.provenance()),
                DeckViews.DENSITIES.get(DeckViews.DENSITIES.size() - 2),
                "kaart-x");

        assertThat(card.stories()).isEmpty();
        assertThat(card.quotes())
                .containsExactly(
                        new DeckView.Quote("V-2", "ouder", "een zin die telt"),
                        new DeckView.Quote("V-4", "ouder", "een zin die telt"),
                        new DeckView.Quote("V-6", "ouder", "een zin die telt"));
        assertThat(card.moreStories()).containsExactly("V-1 (ouder)", "V-3 (ouder)", "V-5 (ouder)");
    }

    @Test
    void shouldKeepEveryStoryIdAndQuoteAtEveryDensity() {
        CardDocument full = CardFixtures.maximal("vol");
        for (DeckViews.Density density : DeckViews.DENSITIES) {
            Card card = DeckViews.card(full, density, "kaart-vol");
            List<String> shown = new ArrayList<>();
            card.stories()
                    .forEach(s -> shown.add(s.id() + " " + s.looseQuote()
                            + String.join(
                                    "",
                                    s.segments().stream()
                                            .filter(Segment::quote)
                                            .map(Segment::text)
                                            .toList())));
            card.quotes().forEach(q -> shown.add(q.id() + " " + q.text()));

            assertThat(card.stories())
                    .as(density.css())
                    .hasSize(Math.min(density.storiesShown(), full.stories().size()));
            for (TypicalStory story : full.stories()) {
                assertThat(shown).as(density.css()).contains(story.id() + " " + story.quote());
            }
            card.stories()
                    .forEach(s -> assertThat(String.join(
                                            "",
                                            s.segments().stream()
                                                    .map(Segment::text)
                                                    .toList())
                                    .length())
                            .isLessThanOrEqualTo(Math.max(
                                            density.excerptMax(),
                                            full.stories().get(0).quote().length())
                                    + 4));
        }
        assertThat(DeckViews.card(full, DeckViews.DENSITIES.get(DeckViews.DENSITIES.size() - 1), "kaart-vol")
                        .density())
                .isEqualTo("dicht-3 dicht-4");
    }

    @Test
    void shouldSizeTheChartForPrintKeepingItsProportions() {
        String svg =
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 320\" width=\"640\" height=\"320\" role=\"img\"><g/></svg>";

        assertThat(DeckViews.printSize(svg, 100))
                .startsWith(
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 320\" width=\"146mm\" height=\"73mm\" role=\"img\">");
        // higher than allowed at full width: narrower, same proportions
        assertThat(DeckViews.printSize(svg, 50))
                .contains(" width=\"100mm\" height=\"50mm\"")
                .endsWith("<g/></svg>");
    }

    @Test
    void shouldGiveEachCardInADeckItsOwnAnchor() {
        CardDocument card = CardFixtures.heardByTrust();

        assertThat(DeckViews.anchors(List.of(card, CardFixtures.onTimeByRole(), card)))
                .containsExactly("kaart-kaart-20", "kaart-kaart-9-role", "kaart-kaart-20-2");
    }

    @Test
    void shouldMarkEmptyInterpretationsAndAlwaysShowTwo() {
        Card card = DeckViews.card(CardFixtures.subsetSlider());

        assertThat(card.interpretations()).hasSize(2);
        assertThat(card.interpretations().get(0).empty()).isTrue();
        assertThat(card.interpretations().get(0).text()).isEqualTo("Nog niet ingevuld.");
        assertThat(card.interpretations().get(1).empty()).isFalse();
    }

    @Test
    void shouldTranslateTheEvaluationsNotesAndNameLeftOutGroupsByLabel() {
        Card card = DeckViews.card(CardFixtures.heardByConsequence());

        assertThat(card.notes()).containsExactly("Niet in de toets, minder dan 5 antwoorden: Neutraal.");
        assertThat(card.tables().get(0).rows().stream()
                        .map(r -> r.cells().get(0).detail())
                        .toList())
                .contains("niet vergeleken");
    }

    @Test
    void shouldMarkCellsBeyondTwoInPrintAndShowResidualsOnScreen() {
        Card card = DeckViews.card(CardFixtures.consequenceByKindOfHelp());

        DeckView.Table print = card.tables().get(0);
        assertThat(print.caption()).isEqualTo("Aantallen verhalen");
        assertThat(print.rows().get(0).cells().get(4).detail()).isEqualTo("▲");
        assertThat(print.note()).doesNotContain("esidu");
        DeckView.Table table = card.details().get(0);
        assertThat(table.head())
                .containsExactly(
                        "Dit was voor het kind of gezin …",
                        "Lichte hulp, zoals opvoedadvies",
                        "Hulp thuis of op afspraak",
                        "Pleegzorg <of> verblijf & meer",
                        "Jeugdbescherming");
        DeckView.Cell cell = table.rows().get(0).cells().get(4);
        assertThat(cell.text()).isEqualTo("30");
        assertThat(cell.detail()).isEqualTo("(+4,9 ▲)");
        assertThat(cell.mark()).isEqualTo("hoog");
        assertThat(table.rows().get(3).cells().get(4).text()).isEqualTo("<5");
    }

    @Test
    void shouldGiveTheCardsNumberAndAReadableProvenanceWithoutIds() {
        Card card = DeckViews.card(CardFixtures.heardByTrust());

        assertThat(card.label()).isEqualTo("Kaart 7 · versie 1");
        assertThat(card.source())
                .isEqualTo("Patroonevaluatie van 20 november 2026, 812 verhalen, standaardinstellingen");
        CardDocument.Provenance p = CardFixtures.provenance();
        CardDocument.Provenance own = new CardDocument.Provenance(
                p.runId(), p.fingerprint(), p.softwareVersion(), p.evaluatedAt(), p.settings(), 1, false, false);
        assertThat(DeckViews.source(own))
                .isEqualTo(
                        "Patroonevaluatie van 20 november 2026, 1 verhaal (een deel van de verhalen), eigen instellingen");
    }
}
