package jp.iinj.httpapi.core.problems;

/** 428 {@code precondition-required}: an update came without {@code If-Match}, so it could overwrite a newer change. */
public final class PreconditionRequiredException extends ProblemException {

    public PreconditionRequiredException(String detail) {
        super(ProblemType.PRECONDITION_REQUIRED, detail, (Throwable) null);
    }
}
