package nl.vertelpunt.card.render;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphJustificationInfo;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.text.AttributedCharacterIterator;
import org.apache.batik.gvt.font.GVTFont;
import org.apache.batik.gvt.font.GVTGlyphMetrics;
import org.apache.batik.gvt.font.GVTGlyphVector;
import org.apache.batik.gvt.text.GVTAttributedCharacterIterator;
import org.apache.batik.gvt.text.TextPaintInfo;

/**
 * A run of chart text laid out by Batik that draws itself with {@link Graphics2D#drawString}, so that in the PDF
 * it becomes real text in the embedded Liberation Sans (small, selectable, searchable) instead of glyph outlines.
 * The run starts where Batik placed its first glyph; the PDF font is the same face, so the advances agree. Text
 * the font cannot show is drawn as outlines, as before. Everything else is the outline glyph vector's.
 */
final class TextGlyphVector implements GVTGlyphVector {

    private final GVTGlyphVector outlines;
    private final GVTFont font;
    private final Font face;
    private final String text;

    TextGlyphVector(GVTGlyphVector outlines, GVTFont font, Font face, String text) {
        this.outlines = outlines;
        this.font = font;
        this.face = face;
        this.text = text;
    }

    @Override
    public void draw(Graphics2D graphics, AttributedCharacterIterator aci) {
        if (text.isEmpty() || face.canDisplayUpTo(text) != -1 || outlines.getNumGlyphs() != text.length()) {
            outlines.draw(graphics, aci);
            return;
        }
        if (aci.getAttribute(GVTAttributedCharacterIterator.TextAttribute.PAINT_INFO) instanceof TextPaintInfo paint) {
            if (paint.fillPaint == null) {
                return;
            }
            graphics.setPaint(paint.fillPaint);
        }
        Point2D start = outlines.getGlyphPosition(0);
        Font previous = graphics.getFont();
        graphics.setFont(face);
        graphics.drawString(text, (float) start.getX(), (float) start.getY());
        graphics.setFont(previous);
    }

    @Override
    public GVTFont getFont() {
        return font;
    }

    @Override
    public FontRenderContext getFontRenderContext() {
        return outlines.getFontRenderContext();
    }

    @Override
    public int getGlyphCode(int index) {
        return outlines.getGlyphCode(index);
    }

    @Override
    public int[] getGlyphCodes(int begin, int count, int[] codes) {
        return outlines.getGlyphCodes(begin, count, codes);
    }

    @Override
    public GlyphJustificationInfo getGlyphJustificationInfo(int index) {
        return outlines.getGlyphJustificationInfo(index);
    }

    @Override
    public Shape getGlyphLogicalBounds(int index) {
        return outlines.getGlyphLogicalBounds(index);
    }

    @Override
    public GVTGlyphMetrics getGlyphMetrics(int index) {
        return outlines.getGlyphMetrics(index);
    }

    @Override
    public Shape getGlyphOutline(int index) {
        return outlines.getGlyphOutline(index);
    }

    @Override
    public Rectangle2D getGlyphCellBounds(int index) {
        return outlines.getGlyphCellBounds(index);
    }

    @Override
    public Point2D getGlyphPosition(int index) {
        return outlines.getGlyphPosition(index);
    }

    @Override
    public float[] getGlyphPositions(int begin, int count, float[] positions) {
        return outlines.getGlyphPositions(begin, count, positions);
    }

    @Override
    public AffineTransform getGlyphTransform(int index) {
        return outlines.getGlyphTransform(index);
    }

    @Override
    public Shape getGlyphVisualBounds(int index) {
        return outlines.getGlyphVisualBounds(index);
    }

    @Override
    public Rectangle2D getLogicalBounds() {
        return outlines.getLogicalBounds();
    }

    @Override
    public int getNumGlyphs() {
        return outlines.getNumGlyphs();
    }

    @Override
    public Shape getOutline() {
        return outlines.getOutline();
    }

    @Override
    public Shape getOutline(float x, float y) {
        return outlines.getOutline(x, y);
    }

    @Override
    public Rectangle2D getGeometricBounds() {
        return outlines.getGeometricBounds();
    }

    @Override
    public Rectangle2D getBounds2D(AttributedCharacterIterator aci) {
        return outlines.getBounds2D(aci);
    }

    @Override
    public void performDefaultLayout() {
        outlines.performDefaultLayout();
    }

    @Override
    public void setGlyphPosition(int index, Point2D position) {
        outlines.setGlyphPosition(index, position);
    }

    @Override
    public void setGlyphTransform(int index, AffineTransform transform) {
        outlines.setGlyphTransform(index, transform);
    }

    @Override
    public void setGlyphVisible(int index, boolean visible) {
        outlines.setGlyphVisible(index, visible);
    }

    @Override
    public boolean isGlyphVisible(int index) {
        return outlines.isGlyphVisible(index);
    }

    @Override
    public int getCharacterCount(int begin, int end) {
        return outlines.getCharacterCount(begin, end);
    }

    @Override
    public boolean isReversed() {
        return outlines.isReversed();
    }

    @Override
    public void maybeReverse(boolean mirror) {
        outlines.maybeReverse(mirror);
    }
}
