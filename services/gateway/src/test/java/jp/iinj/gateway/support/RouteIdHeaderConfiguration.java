package jp.iinj.gateway.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;

/** Tests only: every routed response names the route it took, so tests can tell overlapping routes apart. */
@TestConfiguration(proxyBeanMethods = false)
public class RouteIdHeaderConfiguration {

    public static final String ROUTE_HEADER = "X-Test-Route";

    @Bean
    GlobalFilter routeIdHeader() {
        return (exchange, chain) -> {
            Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
            if (route != null) {
                exchange.getResponse().getHeaders().set(ROUTE_HEADER, route.getId());
            }
            return chain.filter(exchange);
        };
    }
}
