package jp.iinj.httpapi.core.problems;

/** 412 {@code precondition-failed}: a conditional request ({@code If-Match}) met a resource that has changed. */
public final class PreconditionFailedException extends ProblemException {

    public PreconditionFailedException(String detail) {
        this(detail, null);
    }

    public PreconditionFailedException(String detail, Throwable cause) {
        super(ProblemType.PRECONDITION_FAILED, detail, cause);
    }
}
