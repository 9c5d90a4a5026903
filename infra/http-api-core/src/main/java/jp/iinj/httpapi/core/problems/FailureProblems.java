package jp.iinj.httpapi.core.problems;

import java.util.List;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ServerWebInputException;

import tools.jackson.core.JacksonException;

/**
 * The problem for a failure, whatever the web stack: the platform's own {@link ProblemException}s, validation, request
 * bodies that cannot be read or are too large, and Spring's {@link ErrorResponse}s, from Spring MVC and WebFlux
 * alike (both throw exceptions of {@code spring-web}). Each stack's adapter first recognises the few failures only its
 * framework has (its "no handler here"; Spring MVC's {@code ServletException}s, which cannot be named here without
 * the servlet API), then asks here; anything unknown is a 500 that says nothing about the inside. The texts a client
 * reads for these statuses are chosen here, once.
 */
public final class FailureProblems {

    public static final String UNEXPECTED_DETAIL = "The request could not be completed. Quote the correlation id when reporting it.";

    static final String NOTHING_HERE = "Nothing is at this path.";
    static final String BODY_TOO_LARGE = "The request body exceeds the size limit.";
    static final String METHOD_NOT_ALLOWED = "The method is not allowed here.";
    static final String NOT_VALID = "The request is not valid.";
    // WebFlux's own reason for a missing body, which the servlet stack says too
    static final String NO_BODY = "No request body";
    static final String INVALID_VALUE = "Invalid value.";

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
        RequestBodyTooLargeException overLimit = causeOfType(error, RequestBodyTooLargeException.class);
        if (overLimit != null) {
            // the servlet stack's body limit, whose failure the message converter wraps
            return LimitProblems.bodyTooLarge(overLimit.limit()).toProblem();
        }
        if (error instanceof ContentTooLargeException || error instanceof DataBufferLimitException) {
            // WebFlux's codec limit (DataBufferLimitException arrives unwrapped from bodies read outside @RequestBody)
            return payloadTooLarge();
        }
        if (error instanceof HttpMessageNotReadableException || error instanceof ServerWebInputException) {
            return unreadableInput(error);
        }
        if (error instanceof TypeMismatchException mismatch) {
            // MVC's MethodArgumentTypeMismatchException: a path variable, parameter or header of the wrong type
            return invalidValue(mismatch.getPropertyName());
        }
        if (error instanceof MethodNotAllowedException notAllowed) {
            return methodNotAllowed(notAllowed.getHeaders());
        }
        if (error instanceof ErrorResponse response) {
            // 5xx reasons may describe internals
            String detail = response.getStatusCode().is5xxServerError() ? UNEXPECTED_DETAIL : response.getBody().getDetail();
            return Problem.forStatus(response.getStatusCode(), detail, response.getHeaders());
        }
        return Problem.of(ProblemType.INTERNAL_ERROR, UNEXPECTED_DETAIL);
    }

    /** A status that arrived without a failure to describe, e.g. the servlet container's own 400 or a {@code sendError}. */
    public static Problem forStatus(HttpStatusCode status) {
        String detail = switch (status.value()) {
            case 400 -> NOT_VALID;
            case 401 -> AccessProblems.TOKEN_REQUIRED;
            case 403 -> AccessProblems.ROLE_LACKING;
            case 404 -> NOTHING_HERE;
            case 405 -> METHOD_NOT_ALLOWED;
            case 413 -> BODY_TOO_LARGE;
            default -> status.is5xxServerError() ? UNEXPECTED_DETAIL : null;
        };
        return Problem.forStatus(status, detail, HttpHeaders.EMPTY);
    }

    /** 404 for a path no handler serves. */
    public static Problem nothingHere() {
        return Problem.of(ProblemType.NOT_FOUND, NOTHING_HERE);
    }

    /**
     * 405. The stacks word it differently ("Supported methods: [POST]", "Method 'GET' is not supported."), so the
     * platform says it once; the {@code Allow} header names the methods.
     */
    public static Problem methodNotAllowed(HttpHeaders allow) {
        return Problem.forStatus(HttpStatus.METHOD_NOT_ALLOWED, METHOD_NOT_ALLOWED, allow);
    }

    /** 413 for a body over a limit that is not told (WebFlux's codec limit); see {@link LimitProblems} for one that is. */
    public static Problem payloadTooLarge() {
        return Problem.of(ProblemType.PAYLOAD_TOO_LARGE, BODY_TOO_LARGE);
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

    private static Problem invalidValue(String name) {
        return Problem.invalidFields(List.of(new InvalidField(name, INVALID_VALUE)));
    }

    /** A body that is not JSON of the expected shape, or a parameter that cannot be converted. */
    private static Problem unreadableInput(Throwable error) {
        JacksonException json = causeOfType(error, JacksonException.class);
        if (json != null) {
            return JsonBodyProblems.describe(json);
        }
        if (error instanceof ServerWebInputException input) {
            if (input.getCause() instanceof TypeMismatchException && input.getMethodParameter() != null) {
                // named as for MVC's MethodArgumentTypeMismatchException
                return invalidValue(ValidationProblems.nameInRequest(input.getMethodParameter()));
            }
            // Spring's reasons are fixed phrases for clients, e.g. "No request body"
            return Problem.of(ProblemType.INVALID_REQUEST, input.getReason());
        }
        // MVC's message names the handler method
        return Problem.of(ProblemType.INVALID_REQUEST, NO_BODY);
    }
}
