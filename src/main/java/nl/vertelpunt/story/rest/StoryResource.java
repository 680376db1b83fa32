package nl.vertelpunt.story.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import nl.vertelpunt.story.StorySearchService;
import nl.vertelpunt.story.StoryService;
import nl.vertelpunt.story.StoryTransferService;
import nl.vertelpunt.user.StaffRole;
import nl.vertelpunt.user.session.CsrfFilter;
import nl.vertelpunt.web.JsonBodies;
import nl.vertelpunt.web.ProblemException;
import nl.vertelpunt.web.RateLimits;
import nl.vertelpunt.web.ServiceMetrics;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Story intake (public), and reading, exporting and importing stories (staff). */
@Path("/api/storypoints/{slug}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stories", description = "Sharing stories and working with them")
public class StoryResource {

    /** Largest story submission accepted. */
    static final int MAX_SUBMISSION_BYTES = 64 * 1024;

    /** The shape of a submission, for the API description. */
    @Schema(name = "StorySubmission")
    public record SubmissionDoc(
            String submissionId,
            String role,
            String language,
            String title,
            String text,
            Map<String, Object> answers,

            @Schema(
                    description =
                            "online (default); verteltafel or papier only for a signed-in facilitator of the story point or an admin")
            String channel,

            @Schema(
                    description = "verteltafel and papier: the gathering's label, at most 100 characters",
                    maxLength = 100)
            String gathering,

            @Schema(
                    description =
                            "verteltafel and papier: the day the story was told or the paper form was written (default today)",
                    format = "date")
            String toldOn) {}

    private final StoryService stories;
    private final StoryTransferService transfer;
    private final StorySearchService searches;
    private final FilterParameter filters;
    private final RateLimits rateLimits;
    private final SecurityIdentity identity;

    StoryResource(
            StoryService stories,
            StoryTransferService transfer,
            StorySearchService searches,
            FilterParameter filters,
            RateLimits rateLimits,
            SecurityIdentity identity) {
        this.identity = identity;
        this.rateLimits = rateLimits;
        this.stories = stories;
        this.transfer = transfer;
        this.searches = searches;
        this.filters = filters;
    }

    @POST
    @Path("/stories")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Share a story (public)",
            description = "201 with the new story's id; 200 with the same id when this submissionId was stored before. "
                    + "Stories of a verteltafel or from paper (channel) are sent by a signed-in facilitator of the story point "
                    + "or an admin (with the session cookie also with X-CSRF-Token); they are not counted against the "
                    + "per-address limit and get no receipt code.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SubmissionDoc.class)))
    public Response submit(@PathParam("slug") String slug, InputStream body, @Context HttpServerRequest request) {
        JsonNode submission = JsonBodies.readObject(body, MAX_SUBMISSION_BYTES);
        if (StoryService.staffChannel(submission)) {
            // sent by staff (checked by the service): a verteltafel's queue of 30 stories from one address is fine,
            // but a change made with the session cookie needs the session's CSRF token, as everywhere in the workspace
            CsrfFilter.requireForStaffStory(identity, request.getHeader(CsrfFilter.HEADER));
        } else {
            rateLimits.storySubmission(request);
        }
        StoryService.Receipt receipt = stories.submit(slug, submission);
        if (!receipt.created()) {
            return Response.ok(receipt).build();
        }
        return Response.created(URI.create("/api/storypoints/" + slug + "/stories/" + receipt.id()))
                .entity(receipt)
                .build();
    }

    @GET
    @Path("/stories/{id}")
    @Operation(summary = "One story with its answers (staff of this story point)")
    public StoryService.StoryView get(@PathParam("slug") String slug, @PathParam("id") String id) {
        return stories.get(slug, id);
    }

    @GET
    @Path("/stories.csv")
    @Produces("text/csv")
    @Operation(
            summary = "Stories as CSV in the exchange format (analysts of this story point, admins)",
            description =
                    "All stories, or those that pass ?filter={...} (JSON, as in evaluations). Hidden stories are never exported. Logged.")
    public Response exportCsv(@PathParam("slug") String slug, @QueryParam("filter") String filter) {
        return download(
                transfer.export(slug, filters.parse(filter), StoryTransferService.Format.CSV),
                "text/csv; charset=UTF-8");
    }

    @GET
    @Path("/stories.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "Stories as an Excel workbook, with a sheet that explains the questions (analysts, admins)")
    public Response exportXlsx(@PathParam("slug") String slug, @QueryParam("filter") String filter) {
        return download(
                transfer.export(slug, filters.parse(filter), StoryTransferService.Format.XLSX),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    @POST
    @Path("/stories/search")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Search stories: full text (Dutch), filters, moderation state, paging (staff of this story point)")
    public StorySearchService.Page search(@PathParam("slug") String slug, StorySearchService.Search search) {
        return searches.search(slug, search);
    }

    private static Response download(StoryTransferService.Export export, String type) {
        StreamingOutput body = export.body()::writeTo;
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"" + export.filename() + "\"")
                .build();
    }

    @POST
    @Path("/stories/import")
    @RolesAllowed(StaffRole.ADMIN)
    @Consumes("text/csv")
    @Operation(
            summary = "Import stories from CSV in the exchange format (admin)",
            description = "All rows are checked first; if any is wrong nothing is stored and 422 lists every bad line. "
                    + "With dryRun=true the file is only checked.")
    public StoryTransferService.ImportReport importCsv(
            @PathParam("slug") String slug, @QueryParam("dryRun") String dryRun, InputStream body) {
        if (dryRun != null && !dryRun.equals("true") && !dryRun.equals("false")) {
            throw ProblemException.malformed("dryRun", "must be true or false");
        }
        StoryTransferService.ImportReport report = transfer.importCsv(slug, body, "true".equals(dryRun));
        if (!report.dryRun()) {
            ServiceMetrics.storyReceived(slug, "import", report.created());
        }
        return report;
    }
}
