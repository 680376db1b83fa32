package nl.vertelpunt.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The client's address, only to key the in-memory limits (stories, sign-ins, withdrawals); it is never
 * stored or logged. Behind a reverse proxy ({@code vertelpunt.rate-limit.forwarded=true}) it is the
 * rightmost {@code X-Forwarded-For} entry: the one the proxy appended itself. Entries to its left came
 * from the client and could be anything, so they are never used; without the setting the header is
 * ignored and the connection's address is used.
 */
@ApplicationScoped
public class ClientAddress {

    /** Longer than any IPv6 address with a zone; a longer entry is cut, so no client can grow the counters' keys. */
    static final int MAX_LENGTH = 64;

    private final boolean forwarded;

    ClientAddress(@ConfigProperty(name = "vertelpunt.rate-limit.forwarded", defaultValue = "false") boolean forwarded) {
        this.forwarded = forwarded;
    }

    /** The address of the request's client, for in-memory counters only. */
    public String of(HttpServerRequest request) {
        String connection =
                request.remoteAddress() == null ? "" : request.remoteAddress().hostAddress();
        return resolve(forwarded, request.headers().getAll("X-Forwarded-For"), connection);
    }

    /**
     * The rightmost entry of the {@code X-Forwarded-For} header (of its last line, when it came in several) when
     * {@code forwarded}; else, or when that entry is missing or empty, the connection's address.
     */
    static String resolve(boolean forwarded, List<String> forwardedFor, String connection) {
        if (!forwarded || forwardedFor == null || forwardedFor.isEmpty()) {
            return connection;
        }
        String header = forwardedFor.get(forwardedFor.size() - 1);
        String entry = header.substring(header.lastIndexOf(',') + 1).strip();
        if (entry.isEmpty()) {
            return connection;
        }
        return entry.length() > MAX_LENGTH ? entry.substring(0, MAX_LENGTH) : entry;
    }
}
