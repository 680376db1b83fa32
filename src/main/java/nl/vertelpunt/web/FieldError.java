package nl.vertelpunt.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One reason why input was refused: the field (a dotted path such as {@code answers.gehoord} or
 * {@code questions[2].options[0].id}, or a column name for files), a plain message and, for files,
 * the line where the record starts.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String field, String message, Long line) {

    public FieldError(String field, String message) {
        this(field, message, null);
    }

    public FieldError atLine(long lineNumber) {
        return new FieldError(field, message, lineNumber);
    }
}
