package nl.vertelpunt.session.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.vertelpunt.session.OutcomeService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public: what was done with the stories of a story point. */
@Path("/api/storypoints/{slug}/outcomes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Story points")
public class OutcomeResource {

    private final OutcomeService outcomes;

    OutcomeResource(OutcomeService outcomes) {
        this.outcomes = outcomes;
    }

    @GET
    @Operation(
            summary =
                    "Wat is er met de verhalen gedaan? Published proposals with their status and updates, and published cards with their quotes")
    public OutcomeService.Outcomes get(@PathParam("slug") String slug) {
        return outcomes.outcomes(slug);
    }
}
