package jp.iinj.httpapi.core.problems;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of a problem's {@code errors} member.
 *
 * @param field   property path inside the request, e.g. {@code corporateNumber} or {@code offices[0].city};
 *                {@code null} for a problem of the request object as a whole
 * @param message what is wrong, for a human; never contains the rejected value
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvalidField(String field, String message) {

    public InvalidField {
        Objects.requireNonNull(message, "message");
    }
}
