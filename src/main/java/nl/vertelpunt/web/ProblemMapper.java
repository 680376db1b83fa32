package nl.vertelpunt.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become {@code application/problem+json} answers (with {@link DatabaseConflictMapper},
 * a class of its own only because Hibernate's exception shares its simple name with Bean Validation's). Class names
 * and stack traces never reach the client; unexpected failures are logged without any request details.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    static final String CHALLENGE = "Basic realm=\"Vertelpunt\", charset=\"UTF-8\"";

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response r = response(e.status(), e.title(), e.getMessage(), e.errors());
        if (e.retryAfterSeconds() != null) {
            return Response.fromResponse(r)
                    .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                    .build();
        }
        return r;
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            // Quarkus REST wraps JSON that cannot be parsed (truncated, not JSON at all) in a plain 400
            return malformedJson(json);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error" : type.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "There is nothing at this address.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "The requested media type cannot be produced.";
            case 413 -> "The request body is too large.";
            case 415 -> "The request has a content type this endpoint does not accept.";
            default -> title;
        };
        List<FieldError> errors = status == 415 ? List.of(new FieldError("Content-Type", detail)) : List.of();
        return response(status, title, detail, errors);
    }

    /** Quarkus has its own mappers for these; ours answer in problem+json. */
    @ServerExceptionMapper({
        MismatchedInputException.class,
        UnrecognizedPropertyException.class,
        InvalidFormatException.class,
        JsonParseException.class
    })
    public Response jsonInput(JsonProcessingException e) {
        return malformedJson(e);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        if (e instanceof JsonMappingException
                && e.getCause() instanceof StreamReadException broken
                && !(broken instanceof InputCoercionException)) {
            // the document itself is broken (cut off, not JSON): that is the body's fault, not a field's
            e = broken;
        }
        String field = e instanceof JsonMappingException m ? JsonPaths.of(m.getPath()) : "body";
        String message = jsonMessage(e, field);
        return response(400, "Malformed request", field + ": " + message, List.of(new FieldError(field, message)));
    }

    /** What is wrong, in words a client understands, without the class names Jackson's messages hold. */
    public static String jsonMessage(JsonProcessingException e, String field) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof StrictJson.Refusal) {
            return e.getOriginalMessage();
        }
        if (e.getCause() instanceof InputCoercionException range) {
            return "is too large for " + expected(range.getTargetType());
        }
        if (e instanceof InvalidFormatException f) {
            String value = String.valueOf(f.getValue());
            return "'" + (value.length() > 40 ? value.substring(0, 39) + "\u2026" : value) + "' is not "
                    + expected(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m) {
            if (m.getOriginalMessage() != null && m.getOriginalMessage().startsWith("Trailing token")) {
                return "there is more after the JSON object; send one object";
            }
            if (field.equals("body")) {
                return "a JSON object is expected";
            }
            return "must be " + expected(m.getTargetType());
        }
        if (e instanceof JsonParseException || e instanceof StreamReadException) {
            String where = e.getLocation() == null || e.getLocation().getLineNr() < 1
                    ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")";
            String original = e.getOriginalMessage();
            return "not valid JSON" + where
                    + (original == null
                            ? ""
                            : ": " + original.lines().findFirst().orElse(""));
        }
        return "not valid JSON";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class) {
            return "a text";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == UUID.class) {
            return "an id such as 3f0e8c52-6f4e-4c8e-9a51-2b7f1d7c9e10";
        }
        if (type == LocalDate.class) {
            return "a date such as 2026-03-12";
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
            return "a time such as 2026-03-12T10:15:00Z";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(Object::toString)
                            .toList();
        }
        return "a JSON object";
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNodes(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .collect(Collectors.toList());
        return problem(ProblemException.invalid(errors));
    }

    /**
     * 401 with a Basic challenge for scripts; the web workspace (which sends {@code X-Requested-With})
     * gets no challenge, so the browser shows no password dialog of its own.
     */
    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e, HttpHeaders headers) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof ProblemException heldBack) {
                return problem(heldBack); // sign-in limits (user/session/SignInGuard) for HTTP Basic
            }
        }
        Response r = response(401, "Unauthorized", "Sign in with a valid user name and password.", List.of());
        if (headers.getHeaderString("X-Requested-With") != null) {
            return r;
        }
        return Response.fromResponse(r)
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return response(403, "Forbidden", "Your account may not do this.", List.of());
    }

    @ServerExceptionMapper({JDBCConnectionException.class, SQLTransientConnectionException.class})
    public Response databaseDown(Exception e) {
        LOG.warnf("Database unavailable: %s", e.getClass().getSimpleName());
        return Response.fromResponse(response(
                        503,
                        "Service unavailable",
                        "The database cannot be reached right now. Nothing was stored; please try again in a moment.",
                        List.of()))
                .header(HttpHeaders.RETRY_AFTER, "5")
                .build();
    }

    @ServerExceptionMapper
    public Response storage(StorageException e) {
        if (e.unavailable()) {
            return databaseDown(e);
        }
        LOG.errorf("Database refused a statement: %s", e.getMessage());
        return response(500, "Internal error", "Something went wrong on our side. Nothing was stored.", List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (StorageException.unavailable(e)) {
            return databaseDown(e instanceof Exception ex ? ex : new RuntimeException(e));
        }
        LOG.errorf(e, "Unexpected failure");
        return response(500, "Internal error", "Something went wrong on our side. Nothing was stored.", List.of());
    }

    static Response response(int status, String title, String detail, List<FieldError> errors) {
        ServiceMetrics.refused(status, title.toLowerCase(Locale.ROOT));
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, title, detail, errors))
                .build();
    }

    /** Bean-validation paths start with the method and parameter name; keep the part a client knows. */
    private static String lastNodes(String path) {
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }
}
