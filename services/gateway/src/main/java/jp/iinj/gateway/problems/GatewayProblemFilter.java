package jp.iinj.gateway.problems;

import java.util.List;
import java.util.Optional;

import jp.iinj.httpapi.core.problems.ProblemException;
import jp.iinj.httpapi.problems.ProblemWebExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers the gateway's own refusals on routed requests ({@link ProblemException}, also when wrapped, and
 * what the {@link ProblemTranslator}s recognise) as problems, written by {@code iinj-http-api} like every other. A filter first in the route's chain rather than a
 * {@code WebExceptionHandler}: since Spring Framework 6.1 the dispatcher hands a handler's errors to the
 * {@code @ControllerAdvice} of {@code iinj-http-api} first, which would answer them 500. Everything not recognised
 * still goes there (and ends as its {@code internal-error} problem).
 */
@Component
public class GatewayProblemFilter implements GlobalFilter, Ordered {

    /**
     * Exchange attribute holding a refusal decided while the request was already on its way, e.g. a body that
     * outgrew its limit while being streamed to a service: whatever error the routing then reports, this wins.
     */
    public static final String REFUSAL_ATTRIBUTE = GatewayProblemFilter.class.getName() + ".refusal";

    static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    private static final int MAX_CAUSE_DEPTH = 16;

    private static final Logger log = LoggerFactory.getLogger(GatewayProblemFilter.class);

    private final ProblemWebExceptionHandler problems;
    private final List<ProblemTranslator> translators;

    public GatewayProblemFilter(ProblemWebExceptionHandler problems, List<ProblemTranslator> translators) {
        this.problems = problems;
        this.translators = translators;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange).onErrorResume(error -> {
            Optional<ProblemException> problem = describe(error, exchange);
            if (problem.isEmpty() || exchange.getResponse().isCommitted()) {
                return Mono.error(error);
            }
            ProblemException answer = problem.get();
            if (answer.type().status().is5xxServerError()) {
                // a service unreachable, hanging up or too slow: worth a line in the log, not a stack trace
                log.warn("{} {} answered {}: {}", exchange.getRequest().getMethod(),
                        exchange.getRequest().getURI().getRawPath(), answer.type().status().value(), error.toString());
            } else {
                log.debug("{} {} answered {}: {}", exchange.getRequest().getMethod(),
                        exchange.getRequest().getURI().getRawPath(), answer.type().status().value(), error.toString());
            }
            return problems.handle(exchange, answer);
        });
    }

    private Optional<ProblemException> describe(Throwable error, ServerWebExchange exchange) {
        ProblemException refusal = exchange.getAttribute(REFUSAL_ATTRIBUTE);
        if (refusal != null) {
            return Optional.of(refusal);
        }
        Throwable cause = error;
        // bounded: a cause chain can be cyclic
        for (int depth = 0; cause != null && depth < MAX_CAUSE_DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return Optional.of(problem);
            }
        }
        return translators.stream()
                .map(translator -> translator.translate(error, exchange))
                .flatMap(Optional::stream)
                .findFirst();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
