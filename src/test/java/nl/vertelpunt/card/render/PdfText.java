package nl.vertelpunt.card.render;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The text of a PDF page as PDFBox reads it, with the printed size of every glyph, for tests that check that a text
 * is on a page and how large it is printed. A page is read three ways: in the order it was drawn, and each half of
 * the page (left, right) line by line, because a text in one of two columns may be drawn interleaved with its
 * neighbour (a marked quote is drawn apart from the rest of its line). Whitespace is left out, so line breaks do
 * not matter.
 */
public final class PdfText {

    /** The glyphs of one reading, whitespace left out, and the size of each in points. */
    private record Reading(String glyphs, List<Float> sizes) {}

    private final List<Reading> readings;

    private PdfText(List<Reading> readings) {
        this.readings = readings;
    }

    /** Reads page {@code page} (from 1). */
    public static PdfText of(PDDocument document, int page) throws IOException {
        float width = document.getPage(page - 1).getMediaBox().getWidth();
        return new PdfText(List.of(
                read(document, page, false, 0, width),
                read(document, page, true, 0, width / 2),
                read(document, page, true, width / 2, width)));
    }

    /** Whether the text is on the page (whitespace aside). */
    public boolean contains(String text) {
        return smallestSize(text).isPresent();
    }

    /**
     * The smallest printed size (pt: the font size times the scale it is drawn at) of the glyphs of {@code text}
     * where it first occurs on the page, or empty when it is not on the page.
     */
    public Optional<Float> smallestSize(String text) {
        String wanted = text.replaceAll("\\s+", "");
        for (Reading reading : readings) {
            int at = reading.glyphs().indexOf(wanted);
            if (at >= 0) {
                float smallest = Float.MAX_VALUE;
                for (int i = at; i < at + wanted.length(); i++) {
                    smallest = Math.min(smallest, reading.sizes().get(i));
                }
                return Optional.of(smallest);
            }
        }
        return Optional.empty();
    }

    private static Reading read(PDDocument document, int page, boolean byPosition, float fromX, float toX)
            throws IOException {
        StringBuilder glyphs = new StringBuilder();
        List<Float> sizes = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                if (text.getXDirAdj() >= fromX && text.getXDirAdj() < toX) {
                    super.processTextPosition(text);
                }
            }

            @Override
            protected void writeString(String string, List<TextPosition> positions) {
                for (TextPosition p : positions) {
                    for (char c : p.getUnicode().toCharArray()) {
                        if (!Character.isWhitespace(c)) {
                            glyphs.append(c);
                            sizes.add(p.getTextMatrix().getScalingFactorY());
                        }
                    }
                }
            }
        };
        stripper.setSortByPosition(byPosition);
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.getText(document);
        return new Reading(glyphs.toString(), sizes);
    }
}
