package jp.iinj.httpapi.core.problems;

import java.io.IOException;

import org.springframework.util.unit.DataSize;

/**
 * Thrown while a request body is read past the service's limit, by a stack whose framework has no limit of its own
 * (the servlet stack's body limit filter). An {@link IOException}, because it surfaces from the body's input stream;
 * the framework wraps it, {@link FailureProblems} finds it and answers 413 naming the limit.
 */
public final class RequestBodyTooLargeException extends IOException {

    private final DataSize limit;

    public RequestBodyTooLargeException(DataSize limit) {
        super("request body larger than " + limit.toBytes() + " bytes");
        this.limit = limit;
    }

    public DataSize limit() {
        return limit;
    }
}
