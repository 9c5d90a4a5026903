package jp.iinj.httpapi.problems;

import java.util.List;

/**
 * A failure a service reports to its client as a problem response. The message is the problem's {@code detail}
 * and is sent to the client as is: say what is wrong with the request, never how the service works inside.
 */
public abstract sealed class ProblemException extends RuntimeException
        permits ResourceNotFoundException, ConflictException, PreconditionFailedException, FieldValidationException {

    private final ProblemType type;

    ProblemException(ProblemType type, String detail, Throwable cause) {
        super(detail, cause);
        this.type = type;
    }

    public ProblemType type() {
        return type;
    }

    public String detail() {
        return getMessage();
    }

    /** The field-level problems; empty unless the problem concerns particular fields. */
    public List<InvalidField> errors() {
        return List.of();
    }
}
