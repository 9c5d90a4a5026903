package jp.iinj.identity.signinpage;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /login}: the sign-in form that the authorization endpoint sends people to (Spring Security handles the
 * form's {@code POST /login}). {@code ?lang=en|ja} switches the language and remembers it in the portal's cookie.
 */
@Controller
class SignInPageController {

    @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> signIn(HttpServletRequest request, HttpServletResponse response) {
        String language = SignInPage.language(request);
        if (request.getParameter("lang") != null) {
            Cookie remembered = new Cookie(SignInPage.LANGUAGE_COOKIE, language);
            remembered.setPath("/");
            remembered.setMaxAge(365 * 24 * 3600);
            remembered.setHttpOnly(true);
            remembered.setSecure(request.isSecure());
            remembered.setAttribute("SameSite", "Lax");
            response.addCookie(remembered);
        }
        SignInPage.Notice notice = request.getParameter("error") != null ? SignInPage.Notice.WRONG_CREDENTIALS
                : request.getParameter("logout") != null ? SignInPage.Notice.SIGNED_OUT : SignInPage.Notice.NONE;
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(SignInPage.render(language, notice, csrf == null ? null : csrf.getParameterName(),
                        csrf == null ? null : csrf.getToken(), 0));
    }
}
