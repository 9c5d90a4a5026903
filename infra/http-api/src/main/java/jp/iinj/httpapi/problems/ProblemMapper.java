package jp.iinj.httpapi.problems;

import java.net.URI;

import jp.iinj.httpapi.core.problems.FailureProblems;
import jp.iinj.httpapi.core.problems.JsonBodyProblems;
import jp.iinj.httpapi.core.problems.Problem;
import jp.iinj.httpapi.core.problems.ProblemType;
import jp.iinj.httpapi.correlation.RequestCorrelation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.core.JacksonException;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

/** Turns any failure of a request into its problem response; shared by the controller advice and the last-resort handler. */
final class ProblemMapper {

    private static final Logger log = LoggerFactory.getLogger(ProblemMapper.class);

    ResponseEntity<ProblemDetail> toResponse(Throwable error, ServerWebExchange exchange) {
        Problem problem = describe(error);
        String correlationId = RequestCorrelation.of(exchange).orElse(null);
        report(error, problem, exchange, correlationId);
        URI instance = URI.create(exchange.getRequest().getURI().getRawPath());
        return ResponseEntity.status(problem.status())
                .headers(problem.headers())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.toProblemDetail(instance, correlationId));
    }

    private static Problem describe(Throwable error) {
        if (error instanceof ServerWebInputException input && !(error instanceof WebExchangeBindException)) {
            JacksonException json = FailureProblems.causeOfType(input, JacksonException.class);
            return json != null
                    ? JsonBodyProblems.describe(json)
                    // Spring's reasons are fixed phrases for clients, e.g. "No request body"
                    : Problem.of(ProblemType.INVALID_REQUEST, input.getReason());
        }
        if (error instanceof ContentTooLargeException || error instanceof DataBufferLimitException) {
            // DataBufferLimitException arrives unwrapped from bodies read outside @RequestBody (functional endpoints)
            return Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "The request body exceeds the size limit.");
        }
        if (error instanceof NoResourceFoundException) {
            return Problem.of(ProblemType.NOT_FOUND, "Nothing is at this path.");
        }
        return FailureProblems.describe(error);
    }

    private static void report(Throwable error, Problem problem, ServerWebExchange exchange, String correlationId) {
        String method = exchange.getRequest().getMethod().name();
        String path = exchange.getRequest().getURI().getRawPath();
        if (!problem.status().is5xxServerError()) {
            log.debug("{} {} answered {} {}: {}", method, path, problem.status().value(), problem.type(), error.toString());
            return;
        }
        // set explicitly: the last-resort handler runs outside the Reactor context that feeds the MDC
        String previous = MDC.get(RequestCorrelation.MDC_KEY);
        if (correlationId != null) {
            MDC.put(RequestCorrelation.MDC_KEY, correlationId);
        }
        try {
            log.error("{} {} failed with {} [correlationId={}]", method, path, problem.status().value(), correlationId, error);
        } finally {
            if (previous == null) {
                MDC.remove(RequestCorrelation.MDC_KEY);
            } else {
                MDC.put(RequestCorrelation.MDC_KEY, previous);
            }
        }
    }
}
