package jp.iinj.httpapi.core.problems;

import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * The problem for a failure whatever the web stack: the platform's own {@link ProblemException}s, validation, and
 * Spring's {@link ErrorResponse}s. Each stack's handler first recognises what only it throws (its JSON reading
 * and size-limit failures), then asks here; anything unknown is a 500 that says nothing about the inside.
 */
public final class FailureProblems {

    public static final String UNEXPECTED_DETAIL = "The request could not be completed. Quote the correlation id when reporting it.";

    private static final int MAX_CAUSE_DEPTH = 16;

    private FailureProblems() {
    }

    public static Problem describe(Throwable error) {
        if (error instanceof ProblemException problem) {
            return problem.toProblem();
        }
        if (error instanceof BindingResult invalid) {
            // WebFlux's WebExchangeBindException and MVC's MethodArgumentNotValidException: @Valid request bodies
            return ValidationProblems.describe(invalid);
        }
        if (error instanceof HandlerMethodValidationException invalid) {
            return ValidationProblems.describe(invalid);
        }
        if (error instanceof ErrorResponse response) {
            // 5xx reasons may describe internals
            String detail = response.getStatusCode().is5xxServerError() ? UNEXPECTED_DETAIL : response.getBody().getDetail();
            return Problem.forStatus(response.getStatusCode(), detail, response.getHeaders());
        }
        return Problem.of(ProblemType.INTERNAL_ERROR, UNEXPECTED_DETAIL);
    }

    /** The first cause of this type, e.g. the Jackson failure inside a framework's "unreadable body". */
    public static <T extends Throwable> T causeOfType(Throwable error, Class<T> type) {
        Throwable cause = error;
        // bounded: a cause chain can be cyclic
        for (int depth = 0; cause != null && depth < MAX_CAUSE_DEPTH; depth++, cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
