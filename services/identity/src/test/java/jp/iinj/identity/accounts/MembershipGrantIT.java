package jp.iinj.identity.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.identity.mail.FileMailSender;
import jp.iinj.identity.support.Api;
import jp.iinj.identity.support.IdentityIntegrationTest;
import jp.iinj.identity.support.Jwks;
import jp.iinj.testing.mail.MailBox;
import jp.iinj.identity.support.TestAccounts;
import jp.iinj.testing.web.Portal;
import jp.iinj.identity.support.IdentityPortal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Priority 6: the service API the membership-event consumer calls. A registration makes the owner's account
 * pending; the approval grants the member claim, activates the account and mails a set-password link.
 */
@IdentityIntegrationTest
class MembershipGrantIT {

    private static final String PASSWORD = "owner's own passphrase";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    FileMailSender mailSender;

    MailBox mailBox;
    Portal portal;
    String memberId;
    String email;

    @BeforeEach
    void setUp() {
        mailBox = new MailBox(mailSender.directory());
        portal = IdentityPortal.at(port);
        memberId = UUID.randomUUID().toString();
        email = TestAccounts.uniqueEmail("owner");
    }

    @Test
    void registeredOwnerIsPendingUntilApprovalThenActsForTheOrganisation() {
        Account pending = accounts.designateOwner(memberId, email.toUpperCase(), "山田 太郎");

        assertThat(pending.status()).isEqualTo(AccountStatus.PENDING);
        assertThat(pending.email()).isEqualTo(email);
        assertThat(pending.pendingMemberIds()).containsExactly(memberId);
        assertThat(pending.memberIds()).isEmpty();
        assertThat(pending.roles()).isEmpty();
        assertThat(pending.hasPassword()).isFalse();
        assertThat(mailBox.messagesTo(email)).isEmpty();
        // a pending account cannot ask for a password either
        new Api(port).post("/api/identity/password-resets", "{\"email\":" + Api.quote(email) + "}");
        assertThat(mailBox.messagesTo(email)).isEmpty();

        List<String> granted = accounts.grantMembership(memberId, Instant.now());

        assertThat(granted).containsExactly(pending.id());
        Account active = accounts.findById(pending.id()).orElseThrow();
        assertThat(active.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(active.memberIds()).containsExactly(memberId);
        assertThat(active.pendingMemberIds()).isEmpty();
        assertThat(active.roles()).containsExactly(PlatformRole.MEMBER);

        String mail = mailBox.awaitMessage(email, 1);
        assertThat(mail).contains("Subject: IINJ platform: set your password").contains("Hello 山田 太郎");
        var set = new Api(port).post("/api/identity/password-resets/" + MailBox.tokenIn(mail),
                "{\"password\":" + Api.quote(PASSWORD) + "}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(204);

        Map<String, Object> claims = Jwks.claims(portal.signIn(email, PASSWORD).accessToken());
        assertThat(claims).containsEntry("sub", pending.id())
                .containsEntry("member_ids", List.of(memberId))
                .containsEntry("roles", List.of("MEMBER"));
    }

    @Test
    void aPendingAccountCannotSignInEvenWithAPassword() {
        Account pending = accounts.designateOwner(memberId, email, "Owner");
        accounts.setPassword(pending, PASSWORD);

        assertThat(portal.trySignIn(email, PASSWORD)).isEmpty();

        accounts.grantMembership(memberId, Instant.now());
        assertThat(portal.trySignIn(email, PASSWORD)).isPresent();
        // it had a password already: no set-password mail
        assertThat(mailBox.messagesTo(email)).isEmpty();
    }

    @Test
    void redeliveredEventsChangeNothing() {
        Account owner = accounts.designateOwner(memberId, email, "Owner");
        assertThat(accounts.designateOwner(memberId, email, "Owner").id()).isEqualTo(owner.id());

        assertThat(accounts.grantMembership(memberId, Instant.now())).containsExactly(owner.id());
        assertThat(accounts.grantMembership(memberId, Instant.now())).isEmpty();
        assertThat(accounts.designateOwner(memberId, email, "Owner").pendingMemberIds()).isEmpty();

        Account account = accounts.findById(owner.id()).orElseThrow();
        assertThat(account.memberIds()).containsExactly(memberId);
        assertThat(mailBox.awaitMessage(email, 1)).isNotNull();
        assertThat(mailBox.messagesTo(email)).hasSize(1);
    }

    @Test
    void anApprovalArrivingBeforeTheOwnerDesignationStillGrants() {
        assertThat(accounts.grantMembership(memberId, Instant.now())).isEmpty();

        Account owner = accounts.designateOwner(memberId, email, "Owner");

        assertThat(owner.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(owner.memberIds()).containsExactly(memberId);
        assertThat(owner.pendingMemberIds()).isEmpty();
        assertThat(mailBox.awaitMessage(email, 1)).contains("set your password");
    }

    @Test
    void anActiveAccountGainsASecondOrganisationWithoutLosingTheFirst() {
        String secondMember = UUID.randomUUID().toString();
        accounts.designateOwner(memberId, email, "Owner");
        accounts.grantMembership(memberId, Instant.now());

        Account again = accounts.designateOwner(secondMember, email, "Owner");
        assertThat(again.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(again.pendingMemberIds()).containsExactly(secondMember);

        accounts.grantMembership(secondMember, Instant.now());
        assertThat(accounts.findById(again.id()).orElseThrow().memberIds()).containsExactlyInAnyOrder(memberId,
                secondMember);
    }

    @Test
    void poisonArgumentsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> accounts.designateOwner(memberId, "not-an-email", "x"));
        assertThatIllegalArgumentException().isThrownBy(() -> accounts.designateOwner(" ", email, "x"));
        assertThatIllegalArgumentException().isThrownBy(() -> accounts.grantMembership("a\nb", Instant.now()));
    }
}
