package jp.iinj.httpapi.core.problems;

import java.util.List;

import org.springframework.http.HttpHeaders;

/**
 * A failure a service reports to its client as a problem response. The message is the problem's {@code detail}
 * and is sent to the client as is: say what is wrong with the request, never how the service works inside.
 * Subclasses name the common cases; the factories cover the rest.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<InvalidField> errors;
    private final HttpHeaders headers;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of(), HttpHeaders.EMPTY, null);
    }

    /** @param headers sent with the problem, e.g. {@code Retry-After} of a 429 */
    public ProblemException(ProblemType type, String detail, HttpHeaders headers) {
        this(type, detail, List.of(), headers, null);
    }

    public ProblemException(ProblemType type, String detail, HttpHeaders headers, Throwable cause) {
        this(type, detail, List.of(), headers, cause);
    }

    protected ProblemException(ProblemType type, String detail, Throwable cause) {
        this(type, detail, List.of(), HttpHeaders.EMPTY, cause);
    }

    protected ProblemException(ProblemType type, String detail, List<InvalidField> errors, HttpHeaders headers, Throwable cause) {
        super(detail, cause);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }

    /** 410: e.g. a one-time link that was used or has expired. */
    public static ProblemException gone(String detail) {
        return new ProblemException(ProblemType.GONE, detail);
    }

    public ProblemType type() {
        return type;
    }

    public String detail() {
        return getMessage();
    }

    /** The field-level problems; empty unless the problem concerns particular fields. */
    public List<InvalidField> errors() {
        return errors;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /** Which case of the type this is ({@code code} member), or null; see {@link Problem#CODE_MEMBER}. */
    public String code() {
        return null;
    }

    /** The problem this exception reports, before it is addressed to a request. */
    public Problem toProblem() {
        return new Problem(type.status(), type.uri(), type.title(), detail(), errors, headers, code());
    }
}
