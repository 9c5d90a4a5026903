package jp.iinj.httpapi.core.problems;

/** 404 {@code not-found}: the addressed resource does not exist (or the caller may not know that it does). */
public final class ResourceNotFoundException extends ProblemException {

    public ResourceNotFoundException(String detail) {
        this(detail, null);
    }

    public ResourceNotFoundException(String detail, Throwable cause) {
        super(ProblemType.NOT_FOUND, detail, cause);
    }
}
