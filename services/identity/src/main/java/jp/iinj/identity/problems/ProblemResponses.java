package jp.iinj.identity.problems;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.iinj.httpapi.core.problems.FailureProblems;
import jp.iinj.httpapi.core.problems.InvalidField;
import jp.iinj.httpapi.core.problems.JsonBodyProblems;
import jp.iinj.httpapi.core.problems.Problem;
import jp.iinj.httpapi.core.problems.ProblemType;
import jp.iinj.identity.correlation.RequestCorrelation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns any failure of a request into its RFC 9457 {@code application/problem+json} answer, the same shape as the
 * WebFlux services: {@code type, title, status, detail, instance, correlationId, errors[{field, message}]}. Used
 * by the controller advice, the {@code /error} controller and the security entry points.
 */
@Component
public class ProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private final JsonMapper jsonMapper;

    public ProblemResponses(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    /** For controller advice: the answer to {@code error}. */
    public ResponseEntity<Map<String, Object>> toResponse(Throwable error, HttpServletRequest request) {
        Problem problem = describe(error);
        report(error, problem, request);
        return entity(problem, request, requestPath(request));
    }

    /** For code outside the dispatcher (entry points, filters): writes the problem to the response. */
    public void write(ProblemType type, String detail, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        write(Problem.of(type, detail), request, requestPath(request), response);
    }

    /** The {@code /error} dispatch: a status set by someone else (the container, {@code sendError}, a filter). */
    ResponseEntity<Map<String, Object>> forStatus(HttpStatusCode status, Throwable error, String path,
                                                  HttpServletRequest request) {
        Problem problem;
        if (error != null) {
            problem = describe(error);
            report(error, problem, request);
        } else {
            problem = Problem.forStatus(status, status.is5xxServerError() ? FailureProblems.UNEXPECTED_DETAIL : detailFor(status),
                    HttpHeaders.EMPTY);
            if (status.is5xxServerError()) {
                log.error("{} answered {} outside the dispatcher", path, status.value());
            }
        }
        return entity(problem, request, path);
    }

    private ResponseEntity<Map<String, Object>> entity(Problem problem, HttpServletRequest request, String path) {
        return ResponseEntity.status(problem.status())
                .headers(problem.headers())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body(problem, request, path));
    }

    private void write(Problem problem, HttpServletRequest request, String path, HttpServletResponse response)
            throws IOException {
        response.setStatus(problem.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        jsonMapper.writeValue(response.getOutputStream(), body(problem, request, path));
    }

    private static Map<String, Object> body(Problem problem, HttpServletRequest request, String path) {
        String correlationId = RequestCorrelation.of(request).orElse(null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type().toString());
        body.put("title", problem.title());
        body.put("status", problem.status().value());
        body.put("detail", problem.detail());
        body.put("instance", safeInstance(path));
        if (correlationId != null) {
            body.put("correlationId", correlationId);
        }
        if (!problem.errors().isEmpty()) {
            body.put("errors", problem.errors());
        }
        return body;
    }

    private static String safeInstance(String path) {
        try {
            return URI.create(path).getRawPath();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String requestPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    private static String detailFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "The request is not valid.";
            case 401 -> "Authentication is required.";
            case 403 -> "Not allowed.";
            case 404 -> "Nothing is at this path.";
            case 405 -> "The method is not allowed here.";
            default -> null;
        };
    }

    static Problem describe(Throwable error) {
        if (RequestBodyLimitFilter.isBodyTooLarge(error)) {
            return Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "The request body exceeds the size limit.");
        }
        if (error instanceof HttpMessageNotReadableException unreadable) {
            JacksonException json = FailureProblems.causeOfType(unreadable, JacksonException.class);
            return json != null
                    ? JsonBodyProblems.describe(json)
                    : Problem.of(ProblemType.INVALID_REQUEST, "The request body is missing or unreadable.");
        }
        if (error instanceof MissingPathVariableException) {
            return Problem.of(ProblemType.NOT_FOUND, "Nothing is at this path.");
        }
        if (error instanceof TypeMismatchException mismatch) {
            String name = mismatch.getPropertyName();
            return Problem.invalidFields(List.of(new InvalidField(name, "Invalid value.")));
        }
        if (error instanceof NoResourceFoundException || error instanceof NoHandlerFoundException) {
            return Problem.of(ProblemType.NOT_FOUND, "Nothing is at this path.");
        }
        return FailureProblems.describe(error);
    }

    private static void report(Throwable error, Problem problem, HttpServletRequest request) {
        String correlationId = RequestCorrelation.of(request).orElse(null);
        if (!problem.status().is5xxServerError()) {
            log.debug("{} {} answered {} {}: {}", request.getMethod(), request.getRequestURI(), problem.status().value(),
                    problem.type(), error.toString());
            return;
        }
        log.error("{} {} failed with {} [correlationId={}]", request.getMethod(), request.getRequestURI(),
                problem.status().value(), correlationId, error);
    }
}
