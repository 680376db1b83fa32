package nl.vertelpunt.user.session;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import nl.vertelpunt.web.FieldError;
import nl.vertelpunt.web.ProblemException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every changing request (POST, PUT, PATCH, DELETE) that is signed in through the session cookie must
 * carry the session's CSRF token in {@code X-CSRF-Token}; another site cannot read that token, so it
 * cannot make a signed-in browser change anything. What counts is how the request was signed in, not which
 * headers it has: a request signed in by the session cookie is checked even when it also carries an
 * {@code Authorization} header that did not sign it in; one signed in with HTTP Basic, or not signed in, is not
 * affected (the cookie is also SameSite=Strict). Public endpoints that never act for a signed-in user
 * (sharing a story, withdrawing one, a session table's link) are left alone, so that staff can use the
 * public pages in the browser they are signed in with.
 */
public class CsrfFilter {

    public static final String HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final Pattern PUBLIC =
            Pattern.compile("/api/storypoints/[^/]+/(stories|withdrawals)|/api/tables/.*");

    private final CurrentIdentityAssociation identities;

    CsrfFilter(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Response> check(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod())
                || !request.getCookies().containsKey(SessionService.COOKIE)
                || request.getUriInfo().getPath().equals("/api/session")
                        && request.getMethod().equals("POST")
                || PUBLIC.matcher(request.getUriInfo().getPath()).matches()) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().map(identity -> refusal(identity, request.getHeaderString(HEADER)));
    }

    /**
     * The check for a story of a verteltafel or from paper, sent by staff to the public story endpoint (which
     * this filter leaves alone): signed in through the session cookie, it needs the session's CSRF token in
     * {@value #HEADER} like every change in the workspace; 403 naming the header otherwise. Without a session
     * (HTTP Basic, or anonymous: the service answers 401) there is nothing to check.
     */
    public static void requireForStaffStory(SecurityIdentity identity, String header) {
        String expected = expected(identity);
        if (expected != null && !matches(expected, header)) {
            throw new ProblemException(
                    403,
                    "Forbidden",
                    "X-CSRF-Token: a story sent with the session cookie needs the "
                            + "session's CSRF token. Reload the page and try again.",
                    List.of(new FieldError(HEADER, "is missing or not the token of this session")));
        }
    }

    private static Response refusal(SecurityIdentity identity, String header) {
        String expected = expected(identity);
        if (expected == null || matches(expected, header)) {
            return null;
        }
        throw ProblemException.forbidden(
                "This change needs the page's CSRF token (header " + HEADER + "). Reload the page and try again.");
    }

    /** The CSRF token of the identity's session; null when it did not sign in through the session cookie. */
    private static String expected(SecurityIdentity identity) {
        return identity.isAnonymous() ? null : identity.getAttribute(SessionAuthenticationMechanism.CSRF);
    }

    /** Whether the header is the expected token, compared in constant time. */
    private static boolean matches(String expected, String header) {
        return header != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8));
    }
}
