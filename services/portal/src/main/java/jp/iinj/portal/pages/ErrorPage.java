package jp.iinj.portal.pages;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.result.view.Rendering;

/**
 * The kinds of failure a person can be told about, each a title and a text in the message bundles
 * ({@code error.<key>.title}, {@code error.<key>.text}) and the status the page answers with.
 */
public enum ErrorPage {
    /** also for 403: a page the person may not see does not exist for them, as in the APIs */
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND),
    CONFLICT("conflict", HttpStatus.CONFLICT),
    GONE("gone", HttpStatus.GONE),
    TOO_MANY("too-many", HttpStatus.TOO_MANY_REQUESTS),
    BAD_REQUEST("bad-request", HttpStatus.BAD_REQUEST),
    UNAVAILABLE("unavailable", HttpStatus.SERVICE_UNAVAILABLE);

    private final String key;
    private final HttpStatus status;

    ErrorPage(String key, HttpStatus status) {
        this.key = key;
        this.status = status;
    }

    public static ErrorPage forStatus(int status) {
        return switch (status) {
            case 403, 404 -> NOT_FOUND;
            case 409, 412 -> CONFLICT;
            case 410 -> GONE;
            case 429 -> TOO_MANY;
            default -> status >= 500 ? UNAVAILABLE : BAD_REQUEST;
        };
    }

    public String key() {
        return key;
    }

    public HttpStatus status() {
        return status;
    }

    public Rendering rendering(String correlationId) {
        return Rendering.view("error").status(status)
                .modelAttribute("errorKey", key)
                .modelAttribute("correlationId", correlationId)
                .build();
    }
}
