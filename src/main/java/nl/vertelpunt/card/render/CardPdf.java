package nl.vertelpunt.card.render;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.PageBox;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A PDF from a document in well-formed XHTML (a card deck, the paper form of a story point: their templates
 * guarantee it), by openhtmltopdf on PDFBox: page size and breaks from the CSS, Liberation Sans embedded as
 * subsets, SVG drawn by Batik as vector graphics. Nothing is fetched: every external resource (files, URLs) is
 * refused, so text in a card or a definition can never make the renderer read something.
 */
public final class CardPdf {

    static {
        OpenHtmlLogging.install();
    }

    private CardPdf() {}

    /** The PDF of the HTML document. */
    public static byte[] render(String html) {
        try (Paged paged = layout(html)) {
            return paged.pdf();
        }
    }

    /** The HTML document laid out on pages, ready to be written as PDF; close it when done. */
    static Paged layout(String html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withProducer("Vertelpunt");
        builder.useSVGDrawer(LiberationSans.svgDrawer());
        builder.useExternalResourceAccessControl(
                (uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.useExternalResourceAccessControl(
                (uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        LiberationSans.register(builder);
        builder.withHtmlContent(html, null);
        builder.toStream(out);
        PdfBoxRenderer renderer = builder.buildPdfRenderer();
        try {
            renderer.layout();
        } catch (RuntimeException e) {
            renderer.close();
            throw e;
        }
        return new Paged(renderer, out);
    }

    /** A laid-out document: how many pages it takes and where its elements start, then the PDF itself. */
    static final class Paged implements AutoCloseable {

        private final PdfBoxRenderer renderer;
        private final ByteArrayOutputStream out;

        private Paged(PdfBoxRenderer renderer, ByteArrayOutputStream out) {
            this.renderer = renderer;
            this.out = out;
        }

        /** The number of pages. */
        int pages() {
            return renderer.getRootBox().getLayer().getPages().size();
        }

        /** The page (from 0) on which the element with this id starts, or -1 when there is no such element. */
        int pageOf(String id) {
            Box box = renderer.getSharedContext().getBoxById(id);
            if (box == null) {
                return -1;
            }
            List<PageBox> pages = renderer.getRootBox().getLayer().getPages();
            int y = box.getAbsY();
            for (int i = 0; i < pages.size(); i++) {
                if (y < pages.get(i).getBottom()) {
                    return i;
                }
            }
            return pages.size() - 1;
        }

        /** Writes the PDF: fonts embedded as subsets, charts as vector graphics. */
        byte[] pdf() {
            return pdf(null);
        }

        /** Writes the PDF with this metadata in its document properties and XMP (null: none beyond the producer). */
        byte[] pdf(CardMetadata metadata) {
            if (metadata != null) {
                metadata.writeTo(renderer.getPdfDocument());
            }
            try {
                renderer.createPDF();
            } catch (IOException e) {
                throw new UncheckedIOException("could not render the PDF", e);
            }
            return out.toByteArray();
        }

        @Override
        public void close() {
            renderer.close();
        }
    }
}
