package jp.iinj.portal.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

import jp.iinj.portal.support.PortalTestSupport;
import jp.iinj.portal.support.StubGateway.Answer;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

/** The first administrator's set-up page, opened from the local platform's banner. */
class FirstAdministratorPageIT extends PortalTestSupport {

    private static final String OPEN = "{\"open\":true,\"expiresAt\":\"2026-12-05T10:00:00Z\"}";

    @Test
    void anOpenLinkShowsTheFormWithThePasswordRulesBeforeTyping() {
        GATEWAY.answer("GET", "/api/identity/first-administrator/setup", Answer.json(200, OPEN));
        String page = web.get().uri("/setup?token=one-time").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("最初の管理者の設定", "12 文字以上 128 文字以下", "name=\"token\" value=\"one-time\"",
                "<label for=\"email\"", "<label for=\"password\"");
    }

    @Test
    void aUsedOrExpiredLinkSaysSoBeforeThePersonTypes() {
        GATEWAY.answer("GET", "/api/identity/first-administrator/setup", Answer.problem(404, "Not Found", "closed"));
        String page = web.get().uri("/setup?token=one-time").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("この設定リンクは使えません").doesNotContain("name=\"password\"");
    }

    @Test
    void theAdministratorIsCreatedAtIdentityWithTheToken() {
        GATEWAY.answer("POST", "/api/identity/first-administrator", Answer.json(201, "{}"));
        String page = post("admin@example.jp", "Admin", "correct horse battery", "correct horse battery")
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("管理者を作成しました", "admin@example.jp", "href=\"/sign-in/iinj\"");
        assertThat(GATEWAY.last("POST", "/api/identity/first-administrator").body())
                .contains("\"token\":\"one-time\"", "\"email\":\"admin@example.jp\"", "\"displayName\":\"Admin\"",
                        "\"password\":\"correct horse battery\"");
    }

    @Test
    void passwordsThatDifferOrAreTooShortAreRefusedHereWithoutCallingIdentity() {
        String page = post("admin@example.jp", "Admin", "correct horse battery", "correct horse batterx")
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("確認のためのパスワードが一致しません", "aria-invalid=\"true\"")
                .doesNotContain("correct horse");
        page = post("admin@example.jp", "Admin", "short", "short")
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("パスワードは 12 文字以上 128 文字以下にしてください");
        assertThat(GATEWAY.received()).isEmpty();
    }

    @Test
    void identitysFieldErrorsAppearNextToTheirFields() {
        GATEWAY.answer("POST", "/api/identity/first-administrator", Answer.fieldProblem("email", "must be an e-mail address"));
        String page = post("not-an-address", "Admin", "correct horse battery", "correct horse battery")
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("id=\"email-error\"", "must be an e-mail address", "value=\"not-an-address\"");
    }

    @Test
    void aLinkUsedMeanwhileIsClosed() {
        GATEWAY.answer("POST", "/api/identity/first-administrator", Answer.problem(410, "Gone", "used"));
        String page = post("admin@example.jp", "Admin", "correct horse battery", "correct horse battery")
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("この設定リンクは使えません");
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(String email, String name,
                                                                                       String password, String again) {
        return web.mutateWith(csrf()).post().uri("/setup")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("token", "one-time").with("email", email).with("displayName", name)
                        .with("password", password).with("passwordConfirmation", again))
                .exchange();
    }
}
