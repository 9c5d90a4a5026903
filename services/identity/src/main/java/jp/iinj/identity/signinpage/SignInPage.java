package jp.iinj.identity.signinpage;

import java.util.Map;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.util.HtmlUtils;

/**
 * identity's sign-in page, in the portal's look and language: Japanese unless the person chose English in the portal
 * (the portal's cookie {@value #LANGUAGE_COOKIE}: identity is reached through the same front door, so the browser
 * sends it here too) or with {@code ?lang=en} on this page. Plain HTML, no script; the form posts to Spring
 * Security's {@code POST /login} with its CSRF token.
 */
public final class SignInPage {

    public static final String LANGUAGE_COOKIE = "PORTAL_LANG";

    /** What the page tells the person above the form. */
    public enum Notice {
        NONE, WRONG_CREDENTIALS, SIGNED_OUT, THROTTLED
    }

    private static final Map<String, Map<String, String>> TEXTS = Map.of(
            "ja", Map.ofEntries(
                    Map.entry("title", "サインイン"),
                    Map.entry("brand", "IINJ ネットワーク・プラットフォーム"),
                    Map.entry("email", "メールアドレス"),
                    Map.entry("password", "パスワード"),
                    Map.entry("submit", "サインイン"),
                    Map.entry("forgot", "パスワードをお忘れの方"),
                    Map.entry("register", "組織の会員登録はこちら"),
                    Map.entry("other", "English"),
                    Map.entry("wrong", "メールアドレスまたはパスワードが違います。"),
                    Map.entry("signedOut", "サインアウトしました。"),
                    Map.entry("throttled", "サインインの失敗が続いたため、しばらく受け付けを止めています。{0} 秒ほど待ってから、もう一度お試しください。")),
            "en", Map.ofEntries(
                    Map.entry("title", "Sign in"),
                    Map.entry("brand", "IINJ network platform"),
                    Map.entry("email", "E-mail"),
                    Map.entry("password", "Password"),
                    Map.entry("submit", "Sign in"),
                    Map.entry("forgot", "Forgot your password?"),
                    Map.entry("register", "Register your organisation"),
                    Map.entry("other", "日本語"),
                    Map.entry("wrong", "The e-mail or the password is not right."),
                    Map.entry("signedOut", "You are signed out."),
                    Map.entry("throttled", "After several failed sign-ins, signing in is paused for a while. Please wait about {0} seconds and try again.")));

    private SignInPage() {
    }

    /** {@code en} when the person chose English (this page's {@code lang} parameter first, then the portal's cookie). */
    public static String language(HttpServletRequest request) {
        String asked = request.getParameter("lang");
        if (asked != null) {
            return "en".equals(asked) ? "en" : "ja";
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (LANGUAGE_COOKIE.equals(cookie.getName())) {
                    return "en".equals(cookie.getValue()) ? "en" : "ja";
                }
            }
        }
        return "ja";
    }

    /**
     * @param csrfParameter the CSRF token's form field and value, or null (the throttled answer needs none)
     * @param waitSeconds   for {@link Notice#THROTTLED}
     */
    public static String render(String language, Notice notice, String csrfParameter, String csrfToken, long waitSeconds) {
        Map<String, String> text = TEXTS.get("en".equals(language) ? "en" : "ja");
        String other = "en".equals(language) ? "ja" : "en";
        String message = switch (notice) {
            case NONE -> "";
            case WRONG_CREDENTIALS -> "<div class=\"notice error\" role=\"alert\">" + escape(text.get("wrong")) + "</div>";
            case SIGNED_OUT -> "<div class=\"notice ok\" role=\"status\">" + escape(text.get("signedOut")) + "</div>";
            case THROTTLED -> "<div class=\"notice error\" role=\"alert\">"
                    + escape(text.get("throttled").replace("{0}", Long.toString(waitSeconds))) + "</div>";
        };
        String csrf = csrfParameter == null ? ""
                : "<input type=\"hidden\" name=\"" + escape(csrfParameter) + "\" value=\"" + escape(csrfToken) + "\">";
        return """
                <!DOCTYPE html>
                <html lang="%1$s">
                <head>
                <meta charset="UTF-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%2$s | %3$s</title>
                <link rel="stylesheet" href="/assets/portal.css">
                </head>
                <body>
                <header class="site"><a class="brand" href="/">%3$s</a>
                <div class="session"><a href="/login?lang=%4$s" lang="%4$s">%5$s</a></div></header>
                <main id="main">
                <h1>%2$s</h1>
                %6$s
                <form method="post" action="/login" class="stacked card">
                <label for="username">%7$s</label>
                <input id="username" name="username" type="email" autocomplete="username" required autofocus>
                <label for="password">%8$s</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                %9$s
                <div class="actions"><button type="submit" class="primary">%10$s</button></div>
                </form>
                <p><a href="/account/reset">%11$s</a></p>
                <p><a href="/register">%12$s</a></p>
                </main>
                </body>
                </html>
                """.formatted(language, escape(text.get("title")), escape(text.get("brand")), other, escape(text.get("other")),
                message, escape(text.get("email")), escape(text.get("password")), csrf, escape(text.get("submit")),
                escape(text.get("forgot")), escape(text.get("register")));
    }

    private static String escape(String value) {
        return HtmlUtils.htmlEscape(value == null ? "" : value, "UTF-8");
    }
}
