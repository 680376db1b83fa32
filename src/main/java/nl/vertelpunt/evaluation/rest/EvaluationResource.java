package nl.vertelpunt.evaluation.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import nl.vertelpunt.evaluation.EvaluationRequest;
import nl.vertelpunt.evaluation.EvaluationService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Pattern evaluations: started by analysts, run in the background, read when done. */
@Path("/api/evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluations", description = "Patroonevaluaties: finding the statistically distinct patterns")
public class EvaluationResource {

    private final EvaluationService evaluations;

    EvaluationResource(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Start a pattern evaluation (analysts of the story point, admins)",
            description = "202 with the run's id; follow its progress at the Location.")
    public Response start(EvaluationRequest request) {
        EvaluationService.RunView run = evaluations.start(request);
        return Response.accepted(run)
                .location(URI.create("/api/evaluations/" + run.id()))
                .build();
    }

    /** A pattern to select for a card, by its key. */
    public record Selection(String pattern) {}

    @POST
    @Path("/{id}/selections")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Select a pattern for an observation card (key kind|first|second)")
    public EvaluationService.RunView select(@PathParam("id") UUID id, Selection selection) {
        return evaluations.select(id, selection == null ? null : selection.pattern(), true);
    }

    @DELETE
    @Path("/{id}/selections")
    @Operation(summary = "Unselect a pattern (?pattern=kind|first|second)")
    public EvaluationService.RunView unselect(@PathParam("id") UUID id, @QueryParam("pattern") String pattern) {
        return evaluations.select(id, pattern, false);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A pattern evaluation: status, progress (0..1) and, when done, the result")
    public EvaluationService.RunView get(@PathParam("id") UUID id) {
        return evaluations.get(id, true);
    }
}
