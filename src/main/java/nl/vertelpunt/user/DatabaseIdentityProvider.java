package nl.vertelpunt.user;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Checks user name and password (HTTP Basic) against the staff accounts in the database. */
@ApplicationScoped
public class DatabaseIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** Attribute of the security identity holding the {@link UserService.Staff} record. */
    public static final String STAFF = "vertelpunt.staff";

    private final UserService users;

    DatabaseIdentityProvider(UserService users) {
        this.users = users;
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
        return context.runBlocking(() -> users.authenticate(username, password)
                .map(DatabaseIdentityProvider::identity)
                .orElseThrow(AuthenticationFailedException::new));
    }

    private static SecurityIdentity identity(UserService.Staff staff) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(staff.username()))
                .addRoles(staff.roles())
                .addAttribute(STAFF, staff)
                .build();
    }
}
