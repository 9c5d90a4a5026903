package jp.iinj.httpapi.servlet;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jp.iinj.httpapi.core.problems.FailureProblems;
import jp.iinj.httpapi.core.problems.Problem;
import jp.iinj.httpapi.core.problems.ProblemLogging;

/**
 * Answers any failure of a Spring MVC request with its RFC 9457 problem, as {@link FailureProblems} describes it:
 * returned by the controller advice and the {@code /error} controller, written directly by filters and Spring
 * Security's handlers, which run outside the dispatcher.
 */
public final class ServletProblemWriter {

    private static final Logger log = LoggerFactory.getLogger(ServletProblemWriter.class);

    private final JsonMapper jsonMapper;

    /** @param jsonMapper the application's mapper, which writes {@link ProblemDetail}'s properties as members */
    public ServletProblemWriter(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    /** For controller advice: the answer to {@code error}. */
    public ResponseEntity<ProblemDetail> toResponse(Throwable error, HttpServletRequest request) {
        return entity(reported(error, request, request.getRequestURI()), request, request.getRequestURI());
    }

    /** For code outside the dispatcher (filters, Spring Security's handlers): writes the problem to the response. */
    public void write(Throwable error, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Problem problem = reported(error, request, request.getRequestURI());
        response.setStatus(problem.status().value());
        problem.headers().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        jsonMapper.writeValue(response.getOutputStream(), body(problem, request, request.getRequestURI()));
    }

    /** The {@code /error} dispatch: a status set by someone else (the container, {@code sendError}, a filter). */
    ResponseEntity<ProblemDetail> forStatus(HttpStatusCode status, Throwable error, String path, HttpServletRequest request) {
        if (error != null) {
            return entity(reported(error, request, path), request, path);
        }
        if (status.is5xxServerError()) {
            log.error("{} answered {} outside the dispatcher", path, status.value());
        }
        return entity(FailureProblems.forStatus(status), request, path);
    }

    /** Spring MVC's own failures first (they are {@code ServletException}s, unknown to the stack-neutral core). */
    static Problem describe(Throwable error) {
        if (error instanceof NoResourceFoundException || error instanceof NoHandlerFoundException
                || error instanceof MissingPathVariableException) {
            return FailureProblems.nothingHere();
        }
        if (error instanceof HttpRequestMethodNotSupportedException notSupported) {
            return FailureProblems.methodNotAllowed(notSupported.getHeaders());
        }
        return FailureProblems.describe(error);
    }

    private static Problem reported(Throwable error, HttpServletRequest request, String path) {
        Problem problem = describe(error);
        ProblemLogging.report(request.getMethod(), path, problem, error, CorrelationIdServletFilter.of(request).orElse(null));
        return problem;
    }

    private static ResponseEntity<ProblemDetail> entity(Problem problem, HttpServletRequest request, String path) {
        return ResponseEntity.status(problem.status())
                .headers(problem.headers())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body(problem, request, path));
    }

    private static ProblemDetail body(Problem problem, HttpServletRequest request, String path) {
        return problem.toProblemDetail(path, CorrelationIdServletFilter.of(request).orElse(null));
    }
}
