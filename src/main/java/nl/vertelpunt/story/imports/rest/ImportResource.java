package nl.vertelpunt.story.imports.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.util.List;
import nl.vertelpunt.story.imports.ImportReport;
import nl.vertelpunt.story.imports.ImportService;
import nl.vertelpunt.user.StaffRole;
import nl.vertelpunt.web.FieldError;
import nl.vertelpunt.web.Problem;
import nl.vertelpunt.web.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Imports of story collections exported by other narrative tools (admin). */
@Path("/api/storypoints/{slug}/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stories", description = "Sharing stories and working with them")
public class ImportResource {

    private final ImportService imports;

    ImportResource(ImportService imports) {
        this.imports = imports;
    }

    /**
     * Both parts are taken as files, whether or not the client gives them a file name, so a mapping or a
     * file of any size (up to the request limit) is accepted either way.
     */
    @POST
    @RolesAllowed(StaffRole.ADMIN)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(
            summary = "Import stories exported by NarraFirma or a SenseMaker-style tool (admin)",
            description =
                    "multipart/form-data with the parts 'mapping' (JSON: how to read the file into the story point's "
                            + "questions) and 'file' (the exported CSV, UTF-8). Every row is checked first; if any does not fit "
                            + "nothing is stored and 422 lists every bad line. With dryRun=true nothing is stored and the answer "
                            + "explains how each column is read and lists every row that does not fit.")
    public ImportReport importStories(
            @PathParam("slug") String slug,
            @QueryParam("dryRun") String dryRun,
            @RestForm("mapping") FileUpload mapping,
            @RestForm("file") FileUpload file) {
        if (dryRun != null && !dryRun.equals("true") && !dryRun.equals("false")) {
            throw ProblemException.malformed("dryRun", "must be true or false");
        }
        if (mapping == null) {
            throw ProblemException.malformed("mapping", "is required: a part named 'mapping' with the mapping as JSON");
        }
        if (file == null) {
            throw ProblemException.malformed(
                    "file", "is required: a part named 'file' with the exported stories as CSV");
        }
        try (InputStream m = Files.newInputStream(mapping.uploadedFile());
                InputStream f = Files.newInputStream(file.uploadedFile())) {
            return imports.importStories(slug, m, f, "true".equals(dryRun));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The multipart body could not be read before this resource was called: the client cut the upload short
     * or sent a malformed body. That is the client's doing (400), not an unexpected failure; a problem with
     * the server's own disk stays a 500.
     */
    @ServerExceptionMapper
    public Response unreadableBody(IOException e) {
        if (e instanceof FileSystemException) {
            return Response.status(500)
                    .type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(
                            500, "Internal error", "Something went wrong on our side. Nothing was stored.", List.of()))
                    .build();
        }
        String message = "the multipart/form-data body could not be read: it was cut short or is malformed";
        return Response.status(400)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(
                        400, "Malformed request", "body: " + message, List.of(new FieldError("body", message))))
                .build();
    }
}
