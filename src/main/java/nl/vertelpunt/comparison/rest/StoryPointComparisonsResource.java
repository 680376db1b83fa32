package nl.vertelpunt.comparison.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import nl.vertelpunt.comparison.ComparisonService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The comparisons of one story point. */
@Path("/api/storypoints/{slug}/comparisons")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Comparisons")
public class StoryPointComparisonsResource {

    private final ComparisonService comparisons;

    StoryPointComparisonsResource(ComparisonService comparisons) {
        this.comparisons = comparisons;
    }

    @GET
    @Operation(summary = "The comparisons of a story point, newest first, without results")
    public List<ComparisonService.RunView> list(@PathParam("slug") String slug) {
        return comparisons.list(slug);
    }
}
