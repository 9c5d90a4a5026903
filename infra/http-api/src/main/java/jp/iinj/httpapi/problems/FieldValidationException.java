package jp.iinj.httpapi.problems;

import java.util.List;

/**
 * 400 {@code invalid-request} with field-level {@code errors}: domain validation that Bean Validation cannot
 * express, e.g. a corporate number whose check digit does not match.
 */
public final class FieldValidationException extends ProblemException {

    static final String DETAIL = "One or more fields are invalid.";

    private final List<InvalidField> errors;

    public FieldValidationException(List<InvalidField> errors) {
        super(ProblemType.INVALID_REQUEST, DETAIL, null);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a field validation failure needs at least one invalid field");
        }
        this.errors = List.copyOf(errors);
    }

    public FieldValidationException(String field, String message) {
        this(List.of(new InvalidField(field, message)));
    }

    @Override
    public List<InvalidField> errors() {
        return errors;
    }
}
