package jp.iinj.httpapi.security;

import reactor.core.publisher.Mono;

import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import jp.iinj.httpapi.core.problems.AccessProblems;
import jp.iinj.httpapi.problems.ProblemWebExceptionHandler;

/**
 * Spring's {@code CorsWebFilter}, but a request or preflight from an origin that is not allowed gets the 403 problem
 * of {@link AccessProblems#originRefused()} instead of an empty 403. Allowed origins and requests without an
 * {@code Origin} are treated exactly as Spring does ({@link DefaultCorsProcessor}).
 */
final class ProblemCorsWebFilter implements WebFilter {

    private final CorsConfigurationSource source;
    private final ProblemWebExceptionHandler problems;
    private final CorsProcessor processor = new DefaultCorsProcessor();

    ProblemCorsWebFilter(CorsConfigurationSource source, ProblemWebExceptionHandler problems) {
        this.source = source;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!processor.process(source.getCorsConfiguration(exchange), exchange)) {
            return problems.handle(exchange, AccessProblems.originRefused());
        }
        // a preflight that was allowed is answered by the processor's headers alone
        return CorsUtils.isPreFlightRequest(exchange.getRequest()) ? Mono.empty() : chain.filter(exchange);
    }
}
