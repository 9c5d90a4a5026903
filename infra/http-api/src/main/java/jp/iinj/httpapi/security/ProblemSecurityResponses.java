package jp.iinj.httpapi.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ResponseStatusException;

import jp.iinj.httpapi.core.problems.ProblemException;
import jp.iinj.httpapi.core.problems.ProblemType;
import jp.iinj.httpapi.problems.ProblemWebExceptionHandler;

/**
 * Spring Security's 401 and 403 as the same problem+json every other error is. Wire both into a service's
 * {@code SecurityWebFilterChain} ({@code exceptionHandling} and the resource server's entry point).
 */
public final class ProblemSecurityResponses {

    private final ProblemWebExceptionHandler problems;

    public ProblemSecurityResponses(ProblemWebExceptionHandler problems) {
        this.problems = problems;
    }

    /** 401, with {@code WWW-Authenticate: Bearer} as RFC 6750 asks; says why a presented token was refused. */
    public ServerAuthenticationEntryPoint authenticationEntryPoint() {
        return (exchange, failure) -> {
            boolean tokenRefused = failure instanceof InvalidBearerTokenException
                    || failure.getCause() instanceof InvalidBearerTokenException;
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                    tokenRefused ? "Bearer error=\"invalid_token\"" : "Bearer");
            String detail = tokenRefused ? "The access token is invalid or expired." : "An access token is required.";
            return problems.handle(exchange, new ResponseStatusException(HttpStatus.UNAUTHORIZED, detail));
        };
    }

    public ServerExchangeRejectedHandler exchangeRejectedHandler() {
        return (exchange, rejected) -> problems.handle(exchange,
                new ProblemException(ProblemType.INVALID_REQUEST, "The request path or headers are not allowed."));
    }

    public ServerAccessDeniedHandler accessDeniedHandler() {
        return (exchange, denied) -> problems.handle(exchange,
                new ResponseStatusException(HttpStatus.FORBIDDEN, "This role may not do that."));
    }
}
