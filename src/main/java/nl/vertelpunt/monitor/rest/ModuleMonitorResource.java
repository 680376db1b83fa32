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

/** Monitoring over time across a question module (staff of any story point that includes it). */
@Path("/api/modules/{id}/monitor")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Monitoring", description = "Indicators over time with 95% intervals, small groups suppressed")
public class ModuleMonitorResource {

    private final MonitorService monitors;

    ModuleMonitorResource(MonitorService monitors) {
        this.monitors = monitors;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Indicators of a question module across the story points that include it",
            description = "As for one story point, on the module's questions, the role and the choice storyPoint"
                    + " (compare {\"filter\": {\"answers\": {\"storyPoint\": [slug]}}} sets a region against the"
                    + " rest); suppressed with the strictest threshold of the story points.")
    public MonitorService.Monitor moduleMonitor(@PathParam("id") String module, MonitorRequest request) {
        return monitors.monitorModule(module, request);
    }
}
