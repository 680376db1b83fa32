package nl.vertelpunt.dashboard.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.vertelpunt.dashboard.DashboardService;
import nl.vertelpunt.story.StoryFilter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The numbers behind a story point's dashboard (staff of the story point). */
@Path("/api/storypoints/{slug}/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dashboard", description = "Aggregates, with small groups suppressed")
public class DashboardResource {

    /** The filter applied to every chart at once. */
    public record DashboardRequest(StoryFilter filter) {}

    private final DashboardService dashboards;

    DashboardResource(DashboardService dashboards) {
        this.dashboards = dashboards;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Stories over time, by role, channel and completeness, and every question's answers, for a filter",
            description =
                    "Counts under the story point suppression threshold show as <5; others are rounded to multiples of it.")
    public DashboardService.Dashboard dashboard(@PathParam("slug") String slug, DashboardRequest request) {
        return dashboards.dashboard(slug, request == null ? null : request.filter());
    }
}
