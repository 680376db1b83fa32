package nl.vertelpunt.card.render;

import nl.vertelpunt.card.render.CardDocument.TypicalStory;
import nl.vertelpunt.card.render.DeckView.Card;
import nl.vertelpunt.card.render.DeckView.Segment;
import nl.vertelpunt.card.render.DeckView.Story;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the template gets from a card: plain JUnit, no container. */
class DeckViewsTest {

    @Test
    void shouldDescribeTheQuestionsWithTheirNumbers() {
        assertThat(DeckViews.card(CardFixtures.heardByConsequence()).questions())
                .isEqualTo("De slider ‘Gehoord voelen’ (vraag 12) in combinatie met ‘Dit was voor het kind of gezin …’ (vraag 2).");
        assertThat(DeckViews.card(CardFixtures.onTimeByRole()).questions())
                .isEqualTo("De slider ‘De hulp kwam op tijd’ (vraag 9) in combinatie met ‘Rol van de verteller’.");
        assertThat(DeckViews.card(CardFixtures.subsetSlider()).questions())
                .isEqualTo("De slider ‘Gehoord voelen’ (vraag 12), vergeleken tussen de selectie ‘Regio Twente tegenover de rest’ "
                        + "en de andere verhalen.");
    }

    @Test
    void shouldMarkTheQuoteInAShortExcerpt() {
        Story story = DeckViews.story(new TypicalStory("7", "ouder", "Ze belde terug. Vanaf dat moment vertrouwde ik haar.",
                "Vanaf dat moment vertrouwde ik haar."));

        assertThat(story.segments()).containsExactly(new Segment("Ze belde terug. ", false),
                new Segment("Vanaf dat moment vertrouwde ik haar.", true));
        assertThat(story.shortened()).isFalse();
        assertThat(story.looseQuote()).isEmpty();
    }

    @Test
    void shouldShortenALongExcerptAroundItsQuoteAndKeepTheQuoteWhole() {
        Story story = DeckViews.story(new TypicalStory("1074", "ouder", CardFixtures.LONG_EXCERPT, CardFixtures.LONG_QUOTE));

        String shown = String.join("", story.segments().stream().map(Segment::text).toList());
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
        Story story = DeckViews.story(new TypicalStory("8", "jongere", "Het ging eindelijk beter.", "Een citaat van elders"));

        assertThat(story.looseQuote()).isEqualTo("Een citaat van elders");
        assertThat(story.segments()).containsExactly(new Segment("Het ging eindelijk beter.", false));
    }

    @Test
    void shouldListStoriesBeyondTheFourthByIdOnly() {
        CardDocument base = CardFixtures.heardByConsequence();
        List<TypicalStory> stories = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            stories.add(new TypicalStory("V-" + i, "ouder", "Verhaal " + i, null));
        }
        Card card = DeckViews.card(new CardDocument(base.id(), base.version(), base.storyPointTitle(), base.title(),
                base.observation(), base.interpretations(), base.questions(), base.pattern(), stories, base.provenance()));

        assertThat(card.stories()).extracting(Story::id).containsExactly("V-1", "V-2", "V-3", "V-4");
        assertThat(card.moreStories()).containsExactly("V-5 (ouder)", "V-6 (ouder)");
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
    }

    @Test
    void shouldShowResidualsAndMarkCellsBeyondTwo() {
        Card card = DeckViews.card(CardFixtures.consequenceByKindOfHelp());

        DeckView.Table table = card.tables().get(0);
        assertThat(table.head()).containsExactly("Dit was voor het kind of gezin …", "Lichte hulp, zoals opvoedadvies",
                "Hulp thuis of op afspraak", "Pleegzorg <of> verblijf & meer", "Jeugdbescherming");
        DeckView.Cell cell = table.rows().get(0).cells().get(4);
        assertThat(cell.text()).isEqualTo("30");
        assertThat(cell.detail()).isEqualTo("(+4,9 ▲)");
        assertThat(cell.mark()).isEqualTo("hoog");
        assertThat(table.rows().get(3).cells().get(4).text()).isEqualTo("<5");
    }

    @Test
    void shouldGiveTheProvenanceInDutchTime() {
        DeckView.Provenance provenance = DeckViews.card(CardFixtures.heardByTrust()).provenance();

        assertThat(provenance.evaluatedAt()).isEqualTo("20 november 2026, 14:45");
        assertThat(provenance.fingerprintShort()).isEqualTo("9b2e6c1f0a7d");
        assertThat(provenance.fingerprint()).hasSize(64);
        assertThat(provenance.settings()).startsWith("kleinste groep 5 · hoogste q 0,05 · ");
        assertThat(provenance.stories()).isEqualTo("812");
    }
}
