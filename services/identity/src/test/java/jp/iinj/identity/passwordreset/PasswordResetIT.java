package jp.iinj.identity.passwordreset;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import jp.iinj.identity.accounts.AccountStore;
import jp.iinj.identity.accounts.Accounts;
import jp.iinj.identity.mail.FileMailSender;
import jp.iinj.identity.support.Api;
import jp.iinj.identity.support.IdentityIntegrationTest;
import jp.iinj.testing.mail.MailBox;
import jp.iinj.testing.time.MutableClock;
import jp.iinj.identity.support.TestAccounts;
import jp.iinj.testing.web.Portal;
import jp.iinj.identity.support.IdentityPortal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Priority 5: "forgot my password", through the mail file a person would open. */
@IdentityIntegrationTest
class PasswordResetIT {

    private static final String NEW_PASSWORD = "a brand new passphrase 42";

    @LocalServerPort
    int port;
    @Autowired
    AccountStore store;
    @Autowired
    Accounts accounts;
    @Autowired
    FileMailSender mailSender;
    @Autowired
    MutableClock clock;

    Api api;
    Portal portal;
    MailBox mailBox;
    String email;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        portal = IdentityPortal.at(port);
        mailBox = new MailBox(mailSender.directory());
        email = TestAccounts.uniqueEmail("forgetful");
        new TestAccounts(store, accounts).active(email, Set.of(), List.of(), List.of());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void resetThroughTheMailedLinkThenSignInWithTheNewPassword() {
        var requested = api.post("/api/identity/password-resets", "{\"email\":" + Api.quote(email.toUpperCase()) + "}");
        assertThat(requested.statusCode()).isEqualTo(202);

        String mail = mailBox.awaitMessage(email, 1);
        assertThat(mail).contains("Subject: IINJ platform: reset your password")
                .contains("http://localhost:8100/account/password?token=");
        String token = MailBox.tokenIn(mail);

        var reset = api.post("/api/identity/password-resets/" + token, "{\"password\":" + Api.quote(NEW_PASSWORD) + "}");
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(204);

        assertThat(portal.trySignIn(email, NEW_PASSWORD)).isPresent();
        assertThat(portal.trySignIn(email, TestAccounts.PASSWORD)).as("old password").isEmpty();

        // single use
        var again = api.post("/api/identity/password-resets/" + token, "{\"password\":\"yet another passphrase\"}");
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(Api.json(again).get("type").asString()).isEqualTo("https://iinj.jp/problems/gone");
    }

    @Test
    void anUnknownEmailIsAnsweredTheSameAndGetsNoMail() {
        String unknown = TestAccounts.uniqueEmail("nobody");

        var response = api.post("/api/identity/password-resets", "{\"email\":" + Api.quote(unknown) + "}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEmpty();
        assertThat(mailBox.messagesTo(unknown)).isEmpty();
    }

    @Test
    void aWeakPasswordIsRefusedWithoutSpendingTheToken() {
        api.post("/api/identity/password-resets", "{\"email\":" + Api.quote(email) + "}");
        String token = MailBox.tokenIn(mailBox.awaitMessage(email, 1));
        String localPart = email.substring(0, email.indexOf('@'));

        var tooShort = api.post("/api/identity/password-resets/" + token, "{\"password\":\"short\"}");
        var withName = api.post("/api/identity/password-resets/" + token,
                "{\"password\":" + Api.quote("my " + localPart + " password") + "}");

        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(Api.json(tooShort).get("errors").get(0).get("field").asString()).isEqualTo("password");
        assertThat(withName.statusCode()).isEqualTo(400);
        assertThat(api.post("/api/identity/password-resets/" + token,
                "{\"password\":" + Api.quote(NEW_PASSWORD) + "}").statusCode()).isEqualTo(204);
    }

    @Test
    void anExpiredOrUnknownTokenIsRefused() {
        api.post("/api/identity/password-resets", "{\"email\":" + Api.quote(email) + "}");
        String token = MailBox.tokenIn(mailBox.awaitMessage(email, 1));

        clock.advance(Duration.ofHours(1).plusSeconds(1));
        var expired = api.post("/api/identity/password-resets/" + token, "{\"password\":" + Api.quote(NEW_PASSWORD) + "}");
        var unknown = api.post("/api/identity/password-resets/" + Portal.randomUrlSafe(32),
                "{\"password\":" + Api.quote(NEW_PASSWORD) + "}");
        var garbage = api.post("/api/identity/password-resets/..%2F..%2Fetc", "{\"password\":" + Api.quote(NEW_PASSWORD) + "}");

        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(Api.json(unknown).get("type").asString()).isEqualTo("https://iinj.jp/problems/invalid-request");
        assertThat(garbage.statusCode()).isBetween(400, 499);
    }

    @Test
    void aNewRequestReplacesTheEarlierLink() {
        api.post("/api/identity/password-resets", "{\"email\":" + Api.quote(email) + "}");
        String first = MailBox.tokenIn(mailBox.awaitMessage(email, 1));
        api.post("/api/identity/password-resets", "{\"email\":" + Api.quote(email) + "}");
        String second = MailBox.tokenIn(mailBox.awaitMessage(email, 2));

        assertThat(api.post("/api/identity/password-resets/" + first,
                "{\"password\":" + Api.quote(NEW_PASSWORD) + "}").statusCode()).isEqualTo(410);
        assertThat(api.post("/api/identity/password-resets/" + second,
                "{\"password\":" + Api.quote(NEW_PASSWORD) + "}").statusCode()).isEqualTo(204);
    }
}
