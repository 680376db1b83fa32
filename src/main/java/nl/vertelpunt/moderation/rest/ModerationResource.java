package nl.vertelpunt.moderation.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import nl.vertelpunt.moderation.ModerationService;
import nl.vertelpunt.web.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Moderation of a story point's stories: flags, redaction, hiding (analysts of the story point, admins). */
@Path("/api/storypoints/{slug}/moderation/stories/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Moderation", description = "Personal data in stories: flags, redaction, hiding")
public class ModerationResource {

    /** Whether a story is hidden from all analysis and exports. */
    public record Visibility(Boolean hidden) {}

    private final ModerationService moderation;

    ModerationResource(ModerationService moderation) {
        this.moderation = moderation;
    }

    @GET
    @Path("/flags")
    @Operation(summary = "The personal-data flags of a story (never shown publicly)")
    public List<ModerationService.FlagView> flags(@PathParam("slug") String slug, @PathParam("id") String id) {
        return moderation.flags(slug, id);
    }

    @POST
    @Path("/redactions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Redact a span of the title or text; the original is gone for good")
    public ModerationService.State redact(
            @PathParam("slug") String slug, @PathParam("id") String id, ModerationService.Redaction redaction) {
        return moderation.redact(slug, id, redaction);
    }

    @PUT
    @Path("/visibility")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Hide a story from all analysis and exports, or show it again")
    public ModerationService.State visibility(
            @PathParam("slug") String slug, @PathParam("id") String id, Visibility visibility) {
        if (visibility == null || visibility.hidden() == null) {
            throw ProblemException.invalid("hidden", "is required: true or false");
        }
        return moderation.setHidden(slug, id, visibility.hidden());
    }

    @POST
    @Path("/flags/{flag}/dismissal")
    @Operation(summary = "Dismiss a flag as a false alarm")
    public ModerationService.State dismiss(
            @PathParam("slug") String slug, @PathParam("id") String id, @PathParam("flag") long flag) {
        return moderation.dismiss(slug, id, flag);
    }
}
