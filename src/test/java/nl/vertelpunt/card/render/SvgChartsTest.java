package nl.vertelpunt.card.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The charts as SVG documents: plain JUnit, no container. */
class SvgChartsTest {

    static Stream<CardDocument> cards() {
        return CardFixtures.everyKind().stream();
    }

    @ParameterizedTest
    @MethodSource("cards")
    void shouldBeWellFormedSvgWithTitleDescriptionAndViewBox(CardDocument card) throws Exception {
        Document svg = parse(SvgCharts.chart(card));

        Element root = svg.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("viewBox")).matches("0 0 640 \\d+(\\.\\d+)?");
        assertThat(root.getAttribute("font-family")).startsWith("'Liberation Sans'");
        assertThat(text(svg, "title")).isNotBlank();
        assertThat(text(svg, "desc")).hasSizeGreaterThan(80);
        assertThat(root.getAttribute("aria-labelledby")).contains("kaart-" + SvgCharts.safeId(card.id()) + "-titel");
    }

    @ParameterizedTest
    @MethodSource("cards")
    void shouldGiveTheSameBytesForTheSameInput(CardDocument card) {
        CardDocument copy = new CardDocument(
                card.id(),
                card.number(),
                card.version(),
                card.storyPointTitle(),
                card.title(),
                card.observation(),
                card.interpretations(),
                card.questions(),
                card.pattern().deepCopy(),
                card.stories(),
                card.provenance());

        assertThat(SvgCharts.chart(copy)).isEqualTo(SvgCharts.chart(card));
    }

    @Test
    void shouldLabelEveryGroupWithItsNAndMarkTheMedian() throws Exception {
        Document svg = parse(SvgCharts.chart(CardFixtures.heardByConsequence()));

        List<String> texts = texts(svg);
        assertThat(texts).contains("Zeer negatief", "Negatief", "Neutraal", "Positief", "Zeer positief");
        assertThat(texts).contains("n = 45", "n = 30", "n = <5", "n = 60", "n = 50");
        assertThat(texts).contains("mediaan 10,0", "mediaan 95,0");
        assertThat(texts).contains("← Zeker NIET", "Zeker WEL →");
        assertThat(text(svg, "desc")).contains("Neutraal: minder dan 5 verhalen, niet getekend.");
    }

    @Test
    void shouldDrawAGroupWithASuppressedCountAsALabelledEmptyRow() throws Exception {
        Document svg = parse(SvgCharts.chart(CardFixtures.heardByConsequence()));

        assertThat(texts(svg)).contains("minder dan 5 verhalen");
        // five groups: four drawn with a median marker, the "<5" group without one
        assertThat(texts(svg).stream().filter(t -> t.startsWith("mediaan ")).count())
                .isEqualTo(4);
    }

    @Test
    void shouldNeverPlotASuppressedBinAsABar() throws Exception {
        ObjectNode pattern =
                (ObjectNode) CardFixtures.heardByConsequence().pattern().deepCopy();
        // one group, every bin suppressed but one
        ObjectNode only = (ObjectNode) pattern.path("groups").get(0);
        ArrayNode bins = only.putArray("bins");
        for (int b = 0; b < 10; b++) {
            if (b == 4) {
                bins.add(20);
            } else {
                bins.add("<5");
            }
        }
        pattern.putArray("groups").add(only);

        Document svg = parse(
                SvgCharts.chart("x", pattern, CardFixtures.heardByConsequence().questions()));

        List<Element> bars = new ArrayList<>();
        NodeList rects = svg.getElementsByTagName("rect");
        for (int i = 0; i < rects.getLength(); i++) {
            Element r = (Element) rects.item(i);
            if ("#a6a6a6".equals(r.getAttribute("fill"))) {
                bars.add(r);
            }
        }
        assertThat(bars).hasSize(1);
        assertThat(texts(svg).stream().filter("<5"::equals).count()).isEqualTo(9);
    }

    @Test
    void shouldEscapeMarkupInLabelsAndKeepTheTextIntact() throws Exception {
        String raw = SvgCharts.chart(CardFixtures.onTimeByRole());

        assertThat(raw).contains("Jongere &lt;18 &amp; &quot;pleegzorg&quot;&gt;");
        assertThat(raw).doesNotContain("<18");
        assertThat(texts(parse(raw))).contains(CardFixtures.MARKUP_LABEL);
    }

    @Test
    void shouldEscapeMarkupInTableLabels() throws Exception {
        String raw = SvgCharts.chart(CardFixtures.consequenceByKindOfHelp());

        assertThat(raw).contains("Pleegzorg &lt;of&gt; verblijf &amp; meer");
        assertThat(texts(parse(raw))).contains("Pleegzorg <of> verblijf & meer");
    }

    @Test
    void shouldMarkCellsWithLargeResidualsAndLeaveSuppressedCellsOut() throws Exception {
        Document svg = parse(SvgCharts.chart(CardFixtures.consequenceByKindOfHelp()));

        List<String> texts = texts(svg);
        // five residuals beyond ±2 in the fixture; the one of a "<5" cell has no segment to mark
        long up = texts.stream().filter(t -> t.contains("▲")).count() - 1; // minus the explanation line
        long down = texts.stream().filter(t -> t.contains("▼")).count() - 1;
        assertThat(up).isEqualTo(2);
        assertThat(down).isEqualTo(2);
        assertThat(outlines(svg)).isEqualTo(4);
        assertThat(texts)
                .anyMatch(
                        t -> t.startsWith("Niet getekend, minder dan 5 verhalen: Pleegzorg <of> verblijf & meer (<5)"));
        assertThat(texts)
                .contains("Lichte hulp, zoals opvoedadvies", "Jeugdbescherming", "Zeer negatief", "Zeer positief");
        assertThat(text(svg, "desc")).contains("Jeugdbescherming 40% (meer dan verwacht)");
    }

    @Test
    void shouldDrawTheHeatMapWithHowTheSlidersGoTogetherInWordsAndHatchSuppressedCellsWithoutNumbers()
            throws Exception {
        String raw = SvgCharts.chart(CardFixtures.heardByTrust());
        Document svg = parse(raw);

        List<String> texts = texts(svg);
        assertThat(texts).contains("240 verhalen · samen omhoog (sterk verband)");
        assertThat(raw).doesNotContain("ρ").doesNotContain("Spearman");
        assertThat(texts).contains("← Zeker NIET", "Zeker WEL →", "minder dan 5", "Aantal verhalen");
        assertThat(texts).doesNotContain("<5");
        assertThat(text(svg, "title")).contains("samen omhoog (sterk verband)");
        // 100 cells, the frame, and the legend: 30, 15 and 5 stories, 0, fewer than 5
        assertThat(svg.getElementsByTagName("rect").getLength()).isEqualTo(100 + 1 + 5);
        assertThat(texts).contains("30", "15", "5", "0");
        // the hatching of the "<5" cells and of the legend swatch
        assertThat(svg.getElementsByTagName("path").getLength()).isEqualTo(2);
    }

    @Test
    void shouldDropCharactersThatXmlForbids() throws Exception {
        ObjectNode pattern = (ObjectNode) CardFixtures.onTimeByRole().pattern().deepCopy();
        ((ObjectNode) pattern.path("groups").get(0)).put("label", "Ouder\u0000\u000b of \ud800verzorger\n");

        String raw = SvgCharts.chart("x", pattern, CardFixtures.onTimeByRole().questions());

        assertThat(texts(parse(raw))).contains("Ouder of verzorger");
    }

    @Test
    void shouldDrawAMessageWhenThePatternHasNothingToDraw() throws Exception {
        Document svg = parse(SvgCharts.chart("leeg", JsonNodeFactory.instance.objectNode(), List.of()));

        assertThat(texts(svg)).contains("Dit patroon heeft geen verdeling om te tekenen.");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static String text(Document svg, String element) {
        NodeList nodes = svg.getElementsByTagName(element);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent();
    }

    private static List<String> texts(Document svg) {
        List<String> out = new ArrayList<>();
        NodeList nodes = svg.getElementsByTagName("text");
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    private static int outlines(Document svg) {
        int count = 0;
        NodeList rects = svg.getElementsByTagName("rect");
        for (int i = 0; i < rects.getLength(); i++) {
            Element r = (Element) rects.item(i);
            if ("none".equals(r.getAttribute("fill")) && "2".equals(r.getAttribute("stroke-width"))) {
                count++;
            }
        }
        return count;
    }

    @Test
    void shouldDrawATernaryPlotWithZoneLinesCornerLabelsAndEveryGroupsCentreMarked() throws Exception {
        CardDocument card = CardFixtures.balanceByPhase();
        String svg = SvgCharts.chart(card);
        // the three corners by their labels, the groups by number and name, the small group named as too small
        assertThat(svg)
                .contains(">De hulp zelf<")
                .contains(">De mensen<")
                .contains("De regels en het systeem")
                .contains("1 Eerste hulp (140)")
                .contains("3 Afsluiting (135)")
                .contains("Te klein: Anders")
                .contains("stroke-dasharray=\"4 3\"")
                .contains("minder dan 5");
        // every group's centre in words in the description, for those who cannot see the chart
        assertThat(svg).contains("Groep 1, Eerste hulp (140 verhalen): midden op 52% ‘De hulp zelf’");
        // 100 cells of the grid, a suppressed count never shown as a number
        assertThat(svg.split("<path d=\"M", -1).length - 1).isGreaterThanOrEqualTo(100);
        assertThat(svg).doesNotContain(">&lt;5<");
    }
}
