package nl.vertelpunt.card.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.model.GsubData;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;

/** The font as PDFBox gets it for the page text. */
class LiberationSansTest {

    @Test
    void shouldHideGlyphSubstitutionFromPdfBoxAndKeepTheRestOfTheFont() throws IOException {
        byte[] original;
        try (InputStream in =
                getClass().getClassLoader().getResourceAsStream("liberation/LiberationSans-Regular.ttf")) {
            original = in.readAllBytes();
        }

        TrueTypeFont before = new TTFParser().parse(new RandomAccessReadBuffer(original));
        TrueTypeFont after =
                new TTFParser().parse(new RandomAccessReadBuffer(LiberationSans.withoutGlyphSubstitution(original)));

        assertThat(before.getGsubData()).isNotSameAs(GsubData.NO_DATA_FOUND);
        assertThat(after.getGsubData()).isSameAs(GsubData.NO_DATA_FOUND);
        assertThat(after.getNumberOfGlyphs()).isEqualTo(before.getNumberOfGlyphs());
        assertThat(after.getUnicodeCmapLookup().getGlyphId('ĳ'))
                .isEqualTo(before.getUnicodeCmapLookup().getGlyphId('ĳ'));
        assertThat(after.getAdvanceWidth(after.getUnicodeCmapLookup().getGlyphId('é')))
                .isEqualTo(before.getAdvanceWidth(before.getUnicodeCmapLookup().getGlyphId('é')));
    }
}
