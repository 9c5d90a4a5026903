package jp.iinj.portal.pages;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Every page is HTML, whatever the request's {@code Accept} says: content negotiation would otherwise label a
 * rendered page {@code application/json} for a client that asked for JSON (the portal has no JSON to give).
 * The assets under {@code /assets/**} keep their own types, and so does a browser's {@code EventSource} (it asks
 * for {@code text/event-stream} only: the live feed's relay).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class PagesAreHtml implements WebFilter {

    private static final String PAGES_ACCEPT = "text/html";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.startsWith("/assets/") || path.startsWith("/actuator/") || asksForEventStream(exchange)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(HttpHeaders.ACCEPT, PAGES_ACCEPT)))
                .build());
    }

    private static boolean asksForEventStream(ServerWebExchange exchange) {
        return MediaType.TEXT_EVENT_STREAM_VALUE.equals(exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT));
    }
}
