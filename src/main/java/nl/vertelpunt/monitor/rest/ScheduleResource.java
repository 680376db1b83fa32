package nl.vertelpunt.monitor.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import nl.vertelpunt.monitor.ScheduleService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Pattern evaluations of a story point made every quarter or month. */
@Path("/api/storypoints/{slug}/schedules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluations")
public class ScheduleResource {

    private final ScheduleService schedules;

    ScheduleResource(ScheduleService schedules) {
        this.schedules = schedules;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Schedule a pattern evaluation every quarter or month (analysts of the story point, admins)",
            description = "One run per schedule per period, across replicas; each run goes through the normal queue.")
    public Response create(@PathParam("slug") String slug, ScheduleService.ScheduleRequest request) {
        ScheduleService.ScheduleView view = schedules.create(slug, request);
        return Response.status(201)
                .entity(view)
                .location(URI.create("/api/storypoints/" + slug + "/schedules/" + view.id()))
                .build();
    }

    @GET
    @Operation(summary = "The scheduled evaluations of a story point, with the runs they made")
    public List<ScheduleService.ScheduleView> list(@PathParam("slug") String slug) {
        return schedules.list(slug);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Stop a scheduled evaluation (the runs it made stay)")
    public Response delete(@PathParam("slug") String slug, @PathParam("id") UUID id) {
        schedules.delete(slug, id);
        return Response.noContent().build();
    }
}
