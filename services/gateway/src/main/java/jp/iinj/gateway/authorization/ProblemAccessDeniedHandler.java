package jp.iinj.gateway.authorization;

import jp.iinj.httpapi.core.problems.ProblemType;
import jp.iinj.gateway.problems.ProblemResponses;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/** 403 as a problem: a valid token without a role the access table asks for. */
@Component
public class ProblemAccessDeniedHandler implements ServerAccessDeniedHandler {

    private final ProblemResponses responses;

    public ProblemAccessDeniedHandler(ProblemResponses responses) {
        this.responses = responses;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
        return responses.write(exchange, ProblemType.FORBIDDEN,
                "The access token does not carry a role this request needs.", headers);
    }
}
