package nl.vertelpunt.session.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import nl.vertelpunt.session.ProposalService;
import nl.vertelpunt.session.Proposals;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Following up improvement proposals: wording, publication, decisions and progress. */
@Path("/api/proposals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions")
public class ProposalResource {

    private final ProposalService proposals;

    ProposalResource(ProposalService proposals) {
        this.proposals = proposals;
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a proposal's texts, its notes, or whether it shows on the public page")
    public Proposals.ProposalView edit(@PathParam("id") UUID id, ProposalService.ProposalEdit edit) {
        return proposals.edit(id, edit);
    }

    @POST
    @Path("/{id}/updates")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Record what was decided or done: a status (proposed, adopted, in_progress, done, dropped) and a short note")
    public Response update(@PathParam("id") UUID id, ProposalService.UpdateInput input) {
        return Response.status(201).entity(proposals.addUpdate(id, input)).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a proposal (its notes stay)")
    public Response delete(@PathParam("id") UUID id) {
        proposals.delete(id);
        return Response.noContent().build();
    }
}
