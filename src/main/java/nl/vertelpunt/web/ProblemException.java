package nl.vertelpunt.web;

import java.util.List;

/**
 * A refusal that becomes an {@code application/problem+json} answer: an HTTP status, a short title, a
 * detail sentence and, where input was at fault, the fields and why.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<FieldError> errors;
    private final Long retryAfterSeconds;

    public ProblemException(int status, String title, String detail, List<FieldError> errors) {
        super(detail);
        if (status == 429) {
            // every 429 says when to try again: made only by tooManyAttempts and tooManyRequests
            throw new IllegalArgumentException("a 429 needs the seconds to wait");
        }
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = null;
    }

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    private ProblemException(String title, String detail, long waitSeconds) {
        super(detail);
        this.status = 429;
        this.title = title;
        this.errors = List.of();
        this.retryAfterSeconds = waitSeconds;
    }

    /** 429: too many attempts; the answer carries {@code Retry-After} with the seconds to wait. */
    public static ProblemException tooManyAttempts(String detail, long waitSeconds) {
        return new ProblemException("Too many attempts", detail, waitSeconds);
    }

    /** 429: too many requests from one client; the answer carries {@code Retry-After} with the seconds to wait. */
    public static ProblemException tooManyRequests(String detail, long waitSeconds) {
        return new ProblemException("Too many requests", detail, waitSeconds);
    }

    /** 422: the input was well-formed but does not fit the rules. */
    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are not valid; see errors";
        return new ProblemException(422, "Invalid input", detail, errors);
    }

    /** 422 for a single field. */
    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    /** 400: the body could not be read as the expected format. */
    public static ProblemException malformed(String field, String message) {
        return new ProblemException(
                400, "Malformed request", field + ": " + message, List.of(new FieldError(field, message)));
    }

    /** 404 for an unknown thing. */
    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not found", what);
    }

    /** 403: signed in, but not allowed here. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail);
    }

    /** 409: the request conflicts with what is stored. */
    public static ProblemException conflict(String field, String message) {
        return new ProblemException(409, "Conflict", field + ": " + message, List.of(new FieldError(field, message)));
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Seconds to wait before trying again (for 429), or null. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
