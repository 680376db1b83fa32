package nl.vertelpunt.storypoint.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import nl.vertelpunt.storypoint.ModuleService;
import nl.vertelpunt.storypoint.definition.ModuleDefinition;
import nl.vertelpunt.user.StaffRole;
import nl.vertelpunt.web.JsonBodies;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Question modules: shared sets of questions that story points include, published by admins, read by staff. */
@Path("/api/modules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Modules", description = "Question modules shared by story points (a national core, a region's theme)")
public class ModuleResource {

    private final ModuleService service;

    ModuleResource(ModuleService service) {
        this.service = service;
    }

    @GET
    @Authenticated
    @Operation(summary = "The current version of every module")
    public List<ModuleService.ModuleView> list() {
        return service.all();
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "The current version of a module, with the story points that include it")
    public ModuleService.ModuleView get(@PathParam("id") String id) {
        return service.current(id);
    }

    @GET
    @Path("/{id}/versions")
    @Authenticated
    @Operation(summary = "Every published version of a module")
    public List<ModuleService.ModuleView> versions(@PathParam("id") String id) {
        return service.versions(id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(StaffRole.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Publish a module (admin)",
            description = "Validates the document strictly. Once a story point includes the current version, a change"
                    + " becomes a new version; story points move to it when they are published again.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ModuleDefinition.class)))
    public Response publish(@PathParam("id") String id, InputStream body) {
        ModuleService.Published published =
                service.publish(id, JsonBodies.readObject(body, StoryPointResource.MAX_DEFINITION_BYTES));
        return Response.status(published.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(published)
                .build();
    }
}
