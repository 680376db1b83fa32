package nl.vertelpunt.card.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
import java.util.List;
import java.util.UUID;
import nl.vertelpunt.card.CardService;
import nl.vertelpunt.card.render.SvgCharts;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Observation cards: drafted from a pattern, edited by facilitators, versioned. */
@Path("/api/cards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cards", description = "Observatiekaarten: a strong pattern in words, with its data and typical stories")
public class CardResource {

    private final CardService cards;

    CardResource(CardService cards) {
        this.cards = cards;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Draft a card from a pattern of a finished evaluation (facilitators, analysts)",
            description = "The observation is drafted in Dutch and typical stories are suggested; edit them with PUT.")
    public Response create(CardService.NewCard request) {
        CardService.CardView card = cards.create(request);
        return Response.created(URI.create("/api/cards/" + card.id()))
                .entity(card)
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A card with its stories, data and provenance")
    public CardService.CardView get(@PathParam("id") UUID id) {
        return cards.get(id);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Save an edit as the next version (send the version you edited; 409 when someone saved in between)")
    public CardService.CardView update(@PathParam("id") UUID id, CardService.CardEdit edit) {
        return cards.update(id, edit);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a card that is on no session table")
    public Response delete(@PathParam("id") UUID id) {
        cards.delete(id);
        return Response.noContent().build();
    }

    @PUT
    @Path("/{id}/trend")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Put a trend ('Door de tijd') on the card: a snapshot of a monitoring result, as the next version",
            description = "{\"request\": <monitoring request, at most 2 indicators and 12 periods>, \"module\":"
                    + " optional, a module the card's story point includes, \"version\": optional}. The result is"
                    + " computed now and kept: later stories do not change the card.")
    public CardService.CardView putTrend(@PathParam("id") UUID id, CardService.TrendRequest request) {
        return cards.putTrend(id, request);
    }

    @DELETE
    @Path("/{id}/trend")
    @Operation(summary = "Take the trend off the card, as the next version (optional ?version= as for an edit)")
    public CardService.CardView removeTrend(@PathParam("id") UUID id, @QueryParam("version") Integer version) {
        return cards.removeTrend(id, version);
    }

    @GET
    @Path("/{id}/suggestions")
    @Operation(summary = "More typical stories for the card, not on it yet")
    public List<CardService.Suggestion> suggestions(
            @PathParam("id") UUID id, @QueryParam("count") @DefaultValue("8") int count) {
        return cards.suggestions(id, count);
    }

    @GET
    @Path("/{id}/chart.svg")
    @Produces("image/svg+xml")
    @Operation(summary = "The card's chart as SVG, the same as on paper")
    public Response chart(@PathParam("id") UUID id) {
        return Response.ok(SvgCharts.chart(cards.document(id)))
                .type("image/svg+xml; charset=UTF-8")
                .build();
    }

    @GET
    @Path("/{id}/revisions")
    @Operation(summary = "Every saved version of the card, newest first")
    public List<CardService.Revision> revisions(@PathParam("id") UUID id) {
        return cards.revisions(id);
    }
}
