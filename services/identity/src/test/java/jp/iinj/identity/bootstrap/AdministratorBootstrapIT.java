package jp.iinj.identity.bootstrap;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import jp.iinj.identity.accounts.Accounts;
import jp.iinj.identity.mail.FileMailSender;
import jp.iinj.identity.support.Api;
import jp.iinj.identity.support.Jwks;
import jp.iinj.testing.mail.MailBox;
import jp.iinj.identity.support.StandaloneIdentity;
import jp.iinj.identity.support.IdentityPortal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Priority 7: the first administrator is created once, from configuration, and never again. */
class AdministratorBootstrapIT {

    private static final String ADMIN_PASSWORD = "first administrator passphrase";

    @TempDir
    Path mail;

    @Test
    void theFirstAdministratorIsCreatedOnceAndSetsAPasswordFromTheMail() {
        String database = "identity-bootstrap-" + UUID.randomUUID().toString().substring(0, 8);
        String email = "root-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";

        try (ConfigurableApplicationContext first = start(database, email)) {
            MailBox mailBox = new MailBox(first.getBean(FileMailSender.class).directory());
            String message = mailBox.awaitMessage(email, 1);
            assertThat(message).contains("set your password");
            assertThat(first.getBean(Accounts.class).bootstrapAdministrator(email)).as("a second call").isEmpty();

            int port = StandaloneIdentity.port(first);
            var set = new Api(port).post("/api/identity/password-resets/" + MailBox.tokenIn(message),
                    "{\"password\":" + Api.quote(ADMIN_PASSWORD) + "}");
            assertThat(set.statusCode()).isEqualTo(204);
            String token = IdentityPortal.at(port).signIn(email, ADMIN_PASSWORD).accessToken();
            assertThat(Jwks.claims(token)).containsEntry("roles", List.of("ADMIN"));
            assertThat(new Api(port).get("/api/identity/admin/signing-keys", token).statusCode()).isEqualTo(200);
        }

        // a restart with the same setting (and one with another e-mail) creates nobody and mails nobody
        String other = "other-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
        try (ConfigurableApplicationContext second = start(database, email);
             ConfigurableApplicationContext third = start(database, other)) {
            MailBox mailBox = new MailBox(second.getBean(FileMailSender.class).directory());
            assertThat(mailBox.messagesTo(email)).hasSize(1);
            assertThat(mailBox.messagesTo(other)).isEmpty();
            assertThat(third.getBean(Accounts.class).findByEmail(other)).isEmpty();
        }
    }

    @Test
    void withoutTheSettingNobodyIsCreated() {
        String database = "identity-bootstrap-" + UUID.randomUUID().toString().substring(0, 8);
        try (ConfigurableApplicationContext context = start(database, "")) {
            assertThat(context.getBean(Accounts.class).anyAdministrator()).isFalse();
        }
    }

    private ConfigurableApplicationContext start(String database, String adminEmail) {
        return StandaloneIdentity.start(database, mail, "--iinj.identity.bootstrap.admin-email=" + adminEmail);
    }
}
