package jp.iinj.identity.flows;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.identity.accounts.AccountStore;
import jp.iinj.identity.accounts.Accounts;
import jp.iinj.identity.support.Api;
import jp.iinj.identity.support.IdentityIntegrationTest;
import jp.iinj.identity.support.Jwks;
import jp.iinj.identity.support.TestAccounts;
import jp.iinj.identity.support.IdentityPortal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/** Priority 2: regional bodies' machines, registered by an administrator, read feeds with client credentials. */
@IdentityIntegrationTest
class ClientCredentialsIT {

    @LocalServerPort
    int port;
    @Autowired
    AccountStore store;
    @Autowired
    Accounts accounts;
    @Autowired
    MongoTemplate mongo;

    Api api;
    String adminToken;

    @BeforeEach
    void signInAsAdministrator() {
        api = new Api(port);
        TestAccounts testAccounts = new TestAccounts(store, accounts);
        adminToken = IdentityPortal.at(port).signIn(testAccounts.admin().email(), TestAccounts.PASSWORD).accessToken();
    }

    @Test
    void anAdminCreatedMachineClientGetsATokenWithItsBureaus() {
        var created = api.post("/api/identity/admin/clients",
                "{\"name\":\"Kanto bureau feed reader\",\"bureaus\":[\"kanto\",\"chubu\"]}", adminToken);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode client = Api.json(created);
        String clientId = client.get("clientId").asString();
        String secret = client.get("clientSecret").asString();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(43);
        // only a hash is stored
        String stored = mongo.findOne(Query.query(Criteria.where("clientId").is(clientId)), org.bson.Document.class,
                "registered_clients").getString("clientSecret");
        assertThat(stored).startsWith("{argon2@SpringSecurity_v5_8}").doesNotContain(secret);

        var tokenResponse = api.clientCredentials(clientId, secret, "feeds.read");

        assertThat(tokenResponse.statusCode()).as(tokenResponse.body()).isEqualTo(200);
        String token = Api.json(tokenResponse).get("access_token").asString();
        Map<String, Object> claims = Jwks.claims(token);
        assertThat(claims).containsEntry("sub", clientId)
                .containsEntry("roles", List.of("REGIONAL_BODY"))
                .containsEntry("bureaus", List.of("chubu", "kanto"))
                .containsEntry("member_ids", List.of());
        assertThat(String.valueOf(claims.get("scope"))).contains("feeds.read");
        assertThat(Jwks.verifies(token, Jwks.fetch(port))).isTrue();
    }

    @Test
    void aWrongSecretGetsNoToken() {
        JsonNode client = Api.json(api.post("/api/identity/admin/clients",
                "{\"name\":\"reader\",\"bureaus\":[\"kinki\"]}", adminToken));

        var response = api.clientCredentials(client.get("clientId").asString(), "wrong-secret", "feeds.read");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Api.json(response).get("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void aMachineClientCannotAskForOtherScopes() {
        JsonNode client = Api.json(api.post("/api/identity/admin/clients",
                "{\"name\":\"reader\",\"bureaus\":[\"kinki\"]}", adminToken));

        var response = api.clientCredentials(client.get("clientId").asString(), client.get("clientSecret").asString(),
                "openid");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Api.json(response).get("error").asString()).isEqualTo("invalid_scope");
    }

    @Test
    void onlyAdministratorsCreateClients() {
        String email = TestAccounts.uniqueEmail("member");
        new TestAccounts(store, accounts).active(email, Set.of(PlatformRole.MEMBER), List.of("m-9"), List.of());
        String memberToken = IdentityPortal.at(port).signIn(email, TestAccounts.PASSWORD).accessToken();
        String body = "{\"name\":\"reader\",\"bureaus\":[\"kinki\"]}";

        var forbidden = api.post("/api/identity/admin/clients", body, memberToken);
        var anonymous = api.post("/api/identity/admin/clients", body, null);
        var forged = api.post("/api/identity/admin/clients", body, adminToken.substring(0, adminToken.length() - 4) + "AAAA");

        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Api.json(forbidden).get("type").asString()).isEqualTo("https://iinj.jp/problems/forbidden");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(Api.json(anonymous).get("type").asString()).isEqualTo("https://iinj.jp/problems/unauthorized");
        assertThat(forged.statusCode()).isEqualTo(401);
    }

    @Test
    void unknownBureausAreRefused() {
        var response = api.post("/api/identity/admin/clients",
                "{\"name\":\"reader\",\"bureaus\":[\"kanto\",\"atlantis\"]}", adminToken);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Api.json(response).get("errors").get(0).get("field").asString()).isEqualTo("bureaus[1]");
    }
}
