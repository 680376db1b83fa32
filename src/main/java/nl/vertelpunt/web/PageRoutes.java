package nl.vertelpunt.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Addresses of the web app's pages. Vite builds one HTML file per page; every address under
 * {@code /v/{slug}} shows the vertelpunt form, which reads the slug from the address, every address
 * under {@code /werkplek} shows the staff workspace, {@code /t/{token}} the page of a session table, and
 * {@code /t} or {@code /t/{code}} the page where a participant types a table's short code.
 * Pages are revalidated on every visit so a new
 * release reaches people at once; the scripts and styles they load are named by their content ({@code
 * /assets/name-hash.js}: a new release has new names), so browsers keep those for a year without asking again.
 */
@ApplicationScoped
public class PageRoutes {

    static final String FORM_PAGE = "/vertel.html";
    static final String WORKSPACE_PAGE = "/werkplek.html";
    static final String TABLE_PAGE = "/tafel.html";
    static final String TABLE_CODE_PAGE = "/tafelcode.html";
    static final String IN_PERSON_PAGE = "/verteltafel.html";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    void routes(@Observes Router router) {
        router.getWithRegex("/v/[^/.]+(/[^.]*)?").order(-100).handler(ctx -> {
            revalidate(ctx);
            ctx.reroute(FORM_PAGE);
        });
        // facilitators taking stories in person: the verteltafel (works offline) and paper-form entry
        router.getWithRegex("/werkplek/[^/.]+/(verteltafel|papier)/?")
                .order(-101)
                .handler(ctx -> {
                    revalidate(ctx);
                    ctx.reroute(IN_PERSON_PAGE);
                });
        // the verteltafel's service worker, at a fixed address: a new release must reach it at once
        router.get("/verteltafel-sw.js").order(-99).handler(ctx -> {
            revalidate(ctx);
            ctx.next();
        });
        // the workspace of staff: every address under /werkplek (story ids may hold dots)
        router.getWithRegex("/werkplek(/.*)?").order(-100).handler(ctx -> {
            revalidate(ctx);
            ctx.reroute(WORKSPACE_PAGE);
        });
        // a table of a sense-making session through its link (the page reads the token from the address;
        // it holds no data of its own, and sends no referrer)
        router.getWithRegex("/t/[A-Za-z0-9_-]{20,}/?").order(-100).handler(ctx -> {
            revalidate(ctx);
            ctx.reroute(TABLE_PAGE);
        });
        // a table's short code, typed on a phone: /t shows a field for it, /t/K7Q-M3X-HD9 tries that code
        router.getWithRegex("/t/?|/t/[A-Za-z0-9-]{1,19}/?").order(-100).handler(ctx -> {
            revalidate(ctx);
            ctx.reroute(TABLE_CODE_PAGE);
        });
        router.getWithRegex("/|/[^/]+\\.html").order(-99).handler(ctx -> {
            revalidate(ctx);
            ctx.next();
        });
        // Vite names every file under /assets by its content; only a file that was found is kept (not a 404)
        router.getWithRegex("/assets/[^/]+").order(-99).handler(ctx -> {
            ctx.addHeadersEndHandler(v -> {
                int status = ctx.response().getStatusCode();
                if (status == 200 || status == 304) {
                    ctx.response().headers().set("Cache-Control", IMMUTABLE);
                }
            });
            ctx.next();
        });
    }

    private static void revalidate(RoutingContext ctx) {
        ctx.addHeadersEndHandler(v -> ctx.response().headers().set("Cache-Control", "no-cache"));
    }
}
