package nl.vertelpunt.user;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import nl.vertelpunt.user.session.SignInGuard;
import nl.vertelpunt.web.ClientAddress;
import nl.vertelpunt.web.ProblemException;

/**
 * Checks user name and password (HTTP Basic) against the staff accounts in the database, through the same
 * {@link SignInGuard} as the workspace's sign-in, so that one limit covers every way of signing in.
 */
@ApplicationScoped
public class DatabaseIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** Attribute of the security identity holding the {@link UserService.Staff} record. */
    public static final String STAFF = "vertelpunt.staff";

    private final SignInGuard guard;
    private final ClientAddress clients;

    DatabaseIdentityProvider(SignInGuard guard, ClientAddress clients) {
        this.guard = guard;
        this.clients = clients;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        String username = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        // the address only keys the in-memory counts of failed attempts; it is never stored or logged
        String address = http == null ? "" : clients.of(http.request());
        return context.runBlocking(() -> {
            try {
                return guard.check(username, password, address)
                        .map(DatabaseIdentityProvider::identity)
                        .orElseThrow(AuthenticationFailedException::new);
            } catch (ProblemException e) {
                // held back by the limits: ProblemMapper answers with this 429 and its Retry-After
                throw new AuthenticationFailedException(e.getMessage(), e);
            }
        });
    }

    private static SecurityIdentity identity(UserService.Staff staff) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(staff.username()))
                .addRoles(staff.roles())
                .addAttribute(STAFF, staff)
                .build();
    }
}
