package jp.iinj.httpapi.correlation;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import jp.iinj.httpapi.core.correlation.IncomingCorrelation;
import reactor.core.publisher.Mono;

/**
 * Gives every request a correlation id: the caller's {@code X-Correlation-Id} if it is a sane value, else the
 * trace id of a W3C {@code traceparent}, else a new UUID. Runs first so that everything after it, error
 * handling included, sees the id.
 */
class CorrelationIdWebFilter implements WebFilter, Ordered {



    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = correlationId(exchange.getRequest().getHeaders());
        exchange.getAttributes().put(RequestCorrelation.CONTEXT_KEY, id);
        exchange.getResponse().getHeaders().set(RequestCorrelation.HEADER, id);
        return chain.filter(exchange).contextWrite(context -> context.put(RequestCorrelation.CONTEXT_KEY, id));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    private static String correlationId(HttpHeaders headers) {
        return IncomingCorrelation.from(headers.getFirst(RequestCorrelation.HEADER), headers.getFirst("traceparent"))
                .orElseGet(RequestCorrelation::newId);
    }
}
