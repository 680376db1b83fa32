package nl.vertelpunt.keyword.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.vertelpunt.keyword.KeywordRequest;
import nl.vertelpunt.keyword.KeywordService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The words that set two groups of stories apart (analysts and facilitators of the story point). */
@Path("/api/storypoints/{slug}/keywords")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Keywords", description = "Words that set two groups of stories apart (G², BH, log ratio)")
public class KeywordResource {

    private final KeywordService keywords;

    KeywordResource(KeywordService keywords) {
        this.keywords = keywords;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The words that set the focus apart from the reference (\"rest\" or a filter)",
            description = "Per word the stories of each group that use it (suppressed), G², p, Benjamini-Hochberg q"
                    + " and the log ratio; ranked by G². Words in fewer stories than the threshold are never shown.")
    public KeywordService.Keywords keywords(@PathParam("slug") String slug, KeywordRequest request) {
        return keywords.keywords(slug, request);
    }
}
