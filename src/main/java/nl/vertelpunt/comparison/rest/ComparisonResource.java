package nl.vertelpunt.comparison.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import nl.vertelpunt.comparison.ComparisonRequest;
import nl.vertelpunt.comparison.ComparisonService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Comparisons of patterns between a focus and a reference: started by analysts, run in the background. */
@Path("/api/comparisons")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Comparisons", description = "Vergelijkingen: which patterns are shared, and which are our own")
public class ComparisonResource {

    private final ComparisonService comparisons;

    ComparisonResource(ComparisonService comparisons) {
        this.comparisons = comparisons;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Start a comparison (analysts of the story point, admins)",
            description = "202 with the run's id; follow its progress at the Location.")
    public Response start(ComparisonRequest request) {
        ComparisonService.RunView run = comparisons.start(request);
        return Response.accepted(run)
                .location(URI.create("/api/comparisons/" + run.id()))
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A comparison: status, progress (0..1) and, when done, the result")
    public ComparisonService.RunView get(@PathParam("id") UUID id) {
        return comparisons.get(id);
    }
}
