package nl.vertelpunt.card.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.vertelpunt.card.CardService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The observation cards of one story point. */
@Path("/api/storypoints/{slug}/cards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cards")
public class StoryPointCardsResource {

    private final CardService cards;

    StoryPointCardsResource(CardService cards) {
        this.cards = cards;
    }

    @GET
    @Operation(summary = "The cards of a story point, in the order they were made")
    public List<CardService.CardSummary> list(@PathParam("slug") String slug) {
        return cards.list(slug);
    }
}
