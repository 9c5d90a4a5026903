package jp.iinj.httpapi.correlation;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import jp.iinj.httpapi.core.correlation.CorrelationIds;
import reactor.core.publisher.Mono;

/**
 * Gives every request of a WebFlux service its correlation id ({@link CorrelationIds}: the caller's sane
 * {@code X-Correlation-Id}, else the trace id of a W3C {@code traceparent}, else a new UUID). Runs first so that
 * everything after it, error handling included, sees the id.
 */
class CorrelationIdWebFilter implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        String id = CorrelationIds.of(headers.getFirst(CorrelationIds.HEADER), headers.getFirst(CorrelationIds.TRACEPARENT_HEADER));
        exchange.getAttributes().put(RequestCorrelation.CONTEXT_KEY, id);
        exchange.getResponse().getHeaders().set(CorrelationIds.HEADER, id);
        return chain.filter(exchange).contextWrite(context -> context.put(RequestCorrelation.CONTEXT_KEY, id));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
