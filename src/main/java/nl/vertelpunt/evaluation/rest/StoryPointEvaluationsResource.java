package nl.vertelpunt.evaluation.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import nl.vertelpunt.evaluation.EvaluationService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The pattern evaluations of one story point. */
@Path("/api/storypoints/{slug}/evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluations")
public class StoryPointEvaluationsResource {

    private final EvaluationService evaluations;

    StoryPointEvaluationsResource(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @GET
    @Operation(summary = "The pattern evaluations of a story point, newest first, without results")
    public List<EvaluationService.RunView> list(@PathParam("slug") String slug) {
        return evaluations.list(slug);
    }
}
