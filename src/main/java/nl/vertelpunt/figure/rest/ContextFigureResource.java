package nl.vertelpunt.figure.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import nl.vertelpunt.figure.ContextFigureService;
import nl.vertelpunt.web.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Context figures of a story point (cijfers naast de verhalen): upload a set as CSV, read them, delete them. */
@Path("/api/storypoints/{slug}/figures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Context figures", description = "Figures from outside sources next to the stories")
public class ContextFigureResource {

    private final ContextFigureService figures;

    ContextFigureResource(ContextFigureService figures) {
        this.figures = figures;
    }

    @GET
    @Operation(summary = "Every set of context figures of the story point (analysts, facilitators, admins)")
    public ContextFigureService.Figures list(@PathParam("slug") String slug) {
        return figures.list(slug);
    }

    @PUT
    @Consumes("text/csv")
    @Operation(
            summary = "Upload a set of context figures as CSV (analysts, admins)",
            description = "Columns indicator, region, period, value, unit, source (or in Dutch indicator, regio, "
                    + "periode, waarde, eenheid, bron), separated by semicolons when the header line holds one, by "
                    + "commas otherwise; values with a decimal comma or point. ?set= names the set: 201 when it is "
                    + "new, 200 when it replaced the set of that name. Any bad cell refuses the whole file with 422 "
                    + "naming rows[i].column; nothing is stored then.")
    public Response upload(@PathParam("slug") String slug, @QueryParam("set") String set, InputStream body) {
        ContextFigureService.Upload upload = figures.upload(slug, set, body);
        return Response.status(upload.created() ? 201 : 200)
                .entity(upload.set())
                .build();
    }

    @DELETE
    @Operation(summary = "Delete the set ?set= with all its figures (analysts, admins)")
    public Response deleteSet(@PathParam("slug") String slug, @QueryParam("set") String set) {
        figures.deleteSet(slug, set);
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete one figure (analysts, admins); cards keep their copy")
    public Response deleteFigure(@PathParam("slug") String slug, @PathParam("id") String id) {
        long figure;
        try {
            figure = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.malformed("id", "must be the whole number of a figure");
        }
        figures.deleteFigure(slug, figure);
        return Response.noContent().build();
    }
}
