package nl.vertelpunt.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.CharacterCodingException;
import java.util.List;
import java.util.Map;

/**
 * Limits on a request's address and headers, answered with {@code application/problem+json} like every other
 * refusal: an address longer than {@value #MAX_URI} characters gets 414, headers larger than {@value #MAX_HEADERS}
 * bytes together get 431. The HTTP parser itself accepts up to 64 KB of each
 * ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}), so that these answers come from
 * here; only beyond that does the parser refuse on its own, without a body. An address outside the API whose
 * %-escapes do not decode to UTF-8 text without U+0000 ({@code /v/%00}, {@code /v/%C0%80}) gets 400 naming
 * {@code path}; the API names the parameter itself ({@link RequestInput}).
 */
@ApplicationScoped
public class RequestHeads {

    /** Longest request address (path and query), in characters. */
    static final int MAX_URI = 8 * 1024;

    /** Largest size of all headers of a request together (names, values and separators), in bytes. */
    static final int MAX_HEADERS = 16 * 1024;

    void routes(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 50).handler(ctx -> {
            HttpServerRequest request = ctx.request();
            if (request.uri().length() > MAX_URI) {
                RequestBodies.refuse(
                        ctx, 414, "URI too long", "The address may be at most " + MAX_URI + " characters.", null);
            } else if (headerBytes(request) > MAX_HEADERS) {
                RequestBodies.refuse(
                        ctx,
                        431,
                        "Request header fields too large",
                        "The request's headers may be at most " + (MAX_HEADERS / 1024) + " KB together.",
                        null);
            } else if (!request.path().startsWith("/api/") && !isText(request.path())) {
                String message = "is not valid UTF-8 text without U+0000 once its %-escapes are decoded";
                RequestBodies.refuse(
                        ctx,
                        400,
                        "Malformed request",
                        "path: " + message,
                        null,
                        List.of(new FieldError("path", message)));
            } else {
                ctx.next();
            }
        });
    }

    private static boolean isText(String rawPath) {
        try {
            return Texts.problem(RequestInput.decode(rawPath, false)) == null;
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return false;
        }
    }

    private static int headerBytes(HttpServerRequest request) {
        int bytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return bytes;
    }
}
