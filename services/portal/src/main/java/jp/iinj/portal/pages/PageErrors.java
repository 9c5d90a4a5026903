package jp.iinj.portal.pages;

import jp.iinj.portal.gateway.ApiProblem;
import jp.iinj.portal.signin.SignInPaths;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * What a person sees when an API call of a page fails and the page itself did not handle it: a message in their
 * language, never a status code, a problem body or a stack trace. Pages handle the answers they expect (a form's
 * field errors, an edit's conflict) themselves; this is the rest.
 */
@ControllerAdvice
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(ApiProblem.class)
    Mono<Rendering> apiProblem(ApiProblem problem, ServerWebExchange exchange) {
        if (problem.is(401)) {
            // the session's tokens are no longer accepted (expired without refresh, revoked): sign in again
            return signInAgain(exchange);
        }
        ErrorPage page = ErrorPage.forStatus(problem.status());
        if (problem.status() >= 500) {
            log.warn("An API call of {} failed: {} (correlation id {})", exchange.getRequest().getPath(), problem.getMessage(),
                    RequestCorrelation.of(exchange));
        }
        return Mono.just(page.rendering(RequestCorrelation.of(exchange)));
    }

    /** No refresh token, or identity refused it: the person signs in again and comes back. */
    @ExceptionHandler(ClientAuthorizationException.class)
    Mono<Rendering> tokenGone(ClientAuthorizationException error, ServerWebExchange exchange) {
        return signInAgain(exchange);
    }

    @ExceptionHandler(WebClientRequestException.class)
    Mono<Rendering> platformUnreachable(WebClientRequestException error, ServerWebExchange exchange) {
        log.warn("The gateway cannot be reached for {}: {} (correlation id {})", exchange.getRequest().getPath(),
                error.getMessage(), RequestCorrelation.of(exchange));
        return Mono.just(ErrorPage.UNAVAILABLE.rendering(RequestCorrelation.of(exchange)));
    }

    private static Mono<Rendering> signInAgain(ServerWebExchange exchange) {
        return exchange.getSession()
                .flatMap(session -> session.invalidate())
                .then(Mono.just(Rendering.redirectTo(SignInPaths.SIGN_IN).status(HttpStatus.SEE_OTHER).build()));
    }
}
