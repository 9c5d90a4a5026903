package jp.iinj.identity.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Set;

import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.identity.accounts.AccountStore;
import jp.iinj.identity.accounts.Accounts;
import jp.iinj.identity.clients.MachineClients;
import jp.iinj.identity.support.Api;
import jp.iinj.identity.support.IdentityIntegrationTest;
import jp.iinj.identity.support.IdentityPortal;
import jp.iinj.identity.support.Jwks;
import jp.iinj.identity.support.TestAccounts;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The person's language, chosen in the portal, kept with identity and carried in the next ID token as "locale". */
@IdentityIntegrationTest
class LanguagePreferenceIT {

    @LocalServerPort
    int port;
    @Autowired
    AccountStore store;
    @Autowired
    Accounts accounts;
    @Autowired
    MachineClients clients;

    @Test
    void aPersonsChoiceIsInTheirNextIdToken() {
        String email = TestAccounts.uniqueEmail("language");
        new TestAccounts(store, accounts).active(email, Set.of(PlatformRole.MEMBER), List.of(), List.of());
        var first = IdentityPortal.at(port).signIn(email, TestAccounts.PASSWORD);
        assertThat(Jwks.claims(first.idToken())).doesNotContainKey("locale");

        assertThat(choose(first.accessToken(), "{\"language\":\"en\"}").statusCode()).isEqualTo(204);

        var next = IdentityPortal.at(port).signIn(email, TestAccounts.PASSWORD);
        assertThat(Jwks.claims(next.idToken())).containsEntry("locale", "en");
        assertThat(choose(next.accessToken(), "{\"language\":\"ja\"}").statusCode()).isEqualTo(204);
        assertThat(Jwks.claims(IdentityPortal.at(port).signIn(email, TestAccounts.PASSWORD).idToken())).containsEntry("locale", "ja");
    }

    @Test
    void onlyJapaneseOrEnglishOnlyForAPerson() {
        String email = TestAccounts.uniqueEmail("language-refused");
        new TestAccounts(store, accounts).active(email, Set.of(PlatformRole.MEMBER), List.of(), List.of());
        String token = IdentityPortal.at(port).signIn(email, TestAccounts.PASSWORD).accessToken();
        var refused = choose(token, "{\"language\":\"fr\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Api.json(refused).path("errors").get(0).path("field").asString()).isEqualTo("language");
        assertThat(choose(null, "{\"language\":\"en\"}").statusCode()).isEqualTo(401);

        MachineClients.CreatedClient machine = clients.create("language probe", List.of("kanto"));
        String machineToken = Api.json(new Api(port).clientCredentials(machine.clientId(), machine.clientSecret(), "feeds.read"))
                .path("access_token").asString();
        assertThat(choose(machineToken, "{\"language\":\"en\"}").statusCode()).isEqualTo(403);
    }

    private java.net.http.HttpResponse<String> choose(String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/identity/me/language"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return new Api(port).send(request.build());
    }
}
