package jp.iinj.portal.language;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * The page language: Japanese unless the person chose English, remembered in the cookie {@value #NAME} for a year on
 * this browser, and, for a signed-in person, at identity, whose ID token brings it back at their next sign-in on any
 * browser ({@code locale} claim; {@code LanguageController}, {@code SignInConfiguration}).
 */
@Component("localeContextResolver")
public class LanguageCookie implements LocaleContextResolver {

    public static final String NAME = "PORTAL_LANG";
    public static final Locale JAPANESE = Locale.JAPANESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(JAPANESE, ENGLISH);
    private static final Duration REMEMBERED_FOR = Duration.ofDays(365);

    @Override
    public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(NAME);
        Locale locale = cookie == null ? JAPANESE : supported(cookie.getValue());
        return new SimpleLocaleContext(locale);
    }

    @Override
    public void setLocaleContext(ServerWebExchange exchange, LocaleContext context) {
        Locale locale = context == null || context.getLocale() == null ? JAPANESE : supported(context.getLocale().getLanguage());
        exchange.getResponse().addCookie(ResponseCookie.from(NAME, locale.getLanguage())
                .path("/").maxAge(REMEMBERED_FOR).httpOnly(true).sameSite("Lax")
                .secure("https".equals(exchange.getRequest().getURI().getScheme()))
                .build());
    }

    /** Anything but "en" is Japanese: the cookie is the browser's to change. */
    public static Locale supported(String language) {
        return "en".equalsIgnoreCase(language) ? ENGLISH : JAPANESE;
    }

}
