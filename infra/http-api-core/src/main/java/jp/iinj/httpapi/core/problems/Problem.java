package jp.iinj.httpapi.core.problems;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** What went wrong, before it is addressed to a request (instance, correlation id). */
public record Problem(HttpStatusCode status, URI type, String title, String detail, List<InvalidField> errors,
               HttpHeaders headers, String code) {

    /**
     * The member naming which of a type's cases this is, e.g. {@code interest-already-open} for a 409: a client decides
     * on it, never on the English {@code detail}.
     */
    public static final String CODE_MEMBER = "code";

    /** The member of a problem body carrying the request's correlation id. */
    public static final String CORRELATION_ID_MEMBER = "correlationId";

    private static final URI ABOUT_BLANK = URI.create("about:blank");

    public static Problem of(ProblemType type, String detail) {
        return of(type, detail, List.of());
    }

    public static Problem of(ProblemType type, String detail, List<InvalidField> errors) {
        return new Problem(type.status(), type.uri(), type.title(), detail, errors, HttpHeaders.EMPTY, null);
    }

    public static Problem invalidFields(List<InvalidField> errors) {
        return of(ProblemType.INVALID_REQUEST, FieldValidationException.DETAIL, errors);
    }

    public static Problem forStatus(HttpStatusCode status, String detail, HttpHeaders headers) {
        return ProblemType.forStatus(status)
                .map(type -> new Problem(status, type.uri(), type.title(), detail, List.of(), headers, null))
                .orElseGet(() -> new Problem(status, ABOUT_BLANK, reasonPhrase(status), detail, List.of(), headers,
                        null));
    }

    /**
     * The body every stack sends: {@code type, title, status, detail, instance, correlationId}, for field-level
     * problems {@code errors}, and {@code code} when the case has one.
     *
     * @param path          the request's raw path, the problem's {@code instance}; left out if it is no valid URI
     * @param correlationId the request's id, or null if it has none
     */
    public ProblemDetail toProblemDetail(String path, String correlationId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        problem.setInstance(instance(path));
        if (correlationId != null) {
            problem.setProperty(CORRELATION_ID_MEMBER, correlationId);
        }
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        if (code != null) {
            problem.setProperty(CODE_MEMBER, code);
        }
        return problem;
    }

    private static URI instance(String path) {
        try {
            return path == null ? null : URI.create(URI.create(path).getRawPath());
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }

    private static String reasonPhrase(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.getReasonPhrase() : null;
    }
}
