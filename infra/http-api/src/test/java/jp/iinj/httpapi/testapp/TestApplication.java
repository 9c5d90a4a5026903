package jp.iinj.httpapi.testapp;

import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.server.WebFilter;

/** A service that depends on iinj-http-api and nothing else; its own package keeps the library out of its scan. */
@SpringBootApplication
public class TestApplication {

    static final String FAILING_FILTER_PATH = "/test/filter-failure";

    /** Open: these tests are about problem responses; Spring Security is here only for the 401/403 writers. */
    @Bean
    SecurityWebFilterChain openAccess(ServerHttpSecurity http) {
        return http.authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .build();
    }

    /** Fails before any handler is chosen: only the last-resort WebExceptionHandler can answer. */
    @Bean
    WebFilter failingFilter() {
        return (exchange, chain) -> exchange.getRequest().getPath().value().equals(FAILING_FILTER_PATH)
                ? Mono.error(new IllegalStateException("secret: filter broke"))
                : chain.filter(exchange);
    }
}
