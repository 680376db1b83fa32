package nl.vertelpunt.moderation.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import nl.vertelpunt.moderation.ModerationService;
import nl.vertelpunt.web.ClientAddress;
import nl.vertelpunt.web.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The storyteller withdraws their story with the receipt code (public, no account). */
@Path("/api/storypoints/{slug}/withdrawals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stories")
public class WithdrawalResource {

    /** The receipt code shown once when the story was shared. */
    public record Withdrawal(String receiptCode) {}

    private final ModerationService moderation;
    private final ClientAddress clients;

    WithdrawalResource(ModerationService moderation, ClientAddress clients) {
        this.moderation = moderation;
        this.clients = clients;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Withdraw a story with its receipt code: it is deleted for good (public, rate-limited)")
    public Response withdraw(
            @PathParam("slug") String slug, Withdrawal withdrawal, @Context HttpServerRequest request) {
        if (withdrawal == null) {
            throw ProblemException.malformed("body", "a JSON object with receiptCode is expected");
        }
        // the address only keys an in-memory counter of attempts; it is never stored or logged
        moderation.withdraw(slug, withdrawal.receiptCode(), clients.of(request));
        return Response.noContent().build();
    }
}
