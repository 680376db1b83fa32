package nl.vertelpunt.card.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.vertelpunt.card.CardService;
import nl.vertelpunt.card.render.CardDocument;
import nl.vertelpunt.card.render.CardRenderer;
import nl.vertelpunt.web.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The observation cards of one story point, and their decks as PDF and HTML. */
@Path("/api/storypoints/{slug}/cards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cards")
public class StoryPointCardsResource {

    private final CardService cards;
    private final CardRenderer renderer;

    StoryPointCardsResource(CardService cards, CardRenderer renderer) {
        this.cards = cards;
        this.renderer = renderer;
    }

    @GET
    @Operation(summary = "The cards of a story point, in the order they were made")
    public List<CardService.CardSummary> list(@PathParam("slug") String slug) {
        return cards.list(slug);
    }

    @GET
    @Path("/deck.pdf")
    @Produces("application/pdf")
    @Operation(summary = "A printable A4 deck, one card per page (?card=id&card=id in this order; none: every card)")
    public Response pdf(@PathParam("slug") String slug, @QueryParam("card") List<String> ids) {
        List<CardDocument> deck = deck(slug, ids);
        return Decks.pdf(renderer.pdf(deck), "observatiekaarten-" + slug);
    }

    @GET
    @Path("/deck.html")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The same deck as one HTML page (the same template as the PDF)")
    public Response html(@PathParam("slug") String slug, @QueryParam("card") List<String> ids) {
        return Decks.html(renderer.html(deck(slug, ids)));
    }

    private List<CardDocument> deck(String slug, List<String> ids) {
        List<UUID> parsed = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            try {
                parsed.add(UUID.fromString(ids.get(i)));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("card[" + i + "]", "'" + ids.get(i) + "' is not a card id");
            }
        }
        List<CardDocument> deck = cards.deck(slug, parsed);
        if (deck.isEmpty()) {
            throw ProblemException.conflict("card", "this story point has no cards yet");
        }
        return deck;
    }
}
