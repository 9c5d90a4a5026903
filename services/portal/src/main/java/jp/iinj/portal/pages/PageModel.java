package jp.iinj.portal.pages;

import java.util.Locale;

import jp.iinj.portal.signin.Person;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.reactive.result.view.CsrfRequestDataValueProcessor;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * What every page's layout needs: the signed-in person (or none), the CSRF token (the layout puts it in a meta tag
 * for htmx; {@code th:action} forms get it as a hidden field), the page's path and its language.
 */
@ControllerAdvice
class PageModel {

    @ModelAttribute("person")
    Person person(@AuthenticationPrincipal OidcUser user) {
        return user == null ? null : Person.of(user);
    }

    @ModelAttribute("csrf")
    Mono<CsrfToken> csrf(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        if (token == null) {
            return Mono.empty();
        }
        return token.doOnSuccess(value -> exchange.getAttributes()
                .put(CsrfRequestDataValueProcessor.DEFAULT_CSRF_ATTR_NAME, value));
    }

    @ModelAttribute("currentPath")
    String currentPath(ServerWebExchange exchange) {
        String query = exchange.getRequest().getURI().getRawQuery();
        String path = exchange.getRequest().getPath().value();
        // the language switch brings the person back here; a token in the query stays out of it
        return query == null || query.contains("token=") ? path : path + "?" + query;
    }

    @ModelAttribute("language")
    String language(Locale locale) {
        return locale.getLanguage();
    }
}
