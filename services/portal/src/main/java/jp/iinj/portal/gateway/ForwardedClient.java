package jp.iinj.portal.gateway;

import java.net.InetSocketAddress;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * The address of the person behind a page request (the gateway names it in {@code X-Forwarded-For}), kept in the
 * Reactor context so that the API calls made for them name it too: the gateway, when it trusts the portal
 * ({@code IINJ_GATEWAY_FORWARDERS}), counts its per-address limits (registration, sign-in) per person, not for the
 * portal as a whole.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ForwardedClient implements WebFilter {

    private static final String KEY = ForwardedClient.class.getName();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String address = address(exchange);
        return address == null ? chain.filter(exchange) : chain.filter(exchange).contextWrite(context -> context.put(KEY, address));
    }

    static Mono<String> current() {
        return Mono.deferContextual(context -> Mono.justOrEmpty(context.<String>getOrEmpty(KEY)));
    }

    private static String address(ServerWebExchange exchange) {
        String forwardedFor = exchange.getRequest().getHeaders().getFirst("X-Forwarded-For");
        if (forwardedFor != null && !forwardedFor.isBlank()) {
            String[] hops = forwardedFor.split(",");
            return hops[hops.length - 1].strip();
        }
        // server.forward-headers-strategy=framework has already moved the gateway's X-Forwarded-For here (unresolved)
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return null;
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
