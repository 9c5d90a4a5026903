package jp.iinj.httpapi.core.problems;

import java.util.List;

import org.springframework.http.HttpHeaders;

/**
 * 400 {@code invalid-request} with field-level {@code errors}: domain validation that Bean Validation cannot
 * express, e.g. a corporate number whose check digit does not match.
 */
public final class FieldValidationException extends ProblemException {

    static final String DETAIL = "One or more fields are invalid.";

    public FieldValidationException(List<InvalidField> errors) {
        super(ProblemType.INVALID_REQUEST, DETAIL, requireSome(errors), HttpHeaders.EMPTY, null);
    }

    public FieldValidationException(String field, String message) {
        this(List.of(new InvalidField(field, message)));
    }

    private static List<InvalidField> requireSome(List<InvalidField> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a field validation failure needs at least one invalid field");
        }
        return errors;
    }
}
