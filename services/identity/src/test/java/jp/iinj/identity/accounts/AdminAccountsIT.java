package jp.iinj.identity.accounts;

import java.util.List;
import java.util.Map;

import jp.iinj.identity.mail.FileMailSender;
import jp.iinj.identity.support.Api;
import jp.iinj.identity.support.IdentityIntegrationTest;
import jp.iinj.identity.support.Jwks;
import jp.iinj.testing.mail.MailBox;
import jp.iinj.identity.support.TestAccounts;
import jp.iinj.identity.support.IdentityPortal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Priority 7: staff accounts created by an administrator. */
@IdentityIntegrationTest
class AdminAccountsIT {

    @LocalServerPort
    int port;
    @Autowired
    AccountStore store;
    @Autowired
    Accounts accounts;
    @Autowired
    FileMailSender mailSender;

    Api api;
    String adminToken;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        adminToken = IdentityPortal.at(port).signIn(new TestAccounts(store, accounts).admin().email(), TestAccounts.PASSWORD)
                .accessToken();
    }

    @Test
    void aCoordinatorCreatedByAnAdminSetsAPasswordAndGetsTheBureausClaim() {
        String email = TestAccounts.uniqueEmail("coordinator");
        var created = api.post("/api/identity/admin/accounts", "{\"email\":" + Api.quote(email)
                + ",\"displayName\":\"Coordinator Sato\",\"roles\":[\"COORDINATOR\"],\"bureaus\":[\"tohoku\"]}", adminToken);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode account = Api.json(created);
        assertThat(account.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(account.has("passwordHash")).isFalse();

        String token = MailBox.tokenIn(new MailBox(mailSender.directory()).awaitMessage(email, 1));
        assertThat(api.post("/api/identity/password-resets/" + token, "{\"password\":\"coordinating since 2026\"}")
                .statusCode()).isEqualTo(204);

        Map<String, Object> claims = Jwks.claims(IdentityPortal.at(port).signIn(email, "coordinating since 2026").accessToken());
        assertThat(claims).containsEntry("roles", List.of("COORDINATOR")).containsEntry("bureaus", List.of("tohoku"))
                .containsEntry("member_ids", List.of());
    }

    @Test
    void theStaffAreListedWithTheirRolesAndBureausButNotTheMembers() {
        String email = TestAccounts.uniqueEmail("listed");
        assertThat(api.post("/api/identity/admin/accounts", "{\"email\":" + Api.quote(email)
                + ",\"displayName\":\"九州 次郎\",\"roles\":[\"REGIONAL_BODY\"],\"bureaus\":[\"kyushu\"]}", adminToken)
                .statusCode()).isEqualTo(201);

        var list = api.get("/api/identity/admin/accounts", adminToken);

        assertThat(list.statusCode()).isEqualTo(200);
        var listed = Api.json(list).get("accounts");
        boolean found = false;
        for (var account : listed) {
            assertThat(account.get("roles").toString()).containsAnyOf("REGIONAL_BODY", "COORDINATOR", "ADMIN");
            if (account.get("email").asString().equals(email)) {
                found = true;
                assertThat(account.get("roles").toString()).isEqualTo("[\"REGIONAL_BODY\"]");
                assertThat(account.get("bureaus").toString()).isEqualTo("[\"kyushu\"]");
                assertThat(account.has("passwordHash")).isFalse();
            }
        }
        assertThat(found).as("the new account in " + listed).isTrue();
        assertThat(api.get("/api/identity/admin/accounts", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aTakenEmailIsAConflict() {
        String email = TestAccounts.uniqueEmail("dup");
        String body = "{\"email\":" + Api.quote(email) + ",\"displayName\":\"A\",\"roles\":[\"ADMIN\"],\"bureaus\":[]}";

        assertThat(api.post("/api/identity/admin/accounts", body, adminToken).statusCode()).isEqualTo(201);
        var again = api.post("/api/identity/admin/accounts", body.replace(email, email.toUpperCase()), adminToken);

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Api.json(again).get("type").asString()).isEqualTo("https://iinj.jp/problems/conflict");
    }

    @Test
    void memberIsNotARoleAnAdminGives() {
        var response = api.post("/api/identity/admin/accounts", "{\"email\":\"x@example.jp\",\"displayName\":\"X\","
                + "\"roles\":[\"MEMBER\"],\"bureaus\":[]}", adminToken);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Api.json(response).get("errors").get(0).get("field").asString()).isEqualTo("roles");
    }
}
