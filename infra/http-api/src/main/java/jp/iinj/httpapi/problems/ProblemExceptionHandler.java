package jp.iinj.httpapi.problems;

import jp.iinj.httpapi.core.problems.Problem;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Problem responses for every failure raised while dispatching a request: in a controller, in argument
 * resolution, and in handler lookup (404, 405, 406, 415 reach controller advice through the dispatcher too).
 * Extending {@link ResponseEntityExceptionHandler} also keeps Boot's own one
 * ({@code spring.webflux.problemdetails.enabled}) from competing with this one.
 */
@RestControllerAdvice
class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

    private final ProblemMapper problems;

    ProblemExceptionHandler(ProblemMapper problems) {
        this.problems = problems;
    }

    /** Everything the inherited handler does not know: our domain exceptions and the unexpected. */
    @ExceptionHandler(Exception.class)
    Mono<ResponseEntity<Object>> handleOther(Exception error, ServerWebExchange exchange) {
        return render(error, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception error, Object body, HttpHeaders headers,
            HttpStatusCode status, ServerWebExchange exchange) {
        return render(error, exchange);
    }

    private Mono<ResponseEntity<Object>> render(Exception error, ServerWebExchange exchange) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        ResponseEntity<ProblemDetail> problem = problems.toResponse(error, exchange);
        return Mono.just(new ResponseEntity<>(problem.getBody(), problem.getHeaders(), problem.getStatusCode()));
    }
}
