package nl.vertelpunt.card.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The deck through the checked Qute template, as HTML and as PDF. A {@code @QuarkusTest} because a
 * {@code @CheckedTemplate} exists only in a built application; the deck is rendered once and read by every test.
 * The HTML and the PDF are left in {@code target/cards/} for a look.
 */
@QuarkusTest
class CardRendererTest {

    private static final List<CardDocument> CARDS = CardFixtures.everyKind();
    private static String html;
    private static byte[] pdf;

    @Inject
    CardRenderer renderer;

    @Test
    void shouldShowEveryCardsTextsInTheHtml() {
        String page = html();

        for (CardDocument card : CARDS) {
            assertThat(page).contains(escaped(card.title()), escaped(card.observation()));
            card.interpretations().stream()
                    .filter(i -> !i.isBlank())
                    .forEach(i -> assertThat(page).contains(escaped(i)));
            card.stories().forEach(s -> assertThat(page).contains(escaped(s.id())));
        }
        assertThat(count(page, CardDocument.DISCLAIMER)).isEqualTo(CARDS.size());
        assertThat(count(page, "<article class=\"kaart\"")).isEqualTo(CARDS.size());
        assertThat(count(page, "<svg xmlns=\"http://www.w3.org/2000/svg\"")).isEqualTo(CARDS.size());
    }

    @Test
    void shouldEscapeMarkupFromLabelsAndStories() {
        String page = html();

        assertThat(page).contains("Jongere &lt;18 &amp; &quot;pleegzorg&quot;&gt;");
        assertThat(page).contains("snel &amp; goed &lt;3");
        assertThat(page).doesNotContain("<18", "<3", "<of>");
    }

