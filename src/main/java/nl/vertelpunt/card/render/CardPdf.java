package nl.vertelpunt.card.render;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

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

    private CardPdf() {
    }

    /** The PDF of the HTML document. */
    public static byte[] render(String html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withProducer("Vertelpunt");
        builder.useSVGDrawer(LiberationSans.svgDrawer());
        builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        LiberationSans.register(builder);
        builder.withHtmlContent(html, null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the PDF", e);
        }
        return out.toByteArray();
    }
}
