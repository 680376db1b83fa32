package nl.vertelpunt.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every text response goes out compressed (gzip or deflate, as the client accepts): pages, scripts, styles, JSON and
 * problem+json, SVG charts, CSV. Quarkus compresses static files and REST answers of the types in
 * {@code quarkus.http.compress-media-types} and marks every other answer {@code Content-Encoding: identity}; this also
 * lets through the answers that route handlers write themselves (a refused request body, a rerouted page), by its
 * type when its headers go out. Compressed or not, a response of such a type says {@code Vary: Accept-Encoding}, so
 * that a cache between us and a browser never hands the compressed form to a client that cannot read it.
 */
@ApplicationScoped
public class Compression {

    private final Set<String> types;
    private final boolean enabled;

    Compression(
            @ConfigProperty(name = "quarkus.http.compress-media-types") List<String> types,
            @ConfigProperty(name = "quarkus.http.enable-compression", defaultValue = "false") boolean enabled) {
        this.types = Set.copyOf(types);
        this.enabled = enabled;
    }

    void routes(@Observes Router router) {
        if (!enabled) {
            return;
        }
        router.route().order(-1001).handler(ctx -> {
            ctx.addHeadersEndHandler(v -> {
                HttpServerResponse response = ctx.response();
                if (!compressible(response.headers().get(HttpHeaders.CONTENT_TYPE))) {
                    return;
                }
                if ("identity".equalsIgnoreCase(response.headers().get(HttpHeaders.CONTENT_ENCODING))) {
                    response.headers().remove(HttpHeaders.CONTENT_ENCODING);
                }
                if (!response.headers().contains(HttpHeaders.VARY, "Accept-Encoding", true)) {
                    response.headers().add(HttpHeaders.VARY, "Accept-Encoding");
                }
            });
            ctx.next();
        });
    }

    /** Whether an answer of this Content-Type (parameters such as the charset aside) is compressed. */
    boolean compressible(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
        return types.contains(type);
    }
}
