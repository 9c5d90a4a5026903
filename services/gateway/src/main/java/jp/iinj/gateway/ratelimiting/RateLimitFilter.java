package jp.iinj.gateway.ratelimiting;

import java.util.concurrent.TimeUnit;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import jp.iinj.httpapi.core.problems.LimitProblems;
import jp.iinj.httpapi.core.problems.ProblemException;
import jp.iinj.gateway.ratelimiting.RateLimitProperties.KeyType;
import jp.iinj.gateway.routing.ClientAddress;
import jp.iinj.gateway.ratelimiting.RateLimitProperties.NamedLimit;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Takes one token from the request's bucket before it is routed; an empty bucket is a 429 problem with
 * {@code Retry-After}. Runs after authentication (a Spring Security web filter), so the principal is known.
 * The client IP is the connection's peer, or the address a trusted forwarder (the portal) names ({@link ClientAddress}).
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    private final RateLimitProperties properties;
    private final ProxyManager<String> buckets;
    private final ClientAddress clientAddress;

    RateLimitFilter(RateLimitProperties properties, ProxyManager<String> buckets, ClientAddress clientAddress) {
        this.properties = properties;
        this.buckets = buckets;
        this.clientAddress = clientAddress;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!properties.enabled()) {
            return chain.filter(exchange);
        }
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        NamedLimit limit = properties.limitFor(route == null ? null : route.getId());
        return key(exchange, limit.limit().key())
                .flatMap(key -> {
                    ConsumptionProbe probe = buckets.builder()
                            .build(limit.name() + "|" + key, limit.limit()::bucket)
                            .tryConsumeAndReturnRemaining(1);
                    return probe.isConsumed() ? chain.filter(exchange) : Mono.error(tooManyRequests(probe));
                });
    }

    private Mono<String> key(ServerWebExchange exchange, KeyType type) {
        Mono<String> ip = Mono.fromSupplier(() -> "ip:" + clientIp(exchange));
        if (type == KeyType.IP) {
            return ip;
        }
        return exchange.getPrincipal()
                .filter(principal -> principal instanceof Authentication authentication && authentication.isAuthenticated()
                        && !(authentication instanceof AnonymousAuthenticationToken))
                .map(principal -> "sub:" + principal.getName())
                .switchIfEmpty(ip);
    }

    private String clientIp(ServerWebExchange exchange) {
        String address = clientAddress.of(exchange);
        return address == null ? "unknown" : address;
    }

    private static ProblemException tooManyRequests(ConsumptionProbe probe) {
        // rounded up: a client that waits as long as it is told finds a token
        return LimitProblems.tooManyRequests(TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
