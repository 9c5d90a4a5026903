package jp.iinj.gateway.problems;

import jp.iinj.httpapi.core.problems.ProblemException;
import jp.iinj.httpapi.core.problems.ProblemType;
import jp.iinj.httpapi.problems.ProblemWebExceptionHandler;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes the gateway's own refusals as the platform's problem+json, through the same handler that answers every
 * other failure. Used where no exception travels: Spring Security's entry point, access-denied and failure
 * handlers, and {@link GatewayProblemFilter}.
 */
@Component
public class ProblemResponses {

    private final ProblemWebExceptionHandler problems;

    public ProblemResponses(ProblemWebExceptionHandler problems) {
        this.problems = problems;
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemException problem) {
        return exchange.getResponse().isCommitted() ? Mono.empty() : problems.handle(exchange, problem);
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemType type, String detail, HttpHeaders headers) {
        return write(exchange, new ProblemException(type, detail, headers));
    }
}
