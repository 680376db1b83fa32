package nl.vertelpunt.user;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Collection;
import nl.vertelpunt.storypoint.StoryPoint;
import nl.vertelpunt.web.ProblemException;

/** Decides whether the signed-in staff member may work on a story point in one of the given roles. */
@ApplicationScoped
public class Access {

    private final SecurityIdentity identity;

    Access(SecurityIdentity identity) {
        this.identity = identity;
    }

    /**
     * Passes for admins, and for users with one of {@code roles} who are assigned to the story point;
     * otherwise 401 (not signed in) or 403.
     */
    public void require(StoryPoint point, String... roles) {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (identity.hasRole(StaffRole.ADMIN)) {
            return;
        }
        boolean hasRole = Arrays.stream(roles).anyMatch(identity::hasRole);
        if (!hasRole) {
            throw new ForbiddenException();
        }
        if (!staff().storyPointIds().contains(point.id)) {
            throw ProblemException.forbidden("You are not assigned to story point '" + point.slug + "'.");
        }
    }

    /**
     * Passes for admins, and for users with one of {@code roles} who are assigned to at least one of the story points
     * (a question module's shared results); otherwise 401 (not signed in) or 403 saying {@code why}.
     */
    public void requireAny(Collection<StoryPoint> points, String why, String... roles) {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (identity.hasRole(StaffRole.ADMIN)) {
            return;
        }
        if (Arrays.stream(roles).noneMatch(identity::hasRole)) {
            throw new ForbiddenException();
        }
        if (points.stream().noneMatch(p -> staff().storyPointIds().contains(p.id))) {
            throw ProblemException.forbidden(why);
        }
    }

    /** Whether the signed-in user may work on the story point in one of the given roles (admins always). */
    public boolean may(StoryPoint point, String... roles) {
        if (identity.isAnonymous()) {
            return false;
        }
        return identity.hasRole(StaffRole.ADMIN)
                || (Arrays.stream(roles).anyMatch(identity::hasRole)
                        && staff().storyPointIds().contains(point.id));
    }

    public boolean isAdmin() {
        return !identity.isAnonymous() && identity.hasRole(StaffRole.ADMIN);
    }

    /** Whether the signed-in user may see this story point at all. */
    public boolean canSee(StoryPoint point) {
        return isAdmin() || (!identity.isAnonymous() && staff().storyPointIds().contains(point.id));
    }

    public UserService.Staff staff() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        return identity.getAttribute(DatabaseIdentityProvider.STAFF);
    }
}
