package nl.vertelpunt.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import nl.vertelpunt.storypoint.SampleStoryPoints;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The drafted observation of each kind of pattern, on the sample story point; plain JUnit (no I/O but reading the sample). */
class ObservationDrafterTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static StoryPointDefinition sample;

    @BeforeAll
    static void sample() throws Exception {
        sample = JSON.treeToValue(SampleStoryPoints.expanded("voordejeugd.json", JSON), StoryPointDefinition.class);
    }

    /** Words a sentence of a drafted observation may have at most: B1 texts keep sentences short. */
    private static final int SENTENCE_WORDS = 20;

    /** The observation's text, after checking that no sentence is longer than {@link #SENTENCE_WORDS} words. */
    private static String shortSentences(ObservationDrafter.Draft draft) {
        String text = draft.observation();
        // a sentence ends at a full stop, question or exclamation mark followed by a capital or an opening quote
        for (String sentence : text.split("(?<=[.!?])\\s+(?=[A-Z‘])")) {
            assertThat(sentence.trim().split("\\s+"))
                    .as("a sentence of at most %d words: %s", SENTENCE_WORDS, sentence)
                    .hasSizeLessThanOrEqualTo(SENTENCE_WORDS);
        }
        return text;
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void shouldDescribeTheMostDistantGroupsOfASliderByChoicePattern() throws Exception {
        JsonNode pattern = json("""
                {'kind':'slider_by_choice','questions':['gehoord','gevolg'],'test':'kruskal-wallis','n':1234,'q':0.00002,
                 'effectSize':{'name':'epsilon-squared','value':0.31},
                 'groups':[{'category':'zeer-negatief','label':'Zeer negatief','n':82,'mean':18.4,'median':12,'tested':true},
                           {'category':'negatief','label':'Negatief','n':310,'mean':35,'median':33,'tested':true},
                           {'category':'neutraal','label':'Neutraal','n':3,'tested':false},
                           {'category':'positief','label':'Positief','n':400,'mean':61,'median':64,'tested':true},
                           {'category':'zeer-positief','label':'Zeer positief','n':75,'mean':84.2,'median':90,'tested':true}]}
                """);
        ObservationDrafter.Draft draft = ObservationDrafter.draft(pattern, sample);
        assertThat(draft.title()).isEqualTo("Gehoord voelen – Gevolg voor kind of gezin");
        assertThat(shortSentences(draft))
                .startsWith(
                        "Er zijn 1.234 verhalen met een antwoord op vraag 12 (‘Gehoord voelen’) én vraag 2 (‘Gevolg voor"
                                + " kind of gezin’). Vraag 12 is een schuif van 0 (‘Zeker NIET’) tot 100 (‘Zeker WEL’).")
                .contains(
                        "Wie bij vraag 2 ‘Zeer negatief’ koos (82 verhalen), zette de schuif bij vraag 12 gemiddeld op 18. "
                                + "De helft van hen zette hem op 12 of lager, dicht bij ‘Zeker NIET’.")
                .contains(
                        "Wie bij vraag 2 ‘Zeer positief’ koos (75 verhalen), zette de schuif bij vraag 12 gemiddeld op 84. "
                                + "De helft van hen zette hem op 90 of hoger, dicht bij ‘Zeker WEL’.")
                .contains("De 2 andere groepen liggen daartussen.")
                // a group that was not tested is named as too small, not described
                .contains("De groep ‘Neutraal’ (3 verhalen) is te klein om te vergelijken en telt niet mee.")
                .doesNotContain("‘Neutraal’ koos")
                // 82 + 310 + 400 + 75 is not 1,234
                .contains("Daardoor tellen de aantallen niet precies op tot het totaal.")
                .endsWith(
                        "De kans dat zo'n groot verschil tussen de groepen toevallig is, is erg klein: minder dan 1 op"
                                + " 1.000. Daarbij is meegeteld dat er veel vragen met elkaar zijn vergeleken.");
    }

    @Test
    void shouldKeepSuppressedCountsSuppressedAndNameRolesAndTickedOptions() throws Exception {
        JsonNode byRole = json("""
                {'kind':'slider_by_choice','questions':['duidelijk','role'],'test':'mann-whitney','n':'<5','q':0.0123,
                 'groups':[{'category':'ouder','label':'Ja! Ik ben ouder of verzorger','n':40,'mean':45,'median':44,'tested':true},
                           {'category':'professional','label':'Ja! Ik ben professional','n':'<5','mean':70,'median':71,'tested':true}]}
                """);
        String text = shortSentences(ObservationDrafter.draft(byRole, sample));
        assertThat(text)
                .startsWith("Er zijn minder dan 5 verhalen met een antwoord op vraag 10")
                .contains("én de rol van wie vertelt.")
                .contains(
                        "Wie als rol ‘Ja! Ik ben ouder of verzorger’ koos (40 verhalen), zette de schuif bij vraag 10 gemiddeld op 45. "
                                + "De helft van hen zette hem op 44 of lager, rond het midden.")
                .contains("(minder dan 5 verhalen)")
                .contains("meer naar ‘Heel duidelijk’")
                .contains("is klein: minder dan 1 op 20.")
                .contains("Alle aantallen zijn afgerond op vijftallen, zodat niemand te herkennen is.")
                .contains("Een groep van minder dan 5 verhalen staat er als ‘minder dan 5’.");

        JsonNode byOption = json("""
                {'kind':'slider_by_choice','questions':['op-tijd','themas:wachten'],'test':'mann-whitney','n':500,'q':0.001,
                 'groups':[{'category':'no','label':'niet gekozen: Wachten','n':300,'mean':55,'median':57,'tested':true},
                           {'category':'yes','label':'gekozen: Wachten','n':200,'mean':30,'median':25,'tested':true}]}
                """);
        ObservationDrafter.Draft draft = ObservationDrafter.draft(byOption, sample);
        assertThat(draft.title()).isEqualTo("Op tijd – Wachten");
        assertThat(shortSentences(draft))
                .contains("Wie bij vraag 5 ‘Wachten’ aankruiste (200 verhalen)")
                .contains("Wie bij vraag 5 ‘Wachten’ niet aankruiste (300 verhalen)")
                .contains("meer naar ‘Veel te laat’");
    }

    @Test
    void shouldNameTheOverRepresentedCellsOfAChoiceByChoicePattern() throws Exception {
        JsonNode pattern = json("""
                {'kind':'choice_by_choice','questions':['gevolg','soort-hulp'],'test':'chi-square','n':200,'q':0.004,
                 'table':{'rows':['negatief','positief'],'rowLabels':['Negatief','Positief'],
                          'columns':['licht','verblijf'],'columnLabels':['Lichte hulp','Verblijf'],
                          'counts':[[20,80],[70,30]],'adjustedResiduals':[[-7.1,7.1],[7.1,-7.1]]}}
                """);
        ObservationDrafter.Draft draft = ObservationDrafter.draft(pattern, sample);
        assertThat(draft.title()).isEqualTo("Gevolg voor kind of gezin – Soort hulp");
        assertThat(shortSentences(draft))
                .contains(
                        "Wie bij vraag 2 ‘Negatief’ koos (100 verhalen), koos bij vraag 4 ‘Verblijf’ in 80% van de verhalen. "
                                + "Van alle verhalen samen is dat 55%.")
                .contains(
                        "Wie bij vraag 2 ‘Positief’ koos (100 verhalen), koos bij vraag 4 ‘Lichte hulp’ in 70% van de verhalen. "
                                + "Van alle verhalen samen is dat 45%.")
                .contains(
                        "De kans dat zo'n sterk verband tussen de antwoorden toevallig is, is klein: minder dan 1 op 100")
                // 20 + 80 + 70 + 30 = 200: nothing to explain
                .doesNotContain("afgerond")
                // under-represented cells are not described as if they were common
                .doesNotContain("‘Lichte hulp’ in 20%");
    }

    @Test
    void shouldDescribeTheDirectionAndStrengthOfASliderBySliderPattern() throws Exception {
        JsonNode negative = json("""
                {'kind':'slider_by_slider','questions':['gehoord','op-tijd'],'test':'spearman','n':900,'q':0.00001,
                 'effectSize':{'name':'spearman-rho','value':-0.42}}
                """);
        assertThat(shortSentences(ObservationDrafter.draft(negative, sample)))
                .contains(
                        "Wie bij vraag 12 meer naar ‘Zeker WEL’ schoof, schoof bij vraag 9 meestal ook meer naar ‘Veel te laat’.")
                .contains("Dit verband is matig: het geldt voor veel verhalen, maar lang niet voor alle.");
        JsonNode positive = json("""
                {'kind':'slider_by_slider','questions':['gehoord','vertrouwen'],'test':'spearman','n':900,'q':0.00001,
                 'effectSize':{'name':'spearman-rho','value':0.61}}
                """);
        assertThat(shortSentences(ObservationDrafter.draft(positive, sample)))
                .contains("meestal ook meer naar ‘Veel vertrouwen’.")
                .contains("Dit verband is sterk: het geldt voor de meeste verhalen.");
    }

    private static JsonNode sliderGroups(int lowMedian, int highMedian) throws Exception {
        return json("""
                {'kind':'slider_by_choice','questions':['gehoord','gevolg'],'test':'mann-whitney','n':100,'q':0.01,
                 'groups':[{'category':'negatief','label':'Negatief','n':50,'mean':%d,'median':%d,'tested':true},
                           {'category':'positief','label':'Positief','n':50,'mean':%d,'median':%d,'tested':true}]}
                """.formatted(lowMedian, lowMedian, highMedian, highMedian));
    }

    @Test
    void shouldWriteCorrectDutchForEveryPositionOfTheLowestAndTheHighestGroup() throws Exception {
        for (int low = 0; low <= 100; low++) {
            for (int high : new int[] {low, Math.min(100, low + 1), Math.min(100, low + 37), 100}) {
                String text = shortSentences(ObservationDrafter.draft(sliderGroups(low, high), sample));
                String lowGroup = text.substring(
                        text.indexOf("Wie bij vraag 2 ‘Negatief’"), text.indexOf("Wie bij vraag 2 ‘Positief’"));
                String highGroup = text.substring(text.indexOf("Wie bij vraag 2 ‘Positief’"));
                highGroup = highGroup.substring(0, highGroup.indexOf(" De kans"));
                String at = "low " + low + ", high " + high + ": " + text;
                assertThat(text)
                        .as(at)
                        .doesNotContain("op 0 of lager")
                        .doesNotContain("op 100 of hoger")
                        .doesNotContain("op 0 of hoger")
                        .doesNotContain("op 100 of lager");
                // the top group is never described by what lies below it, the bottom group never by what lies above
                assertThat(highGroup).as(at).doesNotContain("of lager");
                assertThat(lowGroup).as(at).doesNotContain("of hoger");
                if (low == 0) {
                    assertThat(lowGroup)
                            .as(at)
                            .contains("De helft van hen zette hem helemaal op 0, helemaal bij ‘Zeker NIET’");
                } else if (low < 100) {
                    assertThat(lowGroup).as(at).contains("De helft van hen zette hem op " + low + " of lager, ");
                }
                if (high == 100) {
                    assertThat(highGroup)
                            .as(at)
                            .contains("De helft van hen zette hem helemaal op 100, helemaal bij ‘Zeker WEL’");
                } else if (high > 0) {
                    assertThat(highGroup).as(at).contains("De helft van hen zette hem op " + high + " of hoger, ");
                }
            }
        }
    }

    @Test
    void shouldNameTheBottomMiddleAndTopPartsOfASlider() {
        assertThat(ObservationDrafter.part("laag", 0, 30)).isEqualTo("laag (0 tot en met 30)");
        assertThat(ObservationDrafter.part("midden", 31, 69)).isEqualTo("midden (31 tot en met 69)");
        assertThat(ObservationDrafter.part("hoog", 70, 100)).isEqualTo("hoog (70 of hoger)");
        assertThat(ObservationDrafter.part("hoog", 91, 100)).isEqualTo("hoog (91 of hoger)");
        assertThat(ObservationDrafter.range(0, 100)).isEqualTo("0 tot en met 100");
        assertThat(ObservationDrafter.range(100, 100)).isEqualTo("100 of hoger");
        for (int from = 0; from <= 100; from++) {
            for (int to = from; to <= 100; to++) {
                String range = ObservationDrafter.range(from, to);
                assertThat(range).doesNotContain("of lager");
                if (from > 0 && to < 100 && from < to) {
                    assertThat(range).isEqualTo(from + " tot en met " + to);
                }
            }
        }
    }

    @Test
    void shouldSayWhyGroupCountsDoNotAddUpOnlyWhenTheyDoNot() throws Exception {
        JsonNode exact = json("""
                {'kind':'slider_by_choice','questions':['gehoord','gevolg'],'test':'mann-whitney','n':100,'q':0.01,
                 'groups':[{'category':'negatief','label':'Negatief','n':40,'mean':20,'median':20,'tested':true},
                           {'category':'positief','label':'Positief','n':60,'mean':70,'median':70,'tested':true}]}
                """);
        assertThat(ObservationDrafter.draft(exact, sample).observation()).doesNotContain("afgerond");
        JsonNode rounded = json("""
                {'kind':'slider_by_choice','questions':['gehoord','gevolg'],'test':'mann-whitney','n':105,'q':0.01,
                 'groups':[{'category':'negatief','label':'Negatief','n':40,'mean':20,'median':20,'tested':true},
                           {'category':'positief','label':'Positief','n':60,'mean':70,'median':70,'tested':true}]}
                """);
        assertThat(ObservationDrafter.draft(rounded, sample).observation())
                .contains("Alle aantallen zijn afgerond op vijftallen, zodat niemand te herkennen is. Daardoor tellen"
                        + " de aantallen niet precies op tot het totaal.");
        JsonNode smallCell = json("""
                {'kind':'choice_by_choice','questions':['gevolg','soort-hulp'],'test':'chi-square','n':200,'q':0.004,
                 'table':{'rows':['negatief','positief'],'rowLabels':['Negatief','Positief'],
                          'columns':['licht','verblijf'],'columnLabels':['Lichte hulp','Verblijf'],
                          'counts':[[20,80],['<5',95]],'adjustedResiduals':[[-7.1,7.1],[7.1,-7.1]]}}
                """);
        assertThat(ObservationDrafter.draft(smallCell, sample).observation())
                .contains("Een groep van minder dan 5 verhalen staat er als ‘minder dan 5’.");
    }

    @Test
    void shouldWriteNoStatisticalTermsForAnyKind() throws Exception {
        List<JsonNode> patterns = List.of(sliderGroups(12, 90), json("""
                {'kind':'choice_by_choice','questions':['gevolg','soort-hulp'],'test':'chi-square','n':200,'q':0.2,
                 'table':{'rows':['negatief','positief'],'rowLabels':['Negatief','Positief'],
                          'columns':['licht','verblijf'],'columnLabels':['Lichte hulp','Verblijf'],
                          'counts':[[20,80],[70,30]],'adjustedResiduals':[[-7.1,7.1],[7.1,-7.1]]}}
                """), json("""
                {'kind':'slider_by_slider','questions':['gehoord','op-tijd'],'test':'spearman','n':900,'q':0.00001,
                 'effectSize':{'name':'spearman-rho','value':-0.12}}
                """));
        for (JsonNode pattern : patterns) {
            assertThat(shortSentences(ObservationDrafter.draft(pattern, sample)))
                    .doesNotContainPattern("\\b[pq] ?[=<]|Kruskal|Mann|Whitney|Spearman|ρ|ε²|[Kk]urtosis|[Ss]cheefheid|"
                            + "Benjamini|χ²|residu")
                    .doesNotContain("0,");
        }
        assertThat(ObservationDrafter.draft(patterns.get(1), sample).observation())
                .contains("is niet zo klein: ongeveer 1 op 5. Lees dit patroon daarom voorzichtig.");
    }

    @Test
    void shouldRefuseUnknownKindsAndQuestions() throws Exception {
        assertThatThrownBy(() -> ObservationDrafter.draft(
                        json("{'kind':'triad_by_triad','questions':['balans','gevolg']}"), sample))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("triad_by_triad");
        assertThatThrownBy(() -> ObservationDrafter.draft(
                        json("{'kind':'slider_by_slider','questions':['weg','gehoord']}"), sample))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'weg'");
    }

    @Test
    void shouldDescribeTheCentresOfTheTwoMostDistantGroupsOfATriadByChoicePattern() throws Exception {
        JsonNode pattern = json("""
                {'kind':'triad_by_choice','questions':['balans','gevolg'],'test':'pillai','n':410,'q':0.00001,
                 'effectSize':{'name':'partial-eta-squared','value':0.11},
                 'groups':[{'category':'zeer-negatief','label':'Zeer negatief','n':140,'meanShares':[20.2,19.8,60.0],'tested':true},
                           {'category':'neutraal','label':'Neutraal','n':135,'meanShares':[33,34,33],'tested':true},
                           {'category':'zeer-positief','label':'Zeer positief','n':135,'meanShares':[25.4,58.1,16.5],'tested':true},
                           {'category':'positief','label':'Positief','n':'<5','tested':false}]}
                """);
        ObservationDrafter.Draft draft = ObservationDrafter.draft(pattern, sample);
        assertThat(draft.title()).startsWith("Hulp, mensen of regels – ");
        assertThat(shortSentences(draft))
                .startsWith("Er zijn 410 verhalen met een antwoord op vraag 7 én vraag 2.")
                .contains(
                        "Vraag 7 is een driehoek met de hoeken ‘De hulp zelf’, ‘De mensen’ en ‘De regels en het systeem’.")
                .contains(
                        "Wie bij vraag 2 ‘Zeer negatief’ koos (140 verhalen), zette de stip het meest naar ‘De regels en"
                                + " het systeem’.")
                .contains("Hun midden ligt op 20% ‘De hulp zelf’, 20% ‘De mensen’ en 60% ‘De regels en het systeem’.")
                .contains(
                        "Wie bij vraag 2 ‘Zeer positief’ koos (135 verhalen), zette de stip het meest naar ‘De mensen’.")
                .contains("Het midden van elke groep staat in de driehoek op de kaart.")
                .contains("De groep ‘Positief’ (minder dan 5 verhalen) is te klein om te vergelijken en telt niet mee.")
                .endsWith("Daarbij is meegeteld dat er veel vragen met elkaar zijn vergeleken.")
                .doesNotContain("Pillai")
                .doesNotContain("MANOVA");
    }

    @Test
    void shouldNameTheZoneOfATriadInPlainWords() throws Exception {
        JsonNode pattern = json("""
                {'kind':'choice_by_choice','questions':['gevolg','balans:zone'],'test':'chi-square','n':200,'q':0.004,
                 'effectSize':{'name':'cramers-v','value':0.3},
                 'table':{'rows':['negatief','positief'],'rowLabels':['Negatief','Positief'],
                          'columns':['corner-c','corner-b'],'columnLabels':['Vooral de regels en het systeem','Vooral de mensen'],
                          'counts':[[80,20],[30,70]],'adjustedResiduals':[[7.1,-7.1],[-7.1,7.1]]}}
                """);
        assertThat(shortSentences(ObservationDrafter.draft(pattern, sample)))
                // with both labels the first sentence would be too long: the questions by their numbers
                .startsWith("Er zijn 200 verhalen met een antwoord op vraag 2 én vraag 7.")
                .contains(
                        "Kijk naar wie bij vraag 2 ‘Negatief’ koos (100 verhalen). Van hen zette 80% bij vraag 7 de stip"
                                + " in ‘Vooral de regels en het systeem’. Van alle verhalen samen is dat 55%.");
    }
}
