package nl.vertelpunt.session.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import nl.vertelpunt.card.render.SvgCharts;
import nl.vertelpunt.session.Proposals;
import nl.vertelpunt.session.TableService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A session table through its link: no account, the token in the path is the key. */
@Path("/api/tables/{token}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tables", description = "Working at a table of a duidingsbijeenkomst through its link")
public class TableResource {

    private final TableService tables;

    TableResource(TableService tables) {
        this.tables = tables;
    }

    @GET
    @Operation(summary = "The table's cards, stories, notes and proposals (404 unknown link, 410 expired)")
    public TableService.TableView get(@PathParam("token") String token) {
        return tables.view(token);
    }

    @GET
    @Path("/cards/{card}/chart.svg")
    @Produces("image/svg+xml")
    @Operation(summary = "The chart of one of the table's cards, as SVG")
    public Response chart(@PathParam("token") String token, @PathParam("card") UUID card) {
        return Response.ok(SvgCharts.chart(tables.card(token, card)))
                .type("image/svg+xml; charset=UTF-8")
                .build();
    }

    @POST
    @Path("/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Add a note: what surprises, worries or shows a chance (kind surprise, worry, chance, other), on a card or not")
    public Response addNote(@PathParam("token") String token, Proposals.NoteInput input) {
        return Response.status(201).entity(tables.addNote(token, input)).build();
    }

    @PUT
    @Path("/notes/{note}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move a note into a proposal's group (proposalId) or out of it (null)")
    public Proposals.NoteView moveNote(
            @PathParam("token") String token, @PathParam("note") long note, TableService.NoteMove move) {
        return tables.moveNote(token, note, move);
    }

    @DELETE
    @Path("/notes/{note}")
    @Operation(summary = "Remove a note")
    public Response deleteNote(@PathParam("token") String token, @PathParam("note") long note) {
        tables.deleteNote(token, note);
        return Response.noContent().build();
    }

    @POST
    @Path("/proposals")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Make an improvement proposal from notes: title, what we should do, so that what, and its owner")
    public Response propose(@PathParam("token") String token, Proposals.ProposalInput input) {
        return Response.status(201).entity(tables.propose(token, input)).build();
    }

    @PUT
    @Path("/proposals/{proposal}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rewrite a proposal of this table; with notes, those become its group")
    public Proposals.ProposalView editProposal(
            @PathParam("token") String token, @PathParam("proposal") UUID proposal, Proposals.ProposalInput input) {
        return tables.editProposal(token, proposal, input);
    }
}