    @Test
    void shouldBeWellFormedXhtmlSoThePdfRendererCanReadIt() throws Exception {
        Document document = SvgChartsTest.parse(html().replaceFirst("<!DOCTYPE html>", ""));

        assertThat(document.getDocumentElement().getAttribute("lang")).isEqualTo("nl");
        assertThat(document.getElementsByTagName("mark").getLength()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void shouldMarkTheQuoteInTheExcerptAndShowTheQuestions() {
        String page = html();

        assertThat(page)
                .contains(
                        "<mark>“Ik ga niets beslissen zonder jullie.” Dat was voor het eerst in een jaar dat ik me gehoord voelde.</mark>");
        assertThat(page)
                .contains(
                        "De slider ‘Gehoord voelen’ (vraag 12) in combinatie met ‘Dit was voor het kind of gezin …’ (vraag 2).");
        assertThat(page)
                .contains(
                        "Kruskal–Wallis H",
                        "H = 41,39",
                        "&lt;\u00a00,001",
                        "ε² = 0,21",
                        "Cramérs V = 0,19",
                        "Spearman ρ = 0,64");
        assertThat(page).contains("Neutraal <span class=\"rest\">niet getoetst</span>");
        assertThat(page).contains("(ingekort)");
    }

    @Test
    void shouldPutEachCardOnItsOwnA4Page() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf())) {
            assertThat(document.getNumberOfPages()).isEqualTo(CARDS.size());
            for (PDPage page : document.getPages()) {
                assertThat(page.getMediaBox().getWidth()).isCloseTo(PDRectangle.A4.getWidth(), within(1f));
                assertThat(page.getMediaBox().getHeight()).isCloseTo(PDRectangle.A4.getHeight(), within(1f));
            }
        }
    }

    @Test
    void shouldPrintEveryCardsTextsOnItsPage() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf())) {
            for (int i = 0; i < CARDS.size(); i++) {
                CardDocument card = CARDS.get(i);
                String text = pageText(document, i + 1);
                assertThat(text).contains(flat(card.title()), flat(card.observation()), flat(CardDocument.DISCLAIMER));
                card.interpretations().stream()
                        .filter(s -> !s.isBlank())
                        .forEach(s -> assertThat(text).contains(flat(s)));
                card.stories().forEach(s -> assertThat(text).contains(s.id()));
            }
        }
    }

    @Test
    void shouldPrintDutchCharactersAndTypographicQuotes() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf())) {
            String text = flat(new PDFTextStripper().getText(document));

            assertThat(text)
                    .contains(
                            "één",
                            "écht",
                            "naïef",
                            "€25",
                            "ĳzeren",
                            "“Ik ga niets beslissen zonder jullie.”",
                            "‘zeker niet’",
                            "minder dan 1 op 1.000",
                            "▲");
        }
    }

    @Test
    void shouldEmbedEveryFont() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf())) {
            List<String> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                collectFonts(page.getResources(), fonts, 0);
            }
            assertThat(fonts).isNotEmpty().allSatisfy(f -> assertThat(f).endsWith(" embedded"));
            assertThat(fonts).allSatisfy(f -> assertThat(f).contains("LiberationSans"));
        }
    }

    @Test
    void shouldSetChartLabelsAsRealTextInTheEmbeddedFont() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf())) {
            assertThat(pageText(document, 1))
                    .contains(
                            "Zeer negatief",
                            "n = 45",
                            "mediaan 10,0",
                            "minder dan 5 verhalen",
                            "← Zeker NIET",
                            "Zeker WEL →");
            assertThat(pageText(document, 2)).contains("Jongere <18 & \"pleegzorg\">");
            assertThat(pageText(document, 3))
                    .contains("40% ▲", "Lichte hulp, zoals opvoedadvies", "Pleegzorg <of> verblijf & meer");
            assertThat(pageText(document, 4))
                    .contains("240 verhalen · samen omhoog (sterk verband)", "Aantal verhalen", "minder dan 5");
        }
    }

    @Test
    void shouldDrawChartsAsVectorsWithoutImages() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf())) {
            for (PDPage page : document.getPages()) {
                int[] formsAndImages = new int[2];
                countXObjects(page.getResources(), formsAndImages, 0);
                assertThat(formsAndImages[0]).as("charts as form XObjects").isPositive();
                assertThat(formsAndImages[1]).as("raster images").isZero();
            }
        }
    }

    @Test
    void shouldWrapLongExcerptsInsideThePage() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf())) {
            float width = document.getPage(0).getMediaBox().getWidth();
            float[] rightmost = {0};
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    for (TextPosition p : positions) {
                        rightmost[0] = Math.max(rightmost[0], p.getXDirAdj() + p.getWidthDirAdj());
                    }
                    super.writeString(text, positions);
                }
            };
            String text = stripper.getText(document);

            assertThat(flat(text).replace(" ", "")).contains(CardFixtures.LONG_WORD);
            // right margin 12 mm = 34 pt
            assertThat(rightmost[0]).isLessThanOrEqualTo(width - 34 + 1);
        }
    }

    @Test
    void shouldPrintAMaximalCardOnOnePageWithAllItsTextsAtSevenPointOrMore() throws IOException {
        CardDocument card = CardFixtures.maximal("vol");

        try (PDDocument document = Loader.loadPDF(renderer.pdf(List.of(card)))) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertEveryTextOnItsPage(document, List.of(card));
        }
    }

    @Test
    void shouldUseTheFreeSpaceOfAPrintedCardForAnExcerptOfEveryTypicalStory() throws IOException {
        CardDocument base = CardFixtures.heardByConsequence();
        List<CardDocument.TypicalStory> stories = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            stories.add(new CardDocument.TypicalStory(
                    "V" + i, "Ouder", CardFixtures.dutch(700, i, "Begin van verhaal " + i + "."), null));
        }
        CardDocument card = new CardDocument(
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
                base.provenance());

        try (PDDocument document = Loader.loadPDF(renderer.pdf(List.of(card)))) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            String text = flat(pageText(document, 1));
            for (int i = 1; i <= 8; i++) {
                // an excerpt, not only the story's id
                assertThat(text).as("story " + i).contains("Begin van verhaal " + i + ".");
            }
            assertThat(text).doesNotContain("Meer typerende ervaringen");
        }
    }

    @Test
    void shouldPrintADeckOfMaximalAndShortCardsOneCardPerPageAndSetOnlyTheFullOnesDenser() throws IOException {
        List<CardDocument> deck = List.of(
                CardFixtures.heardByConsequence(),
                CardFixtures.maximal("vol-1"),
                CardFixtures.onTimeByRole(),
                CardFixtures.maximal("vol-2"),
                CardFixtures.consequenceByKindOfHelp());
        byte[] bytes = renderer.pdf(deck);
        write("deck-vol.pdf", bytes);

        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(document.getNumberOfPages()).isEqualTo(deck.size());
            assertEveryTextOnItsPage(document, deck);
            // a short card keeps its normal size next to a full one: its observation in 9.5 pt (8.5 pt × 1.118)
            assertThat(smallestSize(document, 1, deck.get(0).observation())).isGreaterThan(9.4f);
            assertThat(smallestSize(document, 3, deck.get(2).observation())).isGreaterThan(9.4f);
            assertThat(smallestSize(document, 2, deck.get(1).observation())).isLessThan(9.4f);
        }
    }

    /**
     * Each card's page holds its title, observation, both interpretations, every story id and quote and the
     * disclaimer, none of them set below 7 pt; no other page holds its observation.
     */
    private static void assertEveryTextOnItsPage(PDDocument document, List<CardDocument> deck) throws IOException {
        for (int i = 0; i < deck.size(); i++) {
            CardDocument card = deck.get(i);
            int page = i + 1;
            assertThat(card.stories()).as("card " + card.id()).isNotEmpty();
            List<String> texts = new ArrayList<>(List.of(card.title(), card.observation()));
            card.interpretations().stream().filter(t -> !t.isBlank()).forEach(texts::add);
            for (CardDocument.TypicalStory story : card.stories()) {
                texts.add(story.id());
                if (story.quote() != null) {
                    texts.add(story.quote());
                }
            }
            texts.add(CardDocument.DISCLAIMER);
            PdfText text = PdfText.of(document, page);
            for (String expected : texts) {
                assertThat(text.smallestSize(expected))
                        .as("\"" + expected + "\" on page " + page)
                        .isPresent()
                        .hasValueSatisfying(size -> assertThat(size)
                                .as("size of \"" + expected + "\"")
                                .isGreaterThanOrEqualTo(6.95f));
            }
            for (int other = 1; other <= deck.size(); other++) {
                if (other != page) {
                    assertThat(PdfText.of(document, other).contains(card.observation()))
                            .as("observation of page " + page + " on page " + other)
                            .isFalse();
                }
            }
        }
    }

    private static float smallestSize(PDDocument document, int page, String text) throws IOException {
        return PdfText.of(document, page).smallestSize(text).orElseThrow();
    }

    /** What a person without a statistics background should not have to read on a printed card. */
    static final Pattern JARGON = Pattern.compile(
            "\\b[pq] ?[=<≤]|Kruskal|\\bMann\\b|Whitney|Spearman|ρ|ε²|[Kk]urtosis|[Ss]cheefheid|Benjamini|χ²|residu");

    static final Pattern UUID_SHAPED =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Test
    void shouldPrintNoStatisticalTermsIdsOrSettingsButTheCardsNumberAndAReadableProvenance() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf())) {
            for (int i = 0; i < CARDS.size(); i++) {
                String text = pageText(document, i + 1);
                assertThat(JARGON.matcher(text).results().map(m -> m.group()).toList())
                        .as("statistical terms on page " + (i + 1))
                        .isEmpty();
                assertThat(UUID_SHAPED.matcher(text).find())
                        .as("a UUID on page " + (i + 1))
                        .isFalse();
                assertThat(text)
                        .doesNotContain(CardFixtures.provenance().fingerprint().substring(0, 12))
                        .doesNotContain("minGroupSize")
                        .doesNotContain("slider_by")
                        .doesNotContain("choice_by")
                        .doesNotContain("{\"")
                        .contains("Kaart 7 · versie")
                        .contains("Patroonevaluatie van 20 november 2026, 812 verhalen, standaardinstellingen");
            }
        }
    }

    @Test
    void shouldCarryTheFullProvenanceAndStatisticsInThePdfsMetadata() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf())) {
            PDDocumentInformation info = document.getDocumentInformation();
            String card = info.getCustomMetadataValue("Kaart 7");
            assertThat(card)
                    .contains("kaart " + CARDS.get(0).id())
                    .contains("patroonevaluatie 7f3c2a9e-58b1-4c0d-9e61-2b5d8f0a4c17")
                    .contains("vingerafdruk (SHA-256) "
                            + CardFixtures.provenance().fingerprint())
                    .contains("\"minGroupSize\":5")
                    .contains("patroon slider_by_choice|gehoord|gevolg")
                    .contains("Kruskal–Wallis H");
            assertThat(info.getCustomMetadataValue("Kaart 7 (" + CARDS.size() + ")"))
                    .isNotBlank();
            String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp)
                    .contains("<vp:naam>Kaart 7</vp:naam>")
                    .contains("7f3c2a9e-58b1-4c0d-9e61-2b5d8f0a4c17")
                    .contains(CardFixtures.provenance().fingerprint());
        }
    }

    @Test
    void shouldShowTheStatisticsOnScreenOnlyBehindADisclosureAndNoIdsAtAll() {
        String page = html();

        assertThat(count(page, "<summary>Voor wie de cijfers wil zien</summary>"))
                .isEqualTo(CARDS.size());
        String outside = page.replaceAll("(?s)<details class=\"cijfers-detail\">.*?</details>", "")
                .replaceAll("(?s)<svg .*?</svg>", "")
                .replaceAll("(?s)<style>.*?</style>", "");
        assertThat(JARGON.matcher(outside.replaceAll("<[^>]*>", " "))
                        .results()
                        .map(m -> m.group())
                        .toList())
                .isEmpty();
        assertThat(page)
                .doesNotContain("7f3c2a9e-58b1-4c0d-9e61-2b5d8f0a4c17")
                .doesNotContain(CardFixtures.provenance().fingerprint().substring(0, 12))
                .doesNotContain("<meta name=\"Kaart");
    }

    @Test
    void shouldGiveAContentSecurityPolicyThatAllowsOnlyTheDecksOwnStyle() throws Exception {
        String page = html();
        String style = page.substring(page.indexOf("<style>") + 7, page.indexOf("</style>"));
        String hash = Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8)));

        String policy = CardRenderer.contentSecurityPolicy(page);

        assertThat(policy).startsWith("default-src 'none'; style-src 'sha256-" + hash + "';");
        assertThat(policy).doesNotContain("unsafe", "script-src");
        assertThat(page).doesNotContain("<script", " style=\"", "<link");
    }

    @Test
    void shouldRefuseAnEmptyDeck() {
        assertThatThrownBy(() -> renderer.html(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private String html() {
        if (html == null) {
            html = renderer.html(CARDS);
            write("deck.html", html.getBytes(StandardCharsets.UTF_8));
        }
        return html;
    }

    private byte[] pdf() {
        if (pdf == null) {
            pdf = renderer.pdf(CARDS);
            write("deck.pdf", pdf);
        }
        return pdf;
    }

    private static void write(String name, byte[] content) {
        try {
            Path folder = Path.of("target", "cards");
            Files.createDirectories(folder);
            Files.write(folder.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pageText(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return flat(stripper.getText(document));
    }

    /** Whitespace (line breaks of the PDF layout included) as single spaces. */
    private static String flat(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    private static void collectFonts(PDResources resources, List<String> out, int depth) throws IOException {
        if (resources == null || depth > 8) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            PDFont font = resources.getFont(name);
            out.add(font.getName() + (font.isEmbedded() ? " embedded" : " NOT embedded"));
        }
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDFormXObject form) {
                collectFonts(form.getResources(), out, depth + 1);
            }
        }
    }

    private static void countXObjects(PDResources resources, int[] formsAndImages, int depth) throws IOException {
        if (resources == null || depth > 8) {
            return;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDFormXObject form) {
                formsAndImages[0]++;
                countXObjects(form.getResources(), formsAndImages, depth + 1);
            } else if (x instanceof PDImageXObject) {
                formsAndImages[1]++;
            }
        }
    }
}
