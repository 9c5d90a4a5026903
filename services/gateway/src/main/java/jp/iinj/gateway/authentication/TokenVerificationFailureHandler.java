package jp.iinj.gateway.authentication;

import jp.iinj.httpapi.core.problems.ProblemType;
import jp.iinj.gateway.problems.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * A bearer token that could not be accepted. A bad token is the client's problem (401); a token that could not be
 * checked because the issuer's JWKS is unreachable is ours (503 with {@code Retry-After}). Spring Security's
 * default rethrows the latter, which ends as a 500.
 */
@Component
public class TokenVerificationFailureHandler implements ServerAuthenticationFailureHandler {

    static final String RETRY_AFTER_SECONDS = "5";

    private static final Logger log = LoggerFactory.getLogger(TokenVerificationFailureHandler.class);

    private final ProblemAuthenticationEntryPoint entryPoint;
    private final ProblemResponses responses;

    public TokenVerificationFailureHandler(ProblemAuthenticationEntryPoint entryPoint, ProblemResponses responses) {
        this.entryPoint = entryPoint;
        this.responses = responses;
    }

    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange webFilterExchange, AuthenticationException failure) {
        if (failure instanceof AuthenticationServiceException) {
            log.warn("Access token could not be verified: {}", failure.toString());
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            return responses.write(webFilterExchange.getExchange(), ProblemType.SERVICE_UNAVAILABLE,
                    "Access tokens cannot be verified right now. Try again later.", headers);
        }
        log.debug("Access token rejected: {}", failure.toString());
        return entryPoint.commence(webFilterExchange.getExchange(), failure);
    }
}
