package jp.iinj.gateway.authentication;

import jp.iinj.httpapi.core.problems.ProblemType;
import jp.iinj.gateway.problems.ProblemResponses;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * 401 as a problem, with the RFC 6750 {@code WWW-Authenticate} challenge. Details stay generic: whether a token
 * expired, carried an unknown key id or a bad signature is for the logs, not for whoever holds the token.
 */
@Component
public class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    private final ProblemResponses responses;

    public ProblemAuthenticationEntryPoint(ProblemResponses responses) {
        this.responses = responses;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        boolean tokenGiven = failure instanceof InvalidBearerTokenException
                || bearerToken(exchange);
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, tokenGiven ? "Bearer error=\"invalid_token\"" : "Bearer");
        String detail = tokenGiven
                ? "The access token is invalid or has expired."
                : "This request needs an access token: send 'Authorization: Bearer <token>'.";
        return responses.write(exchange, ProblemType.UNAUTHORIZED, detail, headers);
    }

    private static boolean bearerToken(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }
}
