package nl.vertelpunt.card.render;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.text.CharacterIterator;
import org.apache.batik.gvt.font.GVTFont;
import org.apache.batik.gvt.font.GVTGlyphVector;
import org.apache.batik.gvt.font.GVTLineMetrics;

/**
 * A chart font for Batik whose glyph vectors draw themselves as text ({@link TextGlyphVector}); everything else
 * (metrics, layout, outlines for bounds) comes from openhtmltopdf's font at the same size.
 */
final class TextFont implements GVTFont {

    private final GVTFont outlines;
    private final Font face;

    TextFont(GVTFont outlines, Font face) {
        this.outlines = outlines;
        this.face = face;
    }

    @Override
    public GVTGlyphVector createGlyphVector(FontRenderContext frc, char[] chars) {
        return new TextGlyphVector(outlines.createGlyphVector(frc, chars), this, face, new String(chars));
    }

    @Override
    public GVTGlyphVector createGlyphVector(FontRenderContext frc, CharacterIterator text) {
        return new TextGlyphVector(outlines.createGlyphVector(frc, text), this, face, string(text));
    }

    @Override
    public GVTGlyphVector createGlyphVector(FontRenderContext frc, int[] glyphCodes, CharacterIterator text) {
        return new TextGlyphVector(outlines.createGlyphVector(frc, glyphCodes, text), this, face, string(text));
    }

    @Override
    public GVTGlyphVector createGlyphVector(FontRenderContext frc, String text) {
        return new TextGlyphVector(outlines.createGlyphVector(frc, text), this, face, text);
    }

    @Override
    public GVTFont deriveFont(float size) {
        return new TextFont(outlines.deriveFont(size), face.deriveFont(size));
    }

    @Override
    public boolean canDisplay(char c) {
        return outlines.canDisplay(c);
    }

    @Override
    public int canDisplayUpTo(char[] text, int start, int limit) {
        return outlines.canDisplayUpTo(text, start, limit);
    }

    @Override
    public int canDisplayUpTo(CharacterIterator text, int start, int limit) {
        return outlines.canDisplayUpTo(text, start, limit);
    }

    @Override
    public int canDisplayUpTo(String text) {
        return outlines.canDisplayUpTo(text);
    }

    @Override
    public String getFamilyName() {
        return outlines.getFamilyName();
    }

    @Override
    public GVTLineMetrics getLineMetrics(char[] chars, int begin, int limit, FontRenderContext frc) {
        return outlines.getLineMetrics(chars, begin, limit, frc);
    }

    @Override
    public GVTLineMetrics getLineMetrics(CharacterIterator text, int begin, int limit, FontRenderContext frc) {
        return outlines.getLineMetrics(text, begin, limit, frc);
    }

    @Override
    public GVTLineMetrics getLineMetrics(String text, FontRenderContext frc) {
        return outlines.getLineMetrics(text, frc);
    }

    @Override
    public GVTLineMetrics getLineMetrics(String text, int begin, int limit, FontRenderContext frc) {
        return outlines.getLineMetrics(text, begin, limit, frc);
    }

    @Override
    public float getSize() {
        return outlines.getSize();
    }

    @Override
    public float getVKern(int glyph1, int glyph2) {
        return outlines.getVKern(glyph1, glyph2);
    }

    @Override
    public float getHKern(int glyph1, int glyph2) {
        return outlines.getHKern(glyph1, glyph2);
    }

    @Override
    public String toString() {
        return "TextFont[" + face.getFontName() + ", " + getSize() + "]";
    }

    private static String string(CharacterIterator text) {
        StringBuilder out = new StringBuilder(text.getEndIndex() - text.getBeginIndex());
        for (char c = text.first(); c != CharacterIterator.DONE; c = text.next()) {
            out.append(c);
        }
        return out.toString();
    }
}
