package jp.iinj.httpapi.core.problems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;

/**
 * What the web server itself refuses before any application code sees the request: a request line or headers it
 * cannot parse or will not hold, a transfer coding it does not know. The server (Reactor Netty, Tomcat) chooses the
 * status; the platform only words the problem, the same way on every stack. The texts name no limit and echo nothing
 * of the request: the request could not be read, so nothing of it is trusted.
 */
public final class ServerRefusals {

    static final String MALFORMED = "The request line or headers are malformed or too large.";
    static final String URI_TOO_LONG = "The request URI is longer than the server accepts.";
    static final String HEADERS_TOO_LARGE = "The request headers are larger than the server accepts.";
    static final String TRANSFER_CODING = "The request's transfer coding is not supported.";

    private ServerRefusals() {
    }

    /** The problem for a status the server answered on its own; statuses it does not choose get the usual texts. */
    public static Problem forStatus(HttpStatusCode status) {
        String detail = switch (status.value()) {
            case 400 -> MALFORMED;
            case 414 -> URI_TOO_LONG;
            case 431 -> HEADERS_TOO_LARGE;
            default -> null;
        };
        return detail == null ? FailureProblems.forStatus(status) : Problem.forStatus(status, detail, HttpHeaders.EMPTY);
    }

    /**
     * 400 for a {@code Transfer-Encoding} whose final coding is not {@code chunked}: RFC 9112 §6.3 leaves the body's
     * length unknown and asks for a 400 (Tomcat answers 501, "not implemented"; bad input is a 4xx on this platform).
     */
    public static Problem unsupportedTransferCoding() {
        return Problem.of(ProblemType.INVALID_REQUEST, TRANSFER_CODING);
    }
}
