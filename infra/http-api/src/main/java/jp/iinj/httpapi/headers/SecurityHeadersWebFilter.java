package jp.iinj.httpapi.headers;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import jp.iinj.httpapi.core.headers.SecurityHeaders;

/**
 * Sets {@code Content-Security-Policy} and {@code Referrer-Policy} as {@link SecurityHeaders} says, just before the
 * response is committed and only where they are missing: a handler's own, or those of a service the gateway routed
 * to, are kept. Problems written by the error handlers get them too.
 */
class SecurityHeadersWebFilter implements WebFilter, Ordered {

    private final SecurityHeaders headers;

    SecurityHeadersWebFilter(SecurityHeaders headers) {
        this.headers = headers;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getURI().getRawPath();
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders response = exchange.getResponse().getHeaders();
            headers.forPath(path).forEach((name, value) -> {
                if (!response.containsHeader(name)) {
                    response.set(name, value);
                }
            });
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        // registered early, so its commit action exists whichever filter answers
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
