package nl.vertelpunt.user.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import nl.vertelpunt.user.Access;
import nl.vertelpunt.user.StaffRole;
import nl.vertelpunt.user.UserService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Staff accounts: admins create users and assign them to story points. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users", description = "Staff accounts and their story points")
public class UserResource {

    private final UserService users;
    private final Access access;

    UserResource(UserService users, Access access) {
        this.users = users;
        this.access = access;
    }

    @GET
    @Path("/me")
    @Authenticated
    @Operation(summary = "The signed-in user")
    public UserService.UserView me() {
        return users.get(access.staff().username());
    }

    @GET
    @Path("/users")
    @RolesAllowed(StaffRole.ADMIN)
    @Operation(summary = "All users (admin)")
    public List<UserService.UserView> list() {
        return users.list();
    }

    @POST
    @Path("/users")
    @RolesAllowed(StaffRole.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a user (admin)")
    public Response create(UserService.UserInput input) {
        UserService.UserView user = users.create(input);
        return Response.created(URI.create("/api/users/" + user.username()))
                .entity(user)
                .build();
    }

    @GET
    @Path("/users/{username}")
    @RolesAllowed(StaffRole.ADMIN)
    @Operation(summary = "One user (admin)")
    public UserService.UserView get(@PathParam("username") String username) {
        return users.get(username);
    }

    @PUT
    @Path("/users/{username}")
    @RolesAllowed(StaffRole.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a user's password, roles, story points or whether the account is enabled (admin)")
    public UserService.UserView update(@PathParam("username") String username, UserService.UserInput input) {
        return users.update(username, input);
    }
}
