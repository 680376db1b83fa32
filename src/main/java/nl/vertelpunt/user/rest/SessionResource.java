package nl.vertelpunt.user.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import nl.vertelpunt.user.Access;
import nl.vertelpunt.user.UserService;
import nl.vertelpunt.user.session.SessionAuthenticationMechanism;
import nl.vertelpunt.user.session.SessionService;
import nl.vertelpunt.web.ClientAddress;
import nl.vertelpunt.web.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Signing in and out of the web workspace with a session cookie. */
@Path("/api/session")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class SessionResource {

    /** What the sign-in form sends. */
    public record Login(String username, String password) {}

    /** Who is signed in, and the token to send in {@code X-CSRF-Token} with every change. */
    public record SessionView(String username, Set<String> roles, List<String> storyPoints, String csrfToken) {}

    private final SessionService sessions;
    private final UserService users;
    private final Access access;
    private final SecurityIdentity identity;
    private final ClientAddress clients;
    private final boolean secureCookie;

    SessionResource(
            SessionService sessions,
            UserService users,
            Access access,
            SecurityIdentity identity,
            ClientAddress clients,
            @ConfigProperty(name = "vertelpunt.session.secure-cookie", defaultValue = "true") boolean secureCookie) {
        this.sessions = sessions;
        this.users = users;
        this.access = access;
        this.identity = identity;
        this.clients = clients;
        this.secureCookie = secureCookie;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in; sets the session cookie (HttpOnly, SameSite=Strict)")
    public Response login(Login login, @Context HttpServerRequest request) {
        if (login == null) {
            throw ProblemException.malformed("body", "a JSON object with username and password is expected");
        }
        // the address only keys an in-memory counter of failed attempts; it is never stored or logged
        SessionService.Started started = sessions.login(login.username(), login.password(), clients.of(request));
        return Response.ok(view(
                        started.session().staff().username(), started.session().csrfToken()))
                .cookie(cookie(started.token(), -1))
                .build();
    }

    @GET
    @Authenticated
    @Operation(summary = "Who is signed in, with the CSRF token of the session")
    public SessionView current() {
        return view(access.staff().username(), identity.getAttribute(SessionAuthenticationMechanism.CSRF));
    }

    @DELETE
    @Operation(summary = "Sign out")
    public Response logout(@CookieParam(SessionService.COOKIE) String token) {
        sessions.logout(token);
        return Response.noContent().cookie(cookie("", 0)).build();
    }

    private SessionView view(String username, String csrf) {
        UserService.UserView user = users.get(username);
        return new SessionView(user.username(), user.roles(), user.storyPoints(), csrf);
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(SessionService.COOKIE)
                .value(value)
                .path("/")
                .httpOnly(true)
                .secure(secureCookie)
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge(maxAge)
                .build();
    }
}
