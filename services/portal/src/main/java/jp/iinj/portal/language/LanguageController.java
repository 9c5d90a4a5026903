package jp.iinj.portal.language;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.context.i18n.SimpleLocaleContext;

import jp.iinj.portal.gateway.GatewayClient;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import reactor.core.publisher.Mono;

/** {@code POST /language} (the switch in every page's header): remembers the choice and goes back to the page. */
@Controller
class LanguageController {

    private static final Logger log = LoggerFactory.getLogger(LanguageController.class);

    record LanguageChoice(String language) {
    }

    private final LanguageCookie languages;
    private final GatewayClient gateway;

    LanguageController(LanguageCookie languages, GatewayClient gateway) {
        this.languages = languages;
        this.gateway = gateway;
    }

    /**
     * The cookie for this browser; for a signed-in person also identity's record of their choice, which their next
     * sign-in brings to any browser. That call failing changes nothing for the person: the cookie is set anyway.
     */
    @PostMapping("/language")
    Mono<ResponseEntity<Void>> choose(ServerWebExchange exchange, @AuthenticationPrincipal OidcUser user) {
        return exchange.getFormData().flatMap(form -> {
            java.util.Locale chosen = LanguageCookie.supported(form.getFirst("language"));
            languages.setLocaleContext(exchange, new SimpleLocaleContext(chosen));
            ResponseEntity<Void> back = ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(backTo(form))).build();
            if (user == null) {
                return Mono.just(back);
            }
            return gateway.asPerson().put().uri("/api/identity/me/language")
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .bodyValue(new LanguageChoice(chosen.getLanguage()))
                    .retrieve().toBodilessEntity()
                    .thenReturn(back)
                    .onErrorResume(failure -> {
                        log.warn("The language of {} could not be kept at identity: {}", user.getSubject(), failure.getMessage());
                        return Mono.just(back);
                    });
        });
    }

    /** Only a path of this site: an absolute or protocol-relative address would make this an open redirect. */
    static String backTo(MultiValueMap<String, String> form) {
        String back = form.getFirst("return");
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.startsWith("/\\")
                || back.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return "/";
        }
        return back;
    }
}
