package jp.iinj.httpapi.correlation;

import java.util.Optional;

import jp.iinj.httpapi.core.correlation.CorrelationIds;
import reactor.core.publisher.Mono;

import org.springframework.web.server.ServerWebExchange;

/**
 * The correlation id of the request being served, in a WebFlux service. {@link CorrelationIdWebFilter} puts it in the
 * Reactor context (and thereby in the logging MDC) and on the exchange; read it from there to pass it on, e.g. into
 * the {@code correlationid} attribute of the events a request causes. Header and MDC key: {@link CorrelationIds}.
 */
public final class RequestCorrelation {

    /** Reactor context key of the id; also the exchange attribute name. */
    public static final String CONTEXT_KEY = "jp.iinj.correlationId";

    private RequestCorrelation() {
    }

    /** The id from the Reactor context, or a new one outside any request (e.g. a scheduled job). */
    public static Mono<String> current() {
        return Mono.deferContextual(context -> Mono.just(
                context.<String>getOrEmpty(CONTEXT_KEY).orElseGet(CorrelationIds::newId)));
    }

    /** The id the filter gave this exchange; empty only if the filter did not run. */
    public static Optional<String> of(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(CONTEXT_KEY));
    }
}
