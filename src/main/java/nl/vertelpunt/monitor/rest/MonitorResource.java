package nl.vertelpunt.monitor.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.vertelpunt.monitor.MonitorRequest;
import nl.vertelpunt.monitor.MonitorService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Monitoring over time: indicators per quarter or month (staff of the story point). */
@Path("/api/storypoints/{slug}/monitor")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Monitoring", description = "Indicators over time with 95% intervals, small groups suppressed")
public class MonitorResource {

    private final MonitorService monitors;

    MonitorResource(MonitorService monitors) {
        this.monitors = monitors;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Indicators per quarter or month, optionally a part of the stories against the rest",
            description = "Shares with Wilson intervals, medians with exact order-statistic intervals; a period with"
                    + " fewer answering stories than the suppression threshold has a count only.")
    public MonitorService.Monitor monitor(@PathParam("slug") String slug, MonitorRequest request) {
        return monitors.monitor(slug, request);
    }
}
