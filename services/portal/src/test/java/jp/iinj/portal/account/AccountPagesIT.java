package jp.iinj.portal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

import jp.iinj.portal.support.PortalTestSupport;
import jp.iinj.portal.support.StubGateway.Answer;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

/** The pages identity's mails link to: set a password, accept an invitation, ask for a reset. */
class AccountPagesIT extends PortalTestSupport {

    @Test
    void theSetPasswordPageShowsTheRulesBeforeTypingAndKeepsTheTokenOutOfTheFormsAddress() {
        String page = web.get().uri("/account/password?token=mail-token").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("パスワードの設定", "12 文字以上 128 文字以下", "name=\"token\" value=\"mail-token\"",
                "action=\"/account/password\"");
    }

    @Test
    void thePasswordIsSetAtIdentity() {
        GATEWAY.answer("POST", "/api/identity/password-resets/mail-token", new Answer(204, null, null, java.util.Map.of()));
        String page = postPassword("/account/password", "correct horse battery", "correct horse battery", null);
        assertThat(page).contains("パスワードを設定しました", "href=\"/sign-in/iinj\"");
        assertThat(GATEWAY.last("POST", "/api/identity/password-resets/mail-token").body())
                .isEqualTo("{\"password\":\"correct horse battery\"}");
    }

    @Test
    void mismatchedPasswordsAreRefusedHereAndIdentitysRefusalIsShownAtTheField() {
        assertThat(postPassword("/account/password", "correct horse battery", "different horse battery", null))
                .contains("確認のためのパスワードが一致しません").doesNotContain("horse");
        assertThat(GATEWAY.received()).isEmpty();
        GATEWAY.answer("POST", "/api/identity/password-resets/mail-token",
                Answer.fieldProblem("password", "Must not contain the name part of your e-mail address."));
        assertThat(postPassword("/account/password", "yamada horse battery", "yamada horse battery", null))
                .contains("id=\"password-error\"", "このパスワードは使えません");
    }

    @Test
    void aUsedOrExpiredLinkSaysSoAndOffersANewOne() {
        GATEWAY.answer("POST", "/api/identity/password-resets/mail-token", Answer.problem(400, "Invalid request", "unknown token"));
        assertThat(postPassword("/account/password", "correct horse battery", "correct horse battery", null))
                .contains("このリンクは使えません", "href=\"/account/reset\"");
    }

    @Test
    void anInvitationIsAcceptedWithANameAndAPassword() {
        GATEWAY.answer("POST", "/api/identity/invitations/mail-token", Answer.json(200, "{}"));
        String page = postPassword("/account/invitation", "correct horse battery", "correct horse battery", "佐藤 花子");
        assertThat(page).contains("参加しました");
        assertThat(GATEWAY.last("POST", "/api/identity/invitations/mail-token").body())
                .contains("\"displayName\":\"佐藤 花子\"", "\"password\":\"correct horse battery\"");
    }

    @Test
    void aResetRequestIsAnsweredTheSameWhateverTheAddress() {
        GATEWAY.answer("POST", "/api/identity/password-resets", new Answer(202, null, null, java.util.Map.of()));
        String page = web.mutateWith(csrf()).post().uri("/account/reset").cookie("PORTAL_LANG", "en")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData("email", "who@example.jp"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("If an account has this e-mail");
        assertThat(GATEWAY.last("POST", "/api/identity/password-resets").body()).isEqualTo("{\"email\":\"who@example.jp\"}");
    }

    private String postPassword(String path, String password, String again, String name) {
        var form = BodyInserters.fromFormData("token", "mail-token").with("password", password).with("passwordConfirmation", again);
        if (name != null) {
            form = form.with("displayName", name);
        }
        return web.mutateWith(csrf()).post().uri(path).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }
}
