package nl.vertelpunt.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The body of an {@code application/problem+json} answer (RFC 9457), with the fields at fault. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail, List<FieldError> errors) {
        return new Problem("about:blank", title, status, detail, errors);
    }
}
