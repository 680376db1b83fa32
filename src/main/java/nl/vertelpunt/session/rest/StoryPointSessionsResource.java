package nl.vertelpunt.session.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import nl.vertelpunt.session.SenseSessionService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The sessions of one story point. */
@Path("/api/storypoints/{slug}/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions")
public class StoryPointSessionsResource {

    private final SenseSessionService sessions;

    StoryPointSessionsResource(SenseSessionService sessions) {
        this.sessions = sessions;
    }

    @GET
    @Operation(summary = "The sessions of a story point, the latest first")
    public List<SenseSessionService.SessionSummary> list(@PathParam("slug") String slug) {
        return sessions.list(slug);
    }
}
