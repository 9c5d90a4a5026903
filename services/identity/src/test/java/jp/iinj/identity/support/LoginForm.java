package jp.iinj.identity.support;

import java.net.http.HttpResponse;
import java.util.Map;

import jp.iinj.testing.web.Browser;
import jp.iinj.testing.web.Portal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * identity's login page as a script at its door uses it: the page once (session and CSRF token), then one form post
 * after another, each answer as it comes (a redirect, or a refusal).
 */
public final class LoginForm {

    private final Browser browser;
    private final String loginUrl;
    private final String csrfToken;

    private LoginForm(Browser browser, String loginUrl, String csrfToken) {
        this.browser = browser;
        this.loginUrl = loginUrl;
        this.csrfToken = csrfToken;
    }

    /** @param headers sent with every request, e.g. {@code X-Forwarded-For} as the gateway sets it; none: a direct caller */
    public static LoginForm open(int port, Map<String, String> headers) {
        Browser browser = new Browser(headers);
        String loginUrl = "http://localhost:" + port + "/login";
        HttpResponse<String> page = browser.get(loginUrl);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return new LoginForm(browser, loginUrl, Portal.csrfToken(page.body())
                .orElseThrow(() -> new AssertionError("no _csrf field on the login page: " + page.body())));
    }

    public HttpResponse<String> submit(String email, String password) {
        return browser.postForm(loginUrl, Portal.loginForm(email, password, csrfToken));
    }

    /** A refused sign-in as the form answers it: back to the login page with an error. */
    public static boolean refused(HttpResponse<String> answer) {
        return answer.statusCode() == 302 && answer.headers().firstValue("Location").orElse("").contains("/login?error");
    }
}
