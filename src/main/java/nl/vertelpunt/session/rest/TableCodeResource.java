package nl.vertelpunt.session.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import nl.vertelpunt.session.TableCodeService;
import nl.vertelpunt.web.ClientAddress;
import nl.vertelpunt.web.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A table's short code, typed by a participant at /t, gives the address of the table's page (no account). */
@Path("/api/table-codes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tables")
public class TableCodeResource {

    /** The code as typed. */
    public record CodeInput(String code) {}

    private final TableCodeService codes;
    private final ClientAddress clients;

    TableCodeResource(TableCodeService codes, ClientAddress clients) {
        this.codes = codes;
        this.clients = clients;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The table page of a short code (404 unknown, 410 ended, 429 after too many wrong codes from an"
                    + " address)")
    public TableCodeService.Resolved resolve(CodeInput input, @Context HttpServerRequest request) {
        if (input == null) {
            throw ProblemException.malformed("body", "a JSON object with code is expected");
        }
        // the address only keys an in-memory counter of wrong codes; it is never stored or logged
        return codes.resolve(input.code(), clients.of(request));
    }
}
