package jp.iinj.httpapi.core.problems;

/** 409 {@code conflict}: the request contradicts the resource's current state, e.g. a duplicate registration. */
public final class ConflictException extends ProblemException {

    public ConflictException(String detail) {
        this(detail, null);
    }

    public ConflictException(String detail, Throwable cause) {
        super(ProblemType.CONFLICT, detail, cause);
    }
}
