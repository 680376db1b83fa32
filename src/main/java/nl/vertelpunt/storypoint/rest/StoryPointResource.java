package nl.vertelpunt.storypoint.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import nl.vertelpunt.storypoint.StoryPointService;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import nl.vertelpunt.storypoint.paper.PaperForm;
import nl.vertelpunt.user.StaffRole;
import nl.vertelpunt.web.JsonBodies;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Story point definitions: published by admins, read by anyone. */
@Path("/api/storypoints")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Story points", description = "Vertelpunten: the published collection forms")
public class StoryPointResource {

    /** Largest definition document accepted. */
    static final int MAX_DEFINITION_BYTES = 1024 * 1024;

    private final StoryPointService service;
    private final PaperForm paper;

    StoryPointResource(StoryPointService service, PaperForm paper) {
        this.service = service;
        this.paper = paper;
    }

    @GET
    @Authenticated
    @Operation(summary = "The story points the signed-in user may see")
    public List<StoryPointService.VersionView> list() {
        return service.visible();
    }

    @GET
    @Path("/{slug}")
    @Operation(summary = "The published form of a story point (public)")
    public StoryPointService.VersionView get(@PathParam("slug") String slug) {
        return service.current(slug);
    }

    @GET
    @Path("/{slug}/paper.pdf")
    @Produces("application/pdf")
    @Operation(
            summary = "The printable paper form of a story point (public)",
            description =
                    "A4: the prompt with room to write and every question with its scale or options. `lang` is one of "
                            + "the story point's languages (default nl).")
    public Response paper(@PathParam("slug") String slug, @QueryParam("lang") String lang) {
        return Response.ok(paper.pdf(slug, lang))
                .type("application/pdf")
                .header("Content-Disposition", "inline; filename=\"vertelpunt-" + slug + "-papier.pdf\"")
                .build();
    }

    @PUT
    @Path("/{slug}")
    @RolesAllowed(StaffRole.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Publish a story point definition (admin)",
            description =
                    "Validates the document strictly. A changed definition becomes a new version once stories exist.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = StoryPointDefinition.class)))
    public Response publish(@PathParam("slug") String slug, InputStream body) {
        StoryPointService.Published published =
                service.publish(slug, JsonBodies.readObject(body, MAX_DEFINITION_BYTES));
        return Response.status(published.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(published)
                .build();
    }

    @GET
    @Path("/{slug}/versions")
    @Authenticated
    @Operation(summary = "Every published version of a story point (staff of that story point)")
    public List<StoryPointService.VersionView> versions(@PathParam("slug") String slug) {
        return service.versions(slug);
    }
}
