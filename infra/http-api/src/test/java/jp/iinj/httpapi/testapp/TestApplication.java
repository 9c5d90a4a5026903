package jp.iinj.httpapi.testapp;

import java.util.List;

import jp.iinj.httpapi.security.ProblemSecurityResponses;

import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.security.web.server.SecurityWebFilterChain;

import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.server.WebFilter;

/** A service that depends on iinj-http-api and nothing else; its own package keeps the library out of its scan. */
@SpringBootApplication
public class TestApplication {

    static final String FAILING_FILTER_PATH = "/test/filter-failure";

    public static final String ALLOWED_ORIGIN = "https://portal.example";

    /**
     * Open: these tests are about problem responses; Spring Security is here for the 401/403 writers and for CORS
     * ({@value #ALLOWED_ORIGIN} only), wired as the gateway wires it.
     */
    @Bean
    SecurityWebFilterChain openAccess(ServerHttpSecurity http, ProblemSecurityResponses problems) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(List.of(ALLOWED_ORIGIN));
        cors.setAllowedMethods(List.of("GET", "POST"));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return http.authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .cors(ServerHttpSecurity.CorsSpec::disable)
                .addFilterAt(problems.corsFilter(source), SecurityWebFiltersOrder.CORS)
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
