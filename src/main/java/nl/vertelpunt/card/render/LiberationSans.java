package nl.vertelpunt.card.render;

import com.openhtmltopdf.css.sheet.FontFaceRule;
import com.openhtmltopdf.layout.SharedContext;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.svgsupport.OpenHtmlGvtFont;
import com.openhtmltopdf.svgsupport.PDFTranscoder.OpenHtmlFontResolver;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.TextAttribute;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.AttributedCharacterIterator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.batik.bridge.FontFace;
import org.apache.batik.gvt.font.GVTFont;
import org.apache.batik.gvt.font.GVTFontFace;
import org.apache.batik.gvt.font.GVTFontFamily;

/**
 * Liberation Sans (SIL Open Font License 1.1; metrics of Arial), read once from the classpath
 * ({@code liberation/LiberationSans-*.ttf} in {@code com.github.librepdf:openpdf-fonts-extra}), for the text of
 * the PDF and of the charts in it. No system font is ever looked up.
 *
 * <p>The page text gets the four faces through {@link #register}; PDFBox embeds the glyphs used (subsets). The
 * charts are drawn by Batik, which in openhtmltopdf 1.1.31 takes fonts only as files and then picks a face by an
 * exact match of weight and posture that never matches (so any face, at 1 px when the size is 12), and draws every
 * glyph as an outline (about 150 bytes each in the PDF). The {@link #svgDrawer() SVG drawer} therefore brings its
 * own font family: it picks the face by weight and posture, scales it to the asked size, and draws each run of
 * text as text ({@link TextGlyphVector}), in the same embedded faces as the page.
 */
final class LiberationSans {

    /** The font family name used in the CSS and the SVG. */
    static final String FAMILY = "Liberation Sans";

    /** The four faces, in the order bold × italic (0 regular, 1 bold, 2 italic, 3 bold italic). */
    private static final String[] FILES = {"Regular", "Bold", "Italic", "BoldItalic"};

    private static final byte[][] FACES = new byte[FILES.length][];

    static {
        for (int i = 0; i < FILES.length; i++) {
            String path = "liberation/LiberationSans-" + FILES[i] + ".ttf";
            try (InputStream in = LiberationSans.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException(
                            path + " is not on the classpath (com.github.librepdf:openpdf-fonts-extra)");
                }
                FACES[i] = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + path, e);
            }
        }
    }

    private LiberationSans() {}

    /** The faces as PDFBox gets them for the page text: without glyph substitution. */
    private static final byte[][] PAGE_FACES = new byte[FACES.length][];

    static {
        for (int i = 0; i < FACES.length; i++) {
            PAGE_FACES[i] = withoutGlyphSubstitution(FACES[i]);
        }
    }

    /** Registers the four faces for the page text. */
    static void register(PdfRendererBuilder builder) {
        for (int i = 0; i < PAGE_FACES.length; i++) {
            byte[] face = PAGE_FACES[i];
            builder.useFont(
                    () -> new ByteArrayInputStream(face),
                    FAMILY,
                    (i & 1) != 0 ? 700 : 400,
                    (i & 2) != 0 ? FontStyle.ITALIC : FontStyle.NORMAL,
                    true,
                    EnumSet.of(FSFontUseCase.DOCUMENT));
        }
    }

    /**
     * The font with its GSUB table hidden (the tag in the table directory renamed, so PDFBox sees an unknown table and
     * leaves it out of the embedded subset). Liberation Sans's GSUB holds only 'ccmp', which composes letters and
     * accents; all card text is NFC-normalised ({@link Text#clean}), so nothing is lost. With the table, PDFBox 3.0.3
     * builds and compiles a regular expression from its 140 sequences for every piece of text it writes, which took
     * most of the time of a deck.
     */
    static byte[] withoutGlyphSubstitution(byte[] font) {
        byte[] out = font.clone();
        int tables = (out[4] & 0xff) << 8 | out[5] & 0xff;
        for (int i = 0; i < tables; i++) {
            int at = 12 + 16 * i;
            if (out[at] == 'G' && out[at + 1] == 'S' && out[at + 2] == 'U' && out[at + 3] == 'B') {
                out[at] = 'g';
                out[at + 1] = 's';
                out[at + 2] = 'u';
                out[at + 3] = 'b';
            }
        }
        return out;
    }

    /** A secure SVG drawer (no scripts, no external resources) that sets every chart text in Liberation Sans. */
    static BatikSVGDrawer svgDrawer() {
        return new Drawer();
    }

    /** Batik's drawer with our font family instead of the one built from the document's @font-face rules. */
    private static final class Drawer extends BatikSVGDrawer {
        Drawer() {
            fontResolver = new Resolver();
        }

        @Override
        public void importFontFaceRules(List<FontFaceRule> fontFaces, SharedContext shared) {
            fontResolver = new Resolver();
        }
    }

    /** Every family name resolves to Liberation Sans: the charts name only sans-serif families. */
    private static final class Resolver extends OpenHtmlFontResolver {
        @Override
        public GVTFontFamily resolve(String family) {
            return Family.INSTANCE;
        }

        @Override
        public GVTFontFamily resolve(String family, FontFace fontFace) {
            return Family.INSTANCE;
        }

        @Override
        public GVTFontFamily getDefault() {
            return Family.INSTANCE;
        }

        @Override
        public GVTFontFamily getFamilyThatCanDisplay(char c) {
            return Family.INSTANCE;
        }
    }

    /** The four faces for Batik, made once (AWT fonts are immutable and safe to share between threads). */
    private static final class Family implements GVTFontFamily {
        static final Family INSTANCE = new Family();

        /** Glyph metrics and outlines, at size 1. */
        private final GVTFont[] outlines = new GVTFont[FACES.length];
        /** The same faces as AWT fonts whose style says bold and italic, so the PDF side finds the embedded face. */
        private final Font[] faces = new Font[FACES.length];

        private Family() {
            for (int i = 0; i < FACES.length; i++) {
                try {
                    outlines[i] = new OpenHtmlGvtFont(FACES[i], this, 1f, null, null);
                    faces[i] = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(FACES[i]))
                            .deriveFont(((i & 1) != 0 ? Font.BOLD : 0) | ((i & 2) != 0 ? Font.ITALIC : 0), 1f);
                } catch (FontFormatException | IOException e) {
                    throw new IllegalStateException(
                            "Liberation Sans " + FILES[i] + " is not a usable TrueType font", e);
                }
            }
        }

        @Override
        public String getFamilyName() {
            return FAMILY;
        }

        @Override
        public GVTFontFace getFontFace() {
            return new GVTFontFace(FAMILY);
        }

        @Override
        public GVTFont deriveFont(float size, AttributedCharacterIterator text) {
            return deriveFont(size, text.getAttributes());
        }

        @Override
        @SuppressWarnings("rawtypes")
        public GVTFont deriveFont(float size, Map attributes) {
            boolean bold = attributes.get(TextAttribute.WEIGHT) instanceof Float weight
                    && weight >= TextAttribute.WEIGHT_SEMIBOLD;
            boolean italic = attributes.get(TextAttribute.POSTURE) instanceof Float posture && posture > 0;
            int face = (bold ? 1 : 0) + (italic ? 2 : 0);
            return new TextFont(outlines[face].deriveFont(size), faces[face].deriveFont(size));
        }

        @Override
        public boolean isComplex() {
            return false;
        }
    }
}
