package jp.iinj.identity.invitations;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.identity.accounts.Account;
import jp.iinj.identity.accounts.AccountStatus;
import jp.iinj.identity.accounts.AccountStore;
import jp.iinj.identity.accounts.Accounts;
import jp.iinj.identity.mail.FileMailSender;
import jp.iinj.identity.support.Api;
import jp.iinj.identity.support.IdentityIntegrationTest;
import jp.iinj.identity.support.Jwks;
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

/** Priority 7: staff join their organisation by invitation. */
@IdentityIntegrationTest
class InvitationsIT {

    private static final String STAFF_PASSWORD = "staff member passphrase";

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
    TestAccounts testAccounts;
    String memberId;
    String ownerToken;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        portal = IdentityPortal.at(port);
        mailBox = new MailBox(mailSender.directory());
        testAccounts = new TestAccounts(store, accounts);
        memberId = UUID.randomUUID().toString();
        String owner = TestAccounts.uniqueEmail("owner");
        testAccounts.active(owner, Set.of(PlatformRole.MEMBER), List.of(memberId), List.of());
        ownerToken = portal.signIn(owner, TestAccounts.PASSWORD).accessToken();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aMemberInvitesStaffWhoJoinWithTheMemberClaim() {
        String staff = TestAccounts.uniqueEmail("staff");

        var invited = api.post("/api/identity/invitations",
                "{\"email\":" + Api.quote(staff) + ",\"memberId\":" + Api.quote(memberId) + "}", ownerToken);

        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(202);
        String token = MailBox.tokenIn(mailBox.awaitMessage(staff, 1));
        var accepted = api.post("/api/identity/invitations/" + token,
                "{\"displayName\":\"Suzuki Hanako\",\"password\":" + Api.quote(STAFF_PASSWORD) + "}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);

        Map<String, Object> claims = Jwks.claims(portal.signIn(staff, STAFF_PASSWORD).accessToken());
        assertThat(claims).containsEntry("roles", List.of("MEMBER")).containsEntry("member_ids", List.of(memberId));
        assertThat(Jwks.claims(portal.signIn(staff, STAFF_PASSWORD).idToken())).containsEntry("name", "Suzuki Hanako");

        var again = api.post("/api/identity/invitations/" + token,
                "{\"displayName\":\"Someone Else\",\"password\":\"another passphrase!\"}");
        assertThat(again.statusCode()).isEqualTo(410);
    }

    @Test
    void anExistingAccountGainsTheOrganisation() {
        String staff = TestAccounts.uniqueEmail("existing");
        Account existing = testAccounts.active(staff, Set.of(PlatformRole.COORDINATOR), List.of(), List.of("kinki"));
        api.post("/api/identity/invitations",
                "{\"email\":" + Api.quote(staff) + ",\"memberId\":" + Api.quote(memberId) + "}", ownerToken);

        String token = MailBox.tokenIn(mailBox.awaitMessage(staff, 1));
        api.post("/api/identity/invitations/" + token,
                "{\"displayName\":\"Existing\",\"password\":" + Api.quote(STAFF_PASSWORD) + "}");

        Account after = accounts.findById(existing.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(after.roles()).containsExactlyInAnyOrder(PlatformRole.COORDINATOR, PlatformRole.MEMBER);
        assertThat(after.memberIds()).containsExactly(memberId);
        assertThat(after.bureaus()).containsExactly("kinki");
    }

    @Test
    void onlyPeopleActingForTheOrganisationOrAdminsInvite() {
        String body = "{\"email\":\"someone@example.jp\",\"memberId\":\"another-organisation\"}";

        var forbidden = api.post("/api/identity/invitations", body, ownerToken);
        var anonymous = api.post("/api/identity/invitations", body, null);
        String adminToken = portal.signIn(testAccounts.admin().email(), TestAccounts.PASSWORD).accessToken();
        var byAdmin = api.post("/api/identity/invitations", body, adminToken);

        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(Api.json(forbidden).get("type").asString()).isEqualTo("https://iinj.jp/problems/forbidden");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(byAdmin.statusCode()).isEqualTo(202);
        assertThat(mailBox.messagesTo("someone@example.jp")).isNotEmpty();
    }

    @Test
    void anInvitationExpiresAfterSevenDays() {
        String staff = TestAccounts.uniqueEmail("late");
        api.post("/api/identity/invitations",
                "{\"email\":" + Api.quote(staff) + ",\"memberId\":" + Api.quote(memberId) + "}", ownerToken);
        String token = MailBox.tokenIn(mailBox.awaitMessage(staff, 1));

        clock.advance(Duration.ofDays(7).plusSeconds(1));
        var late = api.post("/api/identity/invitations/" + token,
                "{\"displayName\":\"Late\",\"password\":" + Api.quote(STAFF_PASSWORD) + "}");

        assertThat(late.statusCode()).isEqualTo(410);
        assertThat(accounts.findByEmail(staff)).isEmpty();
    }
}
