package jp.iinj.identity.signinpage;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class SignInPageTest {

    @Test
    void japaneseUnlessThePersonChoseEnglish() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login");
        assertThat(SignInPage.language(request)).isEqualTo("ja");
        request.setCookies(new Cookie(SignInPage.LANGUAGE_COOKIE, "en"));
        assertThat(SignInPage.language(request)).isEqualTo("en");
        request.setParameter("lang", "ja");
        assertThat(SignInPage.language(request)).isEqualTo("ja");
        request.setParameter("lang", "<script>");
        assertThat(SignInPage.language(request)).isEqualTo("ja");
    }

    @Test
    void eachNoticeIsTold() {
        assertThat(SignInPage.render("ja", SignInPage.Notice.WRONG_CREDENTIALS, "_csrf", "t", 0))
                .contains("role=\"alert\"", "メールアドレスまたはパスワードが違います。");
        assertThat(SignInPage.render("en", SignInPage.Notice.SIGNED_OUT, "_csrf", "t", 0))
                .contains("role=\"status\"", "You are signed out.");
        assertThat(SignInPage.render("ja", SignInPage.Notice.THROTTLED, null, null, 42))
                .contains("42 秒").doesNotContain("name=\"_csrf\"");
    }

    @Test
    void theCsrfTokenIsEscaped() {
        assertThat(SignInPage.render("ja", SignInPage.Notice.NONE, "_csrf", "a\"><script>", 0))
                .contains("value=\"a&quot;&gt;&lt;script&gt;\"").doesNotContain("<script>");
    }
}
