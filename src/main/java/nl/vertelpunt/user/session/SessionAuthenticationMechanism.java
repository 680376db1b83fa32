package nl.vertelpunt.user.session;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import nl.vertelpunt.user.DatabaseIdentityProvider;

/** Signs in web workspace users by their session cookie (scripts keep using HTTP Basic). */
@ApplicationScoped
public class SessionAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** Identity attribute: the session's CSRF token. */
    public static final String CSRF = "vertelpunt.csrf";

    /** The token from a session cookie, to be checked by {@link SessionIdentityProvider}. */
    static final class SessionTokenRequest extends BaseAuthenticationRequest {
        final String token;

        SessionTokenRequest(String token) {
            this.token = token;
        }
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        Cookie cookie = context.request().getCookie(SessionService.COOKIE);
        if (cookie == null || cookie.getValue().isEmpty()) {
            return Uni.createFrom().optional(Optional.empty());
        }
        return identityProviderManager
                .authenticate(new SessionTokenRequest(cookie.getValue()))
                // an expired or unknown session is simply not signed in (Basic may still sign in)
                .onFailure(AuthenticationFailedException.class)
                .recoverWithNull();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionTokenRequest.class);
    }

    /** Turns a session token into the staff member's identity. */
    @ApplicationScoped
    public static class SessionIdentityProvider implements IdentityProvider<SessionTokenRequest> {

        private final SessionService sessions;

        SessionIdentityProvider(SessionService sessions) {
            this.sessions = sessions;
        }

        @Override
        public Class<SessionTokenRequest> getRequestType() {
            return SessionTokenRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(SessionTokenRequest request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> sessions.resolve(request.token)
                    .map(session -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                            .setPrincipal(new QuarkusPrincipal(session.staff().username()))
                            .addRoles(session.staff().roles())
                            .addAttribute(DatabaseIdentityProvider.STAFF, session.staff())
                            .addAttribute(CSRF, session.csrfToken())
                            .build())
                    .orElseThrow(AuthenticationFailedException::new));
        }
    }
}
