package nl.vertelpunt.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Pages may use only this service: no third-party scripts, styles, fonts or trackers. Every response gets
 * this policy unless it brings its own (a card deck allows exactly its own inline style, by hash); two
 * policies would both apply, so one answer never carries more than one.
 */
@ApplicationScoped
public class ContentSecurityPolicy {

    public static final String HEADER = "Content-Security-Policy";
    public static final String POLICY =
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                    + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    void routes(@Observes Router router) {
        router.route().order(-1000).handler(ctx -> {
            ctx.addHeadersEndHandler(v -> {
                if (!ctx.response().headers().contains(HEADER)) {
                    ctx.response().headers().set(HEADER, POLICY);
                }
            });
            ctx.next();
        });
    }
}
