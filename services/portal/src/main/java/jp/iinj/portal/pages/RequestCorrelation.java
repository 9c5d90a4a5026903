package jp.iinj.portal.pages;

import jp.iinj.httpapi.core.correlation.CorrelationIds;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * The correlation id of each page request (the gateway's, else a new one), in the Reactor context, so that the
 * portal's API calls for that page carry it, and answered in {@code X-Correlation-Id}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestCorrelation implements WebFilter {

    private static final String KEY = RequestCorrelation.class.getName();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = CorrelationIds.of(exchange.getRequest().getHeaders().getFirst(CorrelationIds.HEADER),
                exchange.getRequest().getHeaders().getFirst(CorrelationIds.TRACEPARENT_HEADER));
        exchange.getResponse().getHeaders().set(CorrelationIds.HEADER, id);
        exchange.getAttributes().put(KEY, id);
        return chain.filter(exchange).contextWrite(context -> context.put(KEY, id));
    }

    public static Mono<String> current() {
        return Mono.deferContextual(context -> Mono.justOrEmpty(context.<String>getOrEmpty(KEY)));
    }

    public static String of(ServerWebExchange exchange) {
        return exchange.getAttribute(KEY);
    }
}
