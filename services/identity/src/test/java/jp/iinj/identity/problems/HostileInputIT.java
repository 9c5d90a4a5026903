package jp.iinj.identity.problems;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.stream.Stream;

import jp.iinj.identity.accounts.AccountStore;
import jp.iinj.identity.accounts.Accounts;
import jp.iinj.identity.support.Api;
import jp.iinj.identity.support.IdentityIntegrationTest;
import jp.iinj.identity.support.TestAccounts;
import jp.iinj.testing.web.Portal;
import jp.iinj.identity.support.IdentityPortal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Priority 8: hostile input on the JSON endpoints gets a 4xx problem naming the field, never a 5xx. */
@IdentityIntegrationTest
class HostileInputIT {

    @LocalServerPort
    int port;
    @Autowired
    AccountStore store;
    @Autowired
    Accounts accounts;

    Api api;
    String adminToken;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        if (adminToken == null) {
            adminToken = IdentityPortal.at(port).signIn(new TestAccounts(store, accounts).admin().email(),
                    TestAccounts.PASSWORD).accessToken();
        }
    }

    static Stream<Arguments> hostileBodies() {
        String token = Portal.randomUrlSafe(32);
        return Stream.of(
                // path, body, expected status, field named in errors (null: none)
                Arguments.of("/api/identity/password-resets", "{\"email\":{\"$gt\":\"\"}}", 400, "email"),
                Arguments.of("/api/identity/password-resets", "{\"email\":[\"a@example.jp\"]}", 400, "email"),
                Arguments.of("/api/identity/password-resets", "{\"email\":123}", 400, "email"),
                Arguments.of("/api/identity/password-resets", "{\"email\":null}", 400, "email"),
                Arguments.of("/api/identity/password-resets", "{\"email\":\"not an email\"}", 400, "email"),
                Arguments.of("/api/identity/password-resets", "{\"email\":\"" + "a".repeat(300) + "@example.jp\"}", 400, "email"),
                Arguments.of("/api/identity/password-resets", "{\"email\":\"a@example.jp\",\"admin\":true}", 400, "admin"),
                Arguments.of("/api/identity/password-resets", "{\"email\":\"a@example.jp\",\"email\":\"b@example.jp\"}", 400, null),
                Arguments.of("/api/identity/password-resets", "{\"email\":", 400, null),
                Arguments.of("/api/identity/password-resets", "[]", 400, null),
                Arguments.of("/api/identity/password-resets", "", 400, null),
                Arguments.of("/api/identity/password-resets", "{\"email\":\"a@example.jp\"} trailing", 400, null),
                Arguments.of("/api/identity/password-resets/" + token, "{\"password\":12345678901234}", 400, "password"),
                Arguments.of("/api/identity/password-resets/" + token, "{\"password\":\"" + "x".repeat(2000) + "\"}", 400, "password"),
                Arguments.of("/api/identity/password-resets/" + token, "{}", 400, "password"),
                Arguments.of("/api/identity/invitations/" + token, "{\"displayName\":\"a\\u0000b\",\"password\":\"long enough passphrase\"}", 400, "displayName"),
                Arguments.of("/api/identity/invitations/" + token, "{\"displayName\":\"\",\"password\":\"long enough passphrase\"}", 400, "displayName"),
                Arguments.of("/api/identity/invitations/" + token, "{\"displayName\":\"Ok\",\"password\":\"long enough passphrase\"}", 400, "token"));
    }

    @ParameterizedTest
    @MethodSource("hostileBodies")
    void anonymousEndpoints(String path, String body, int status, String field) {
        assertProblem(api.post(path, body), status, field);
    }

    static Stream<Arguments> hostileAdminBodies() {
        return Stream.of(
                Arguments.of("/api/identity/admin/accounts", "{\"email\":\"x@example.jp\",\"displayName\":\"X\",\"roles\":[\"ROOT\"],\"bureaus\":[]}", 400, "roles[0]"),
                Arguments.of("/api/identity/admin/accounts", "{\"email\":\"x@example.jp\",\"displayName\":\"X\",\"roles\":\"ADMIN\",\"bureaus\":[]}", 400, "roles"),
                Arguments.of("/api/identity/admin/accounts", "{\"email\":\"x@example.jp\",\"displayName\":\"X\",\"roles\":[],\"bureaus\":[]}", 400, "roles"),
                Arguments.of("/api/identity/admin/accounts", "{\"email\":\"x@example.jp\",\"displayName\":\"X\",\"roles\":[null],\"bureaus\":[]}", 400, null),
                Arguments.of("/api/identity/admin/accounts", "{\"email\":\"x@example.jp\",\"displayName\":\"X\",\"roles\":[\"ADMIN\"],\"bureaus\":[\"kanto\",{\"$ne\":1}]}", 400, "bureaus[1]"),
                Arguments.of("/api/identity/admin/clients", "{\"name\":\"r\",\"bureaus\":[]}", 400, "bureaus"),
                Arguments.of("/api/identity/admin/clients", "{\"name\":\"" + "n".repeat(101) + "\",\"bureaus\":[\"kanto\"]}", 400, "name"),
                Arguments.of("/api/identity/admin/clients", "{\"name\":\"r\\n\\r\",\"bureaus\":[\"kanto\"]}", 400, "name"),
                Arguments.of("/api/identity/admin/clients", "{\"name\":\"r\",\"bureaus\":[\"kanto\"],\"roles\":[\"ADMIN\"]}", 400, "roles"),
                Arguments.of("/api/identity/invitations", "{\"email\":\"x@example.jp\",\"memberId\":\"../../x\"}", 400, "memberId"),
                Arguments.of("/api/identity/invitations", "{\"email\":\"x@example.jp\",\"memberId\":{\"$regex\":\".*\"}}", 400, "memberId"));
    }

    @ParameterizedTest
    @MethodSource("hostileAdminBodies")
    void authenticatedEndpoints(String path, String body, int status, String field) {
        assertProblem(api.post(path, body, adminToken), status, field);
    }

    @Test
    void aHugeBodyIsRefusedBeforeItIsRead() {
        String huge = "{\"email\":\"" + "a".repeat(100_000) + "\"}";

        assertProblem(api.post("/api/identity/password-resets", huge), 413, null);
    }

    @Test
    void aHugeChunkedBodyIsRefusedToo() {
        byte[] huge = ("{\"email\":\"" + "a".repeat(100_000) + "\"}").getBytes();
        var response = api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/identity/password-resets"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge))).build());

        assertProblem(response, 413, null);
    }

    @Test
    void aWrongContentTypeIs415() {
        var response = api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/identity/password-resets"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("a@example.jp")).build());

        assertProblem(response, 415, null);
    }

    @Test
    void aWrongMethodIs405AndAnUnknownPathIs404() {
        var wrongMethod = api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/identity/admin/accounts"))
                .header("Authorization", "Bearer " + adminToken).DELETE().build());
        var unknown = api.get("/api/identity/admin/nothing-here", adminToken);

        assertProblem(wrongMethod, 405, null);
        assertProblem(unknown, 404, null);
    }

    @Test
    void theErrorPathAskedForDirectlyIsNotAnError() {
        assertProblem(api.get("/error", null), 404, null);
    }

    @Test
    void theCorrelationIdIsEchoedWhenSaneAndReplacedOtherwise() {
        HttpResponse<String> sane = api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/identity/password-resets"))
                .header("Content-Type", "application/json").header("X-Correlation-Id", "demo-1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":1}")).build());
        HttpResponse<String> forged = api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/identity/password-resets"))
                .header("Content-Type", "application/json").header("X-Correlation-Id", "evil id <script>")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":1}")).build());

        assertThat(sane.headers().firstValue("X-Correlation-Id")).hasValue("demo-1");
        assertThat(Api.json(sane).get("correlationId").asString()).isEqualTo("demo-1");
        assertThat(forged.headers().firstValue("X-Correlation-Id")).hasValueSatisfying(
                id -> assertThat(UUID.fromString(id).toString()).isEqualTo(id));
    }

    private static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = Api.json(response);
        assertThat(problem.get("type").asString()).startsWith("https://iinj.jp/problems/");
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("correlationId").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("java.", "Exception", "tools.jackson", "springframework");
        if (field != null) {
            assertThat(problem.get("errors")).as(response.body()).isNotNull();
            assertThat(problem.get("errors").findValuesAsString("field")).contains(field);
        }
    }
}
