package jp.iinj.identity.flows;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.identity.accounts.Account;
import jp.iinj.identity.accounts.AccountStore;
import jp.iinj.identity.accounts.Accounts;
import jp.iinj.identity.support.Api;
import jp.iinj.testing.web.Browser;
import jp.iinj.identity.support.IdentityIntegrationTest;
import jp.iinj.identity.support.Jwks;
import jp.iinj.identity.support.TestAccounts;
import jp.iinj.testing.web.Portal;
import jp.iinj.identity.support.IdentityPortal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Priority 1: the portal's flow end to end over real HTTP, and the token a relying service gets. */
@IdentityIntegrationTest
class AuthorizationCodeFlowIT {

    @LocalServerPort
    int port;
    @Autowired
    AccountStore store;
    @Autowired
    Accounts accounts;

    Portal portal;
    TestAccounts testAccounts;

    @BeforeEach
    void setUp() {
        portal = IdentityPortal.at(port);
        testAccounts = new TestAccounts(store, accounts);
    }

    @Test
    void signInWithPkceGivesAVerifiableTokenWithThePlatformClaims() {
        String email = TestAccounts.uniqueEmail("coordinator");
        Account account = testAccounts.active(email, Set.of(PlatformRole.MEMBER, PlatformRole.COORDINATOR),
                List.of("member-2", "member-1"), List.of("kanto", "kinki"));

        Portal.Tokens tokens = portal.signIn(email.toUpperCase(), TestAccounts.PASSWORD);

        Map<String, Object> claims = Jwks.claims(tokens.accessToken());
        assertThat(claims).containsEntry("sub", account.id())
                .containsEntry("iss", "http://localhost:8100")
                .containsEntry("roles", List.of("COORDINATOR", "MEMBER"))
                .containsEntry("member_ids", List.of("member-1", "member-2"))
                .containsEntry("bureaus", List.of("kanto", "kinki"));
        assertThat(claims).doesNotContainKey("email");
        var jwks = Jwks.fetch(port);
        assertThat(Jwks.verifies(tokens.accessToken(), jwks)).as("access token signature against /oauth2/jwks").isTrue();

        Map<String, Object> idClaims = Jwks.claims(tokens.idToken());
        assertThat(idClaims).containsEntry("sub", account.id())
                .containsEntry("email", email)
                .containsEntry("name", account.displayName())
                .containsEntry("member_ids", List.of("member-1", "member-2"));
        assertThat(Jwks.verifies(tokens.idToken(), jwks)).isTrue();
    }

    @Test
    void aPersonWithoutRolesGetsEmptyArrays() {
        String email = TestAccounts.uniqueEmail("nobody");
        testAccounts.active(email, Set.of(), List.of(), List.of());

        Map<String, Object> claims = Jwks.claims(portal.signIn(email, TestAccounts.PASSWORD).accessToken());

        assertThat(claims).containsEntry("roles", List.of()).containsEntry("member_ids", List.of())
                .containsEntry("bureaus", List.of());
    }

    @Test
    void theTokenIsAcceptedByTheServiceItself() {
        String email = TestAccounts.uniqueEmail("member");
        testAccounts.active(email, Set.of(PlatformRole.MEMBER), List.of("m-1"), List.of());
        String token = portal.signIn(email, TestAccounts.PASSWORD).accessToken();

        var userinfo = new Api(port).get("/userinfo", token);

        assertThat(userinfo.statusCode()).as(userinfo.body() + userinfo.headers().map()).isEqualTo(200);
        assertThat(Api.json(userinfo).get("sub").asString()).isEqualTo(Jwks.claims(token).get("sub"));
    }

    @Test
    void theDiscoveryDocumentNamesTheConfiguredIssuer() {
        var discovery = new Api(port).get("/.well-known/openid-configuration", null);

        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(Api.json(discovery).get("issuer").asString()).isEqualTo("http://localhost:8100");
        assertThat(Api.json(discovery).get("jwks_uri").asString()).isEqualTo("http://localhost:8100/oauth2/jwks");
    }

    @Test
    void anAuthorizationRequestWithoutPkceIsRefused() {
        Browser browser = new Browser();
        var response = browser.get(portal.baseUrl() + "/oauth2/authorize?response_type=code&client_id="
                + Portal.CLIENT_ID + "&redirect_uri=" + IdentityPortal.REDIRECT_URI + "&scope=openid&state=s1");

        // the redirect URI is registered: the error goes back to the client, with no code
        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(IdentityPortal.REDIRECT_URI).contains("error=invalid_request").doesNotContain("code=");
    }

    @Test
    void aWrongCodeVerifierGetsNoToken() {
        var response = portal.exchange("not-a-code", Portal.randomUrlSafe(32));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Api.json(response).get("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void aRedirectUriThatIsNotRegisteredIsNotFollowed() {
        var response = new Browser().get(portal.baseUrl() + "/oauth2/authorize?response_type=code&client_id="
                + Portal.CLIENT_ID + "&redirect_uri=https://evil.example/cb&scope=openid&state=s1&code_challenge="
                + Portal.challenge("v".repeat(43)) + "&code_challenge_method=S256");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }
}
