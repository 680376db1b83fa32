package nl.vertelpunt.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import nl.vertelpunt.user.session.Throttle;
import nl.vertelpunt.user.session.Throttles;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits on public endpoints that keep no personal data: the client address only keys an in-memory
 * counter that is forgotten within a minute; it is never written to disk, the database or a log.
 *
 * <p>The trade-off: people behind one address (a school, a youth centre) share the limit, and someone
 * with many addresses is not stopped by it; so the limit is generous, and body-size limits and the
 * form's honeypot field do the rest. Behind a reverse proxy set {@code vertelpunt.rate-limit.forwarded}
 * so that the proxy's {@code X-Forwarded-For} names the client ({@link ClientAddress}), or every storyteller
 * shares one address.
 */
@ApplicationScoped
public class RateLimits {

    private final boolean enabled;
    private final ClientAddress clients;
    private final Throttle stories;

    RateLimits(
            ClientAddress clients,
            Throttles throttles,
            @ConfigProperty(name = "vertelpunt.rate-limit.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "vertelpunt.rate-limit.stories-per-minute", defaultValue = "30")
                    int storiesPerMinute) {
        this.enabled = enabled;
        this.clients = clients;
        this.stories = throttles.create(storiesPerMinute, Duration.ofMinutes(1));
    }

    /** Counts a story submission from this client; 429 with the seconds to wait when over the limit. */
    public void storySubmission(HttpServerRequest request) {
        if (!enabled) {
            return;
        }
        String client = clients.of(request);
        long wait = stories.blockedFor(client);
        if (wait > 0) {
            throw ProblemException.tooManyRequests(
                    "Many stories came from your address in a short time. Please wait " + wait
                            + " seconds and try again; nothing is lost.",
                    wait);
        }
        stories.count(client);
    }
}
