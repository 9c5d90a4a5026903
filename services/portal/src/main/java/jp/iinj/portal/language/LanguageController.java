package jp.iinj.portal.language;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.context.i18n.SimpleLocaleContext;

import reactor.core.publisher.Mono;

/** {@code POST /language} (the switch in every page's header): remembers the choice and goes back to the page. */
@Controller
class LanguageController {

    private final LanguageCookie languages;

    LanguageController(LanguageCookie languages) {
        this.languages = languages;
    }

    @PostMapping("/language")
    Mono<ResponseEntity<Void>> choose(ServerWebExchange exchange) {
        return exchange.getFormData().map(form -> {
            languages.setLocaleContext(exchange, new SimpleLocaleContext(LanguageCookie.supported(form.getFirst("language"))));
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(backTo(form))).build();
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
