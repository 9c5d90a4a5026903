package jp.iinj.httpapi.security;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;

import jp.iinj.httpapi.core.problems.AccessProblems;
import jp.iinj.httpapi.core.problems.ProblemException;
import jp.iinj.httpapi.problems.ProblemWebExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Spring Security's refusals in a WebFlux service (and the gateway) as the same problem+json every other error is,
 * worded as {@link AccessProblems} says. Wire them into a {@code SecurityWebFilterChain}: the entry point and the
 * access-denied handler into {@code exceptionHandling} and the resource server; the failure handler into the resource
 * server where tokens are checked against a remote JWKS. The firewall's handler is registered as a bean already.
 */
public final class ProblemSecurityResponses {

    private static final Logger log = LoggerFactory.getLogger(ProblemSecurityResponses.class);

    private final ProblemWebExceptionHandler problems;

    public ProblemSecurityResponses(ProblemWebExceptionHandler problems) {
        this.problems = problems;
    }

    /** 401, with {@code WWW-Authenticate} as RFC 6750 asks. */
    public ServerAuthenticationEntryPoint authenticationEntryPoint() {
        return (exchange, failure) -> write(exchange, AccessProblems.unauthorized(failure, authorization(exchange)));
    }

    /**
     * A bearer token that could not be accepted: a bad token is the client's problem (401); a token that could not be
     * checked because the issuer's keys are unreachable is ours (503 with {@code Retry-After}). Spring Security's
     * default rethrows the latter, which would end as a 500.
     */
    public ServerAuthenticationFailureHandler authenticationFailureHandler() {
        return (webFilterExchange, failure) -> {
            ServerWebExchange exchange = webFilterExchange.getExchange();
            if (failure instanceof AuthenticationServiceException) {
                log.warn("Access token could not be verified: {}", failure.toString());
                return write(exchange, AccessProblems.tokensUncheckable());
            }
            log.debug("Access token rejected: {}", failure.toString());
            return write(exchange, AccessProblems.unauthorized(failure, authorization(exchange)));
        };
    }

    /** 403, with {@code WWW-Authenticate: Bearer error="insufficient_scope"}. */
    public ServerAccessDeniedHandler accessDeniedHandler() {
        return (exchange, denied) -> write(exchange, AccessProblems.forbidden());
    }

    /** 400 for what Spring Security's firewall refuses (path traversal, encoded slashes, ...). */
    public ServerExchangeRejectedHandler exchangeRejectedHandler() {
        return (exchange, rejected) -> write(exchange, AccessProblems.requestRejected());
    }

    /**
     * CORS with a 403 problem for origins that are not allowed (Spring's filter answers an empty 403). Use it in place
     * of Spring Security's: {@code .cors(CorsSpec::disable).addFilterAt(problems.corsFilter(source),
     * SecurityWebFiltersOrder.CORS)}.
     */
    public WebFilter corsFilter(CorsConfigurationSource source) {
        return new ProblemCorsWebFilter(source, problems);
    }

    private Mono<Void> write(ServerWebExchange exchange, ProblemException problem) {
        return exchange.getResponse().isCommitted() ? Mono.empty() : problems.handle(exchange, problem);
    }

    private static String authorization(ServerWebExchange exchange) {
        return exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    }
}
