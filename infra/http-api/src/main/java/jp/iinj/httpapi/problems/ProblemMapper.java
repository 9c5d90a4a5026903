package jp.iinj.httpapi.problems;

import jp.iinj.httpapi.core.problems.FailureProblems;
import jp.iinj.httpapi.core.problems.Problem;
import jp.iinj.httpapi.core.problems.ProblemLogging;
import jp.iinj.httpapi.correlation.RequestCorrelation;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Turns any failure of a request into its problem response, as {@link FailureProblems} describes it; shared by the
 * controller advice and the last-resort handler.
 */
final class ProblemMapper {

    ResponseEntity<ProblemDetail> toResponse(Throwable error, ServerWebExchange exchange) {
        // WebFlux's "no handler here" is the one failure only this stack throws
        Problem problem = error instanceof NoResourceFoundException ? FailureProblems.nothingHere() : FailureProblems.describe(error);
        String correlationId = RequestCorrelation.of(exchange).orElse(null);
        String path = exchange.getRequest().getURI().getRawPath();
        ProblemLogging.report(exchange.getRequest().getMethod().name(), path, problem, error, correlationId);
        return ResponseEntity.status(problem.status())
                .headers(problem.headers())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.toProblemDetail(path, correlationId));
    }
}
