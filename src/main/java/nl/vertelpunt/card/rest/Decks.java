package nl.vertelpunt.card.rest;

import jakarta.ws.rs.core.Response;
import nl.vertelpunt.card.render.CardRenderer;

/** How decks are sent: the PDF as a download, the HTML with a policy that allows only its own inline style. */
public final class Decks {

    private Decks() {}

    /** The PDF as a download named {@code name}.pdf. */
    public static Response pdf(byte[] pdf, String name) {
        return Response.ok(pdf)
                .type("application/pdf")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "-") + ".pdf\"")
                .build();
    }

    /** The HTML deck, with a Content-Security-Policy that replaces the service's general one. */
    public static Response html(String html) {
        return Response.ok(html)
                .type("text/html; charset=UTF-8")
                .header("Content-Security-Policy", CardRenderer.contentSecurityPolicy(html))
                .build();
    }
}
