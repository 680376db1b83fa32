package nl.vertelpunt.session.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import nl.vertelpunt.card.render.CardRenderer;
import nl.vertelpunt.card.rest.Decks;
import nl.vertelpunt.session.ProposalService;
import nl.vertelpunt.session.Proposals;
import nl.vertelpunt.session.SenseSessionService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sense-making sessions for facilitators: tables, links and proposals. */
@Path("/api/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Sessions",
        description = "Duidingsbijeenkomsten: tables with a few cards and stories, notes, improvement proposals")
public class SessionResource {

    private final SenseSessionService sessions;
    private final ProposalService proposals;
    private final CardRenderer renderer;

    SessionResource(SenseSessionService sessions, ProposalService proposals, CardRenderer renderer) {
        this.sessions = sessions;
        this.proposals = proposals;
        this.renderer = renderer;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Plan a session: story point, title, date, place or online (facilitators)")
    public Response create(SenseSessionService.SessionInput input) {
        SenseSessionService.SessionView view = sessions.create(input);
        return Response.created(URI.create("/api/sessions/" + view.id()))
                .entity(view)
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A session with its tables (and warnings when a table has too much), notes and proposals")
    public SenseSessionService.SessionView get(@PathParam("id") UUID id) {
        return sessions.get(id);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a session's title, date or place")
    public SenseSessionService.SessionView update(@PathParam("id") UUID id, SenseSessionService.SessionInput input) {
        return sessions.update(id, input);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a session with its tables, notes and proposals")
    public Response delete(@PathParam("id") UUID id) {
        sessions.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/tables")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a table with its cards and stories (more than 7 cards or 20 stories gives a warning)")
    public SenseSessionService.SessionView addTable(@PathParam("id") UUID id, SenseSessionService.TablePlan plan) {
        return sessions.addTable(id, plan);
    }

    @PUT
    @Path("/{id}/tables/{table}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a table's name, cards and stories")
    public SenseSessionService.SessionView updateTable(
            @PathParam("id") UUID id, @PathParam("table") UUID table, SenseSessionService.TablePlan plan) {
        return sessions.updateTable(id, table, plan);
    }

    @DELETE
    @Path("/{id}/tables/{table}")
    @Operation(summary = "Remove a table with its notes")
    public SenseSessionService.SessionView deleteTable(@PathParam("id") UUID id, @PathParam("table") UUID table) {
        return sessions.deleteTable(id, table);
    }

    @POST
    @Path("/{id}/tables/{table}/link")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A new link for the table (the token is shown only now; an earlier link stops working)")
    public Response link(
            @PathParam("id") UUID id, @PathParam("table") UUID table, SenseSessionService.LinkRequest request) {
        return Response.status(201).entity(sessions.link(id, table, request)).build();
    }

    @DELETE
    @Path("/{id}/tables/{table}/link")
    @Operation(summary = "Stop the table's link at once")
    public SenseSessionService.SessionView revoke(@PathParam("id") UUID id, @PathParam("table") UUID table) {
        return sessions.revoke(id, table);
    }

    @GET
    @Path("/{id}/tables/{table}/deck.pdf")
    @Produces("application/pdf")
    @Operation(summary = "The cards of one table as a printable A4 deck")
    public Response tableDeck(@PathParam("id") UUID id, @PathParam("table") UUID table) {
        return Decks.pdf(renderer.pdf(sessions.tableDeck(id, table)), "tafel-" + table);
    }

    @POST
    @Path("/{id}/proposals")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a proposal (e.g. from notes on paper), for a table (?table=) or the whole session")
    public Response propose(@PathParam("id") UUID id, @QueryParam("table") UUID table, Proposals.ProposalInput input) {
        return Response.status(201).entity(proposals.propose(id, table, input)).build();
    }
}
