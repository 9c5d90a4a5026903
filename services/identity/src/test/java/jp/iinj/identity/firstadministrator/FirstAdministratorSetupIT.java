package jp.iinj.identity.firstadministrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jp.iinj.identity.accounts.Accounts;
import jp.iinj.identity.support.Api;
import jp.iinj.identity.support.IdentityPortal;
import jp.iinj.identity.support.Jwks;
import jp.iinj.identity.support.StandaloneIdentity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** The first administrator through the local platform's one-time set-up link, without a restart. */
class FirstAdministratorSetupIT {

    private static final String TOKEN = "the-one-time-token-of-the-banner";
    private static final String PASSWORD = "first administrator passphrase";

    @TempDir
    Path mail;

    @Test
    void theLinkCreatesTheFirstAdministratorOnceWhoSignsInAtOnce() {
        try (ConfigurableApplicationContext identity = start(Instant.now().plusSeconds(3600))) {
            Api api = new Api(StandaloneIdentity.port(identity));
            HttpResponse<String> open = api.get("/api/identity/first-administrator/setup", null);
            assertThat(open.statusCode()).isEqualTo(200);
            assertThat(Api.json(open).path("open").asBoolean()).isTrue();

            String email = "root-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
            HttpResponse<String> created = create(api, TOKEN, email, PASSWORD);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(Api.json(created).path("email").asString()).isEqualTo(email);

            String token = IdentityPortal.at(StandaloneIdentity.port(identity)).signIn(email, PASSWORD).accessToken();
            assertThat(Jwks.claims(token)).containsEntry("roles", List.of("ADMIN"));

            // used: closed for good, whatever is sent
            assertThat(api.get("/api/identity/first-administrator/setup", null).statusCode()).isEqualTo(404);
            assertProblem(create(api, TOKEN, "second@example.jp", PASSWORD), 410);
        }
    }

    @Test
    void aWrongTokenAnExpiredLinkAndNoLinkAtAllAreRefused() {
        try (ConfigurableApplicationContext identity = start(Instant.now().plusSeconds(3600))) {
            Api api = new Api(StandaloneIdentity.port(identity));
            assertProblem(create(api, "not-the-token", "root@example.jp", PASSWORD), 404);
            // a password the policy refuses does not spend the link
            assertProblem(create(api, TOKEN, "root@example.jp", "short"), 400);
            assertProblem(create(api, TOKEN, "not an address", PASSWORD), 400);
            assertThat(api.get("/api/identity/first-administrator/setup", null).statusCode()).isEqualTo(200);
        }
        try (ConfigurableApplicationContext identity = start(Instant.now().minusSeconds(1))) {
            Api api = new Api(StandaloneIdentity.port(identity));
            assertThat(api.get("/api/identity/first-administrator/setup", null).statusCode()).isEqualTo(404);
            assertProblem(create(api, TOKEN, "root@example.jp", PASSWORD), 410);
        }
        try (ConfigurableApplicationContext identity = StandaloneIdentity.start(database(), mail)) {
            Api api = new Api(StandaloneIdentity.port(identity));
            assertProblem(create(api, TOKEN, "root@example.jp", PASSWORD), 404);
        }
    }

    @Test
    void badBodiesAreRefusedFieldByFieldWithoutSpendingTheLink() {
        try (ConfigurableApplicationContext identity = start(Instant.now().plusSeconds(3600))) {
            Api api = new Api(StandaloneIdentity.port(identity));
            HttpResponse<String> missing = api.post("/api/identity/first-administrator", "{\"token\":" + Api.quote(TOKEN) + "}");
            assertProblem(missing, 400);
            assertThat(fields(missing)).contains("email", "displayName", "password");
            HttpResponse<String> weak = create(api, TOKEN, "root@example.jp", "short");
            assertProblem(weak, 400);
            assertThat(fields(weak)).containsExactly("password");
            assertProblem(api.post("/api/identity/first-administrator", "{not json"), 400);
            assertThat(api.get("/api/identity/first-administrator/setup", null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void closedWhenAnAdministratorExistsAlready() {
        String database = database();
        try (ConfigurableApplicationContext identity = StandaloneIdentity.start(database, mail,
                "--iinj.identity.bootstrap.admin-email=deployed-admin@example.jp",
                "--iinj.identity.first-administrator.setup-token-sha256=" + HexFormat.of().formatHex(SetupLink.sha256(TOKEN)),
                "--iinj.identity.first-administrator.setup-token-expires-at=" + Instant.now().plusSeconds(3600))) {
            Api api = new Api(StandaloneIdentity.port(identity));
            assertThat(identity.getBean(Accounts.class).anyAdministrator()).isTrue();
            assertProblem(api.get("/api/identity/first-administrator/setup", null), 404);
            assertProblem(create(api, TOKEN, "root@example.jp", PASSWORD), 410);
        }
    }

    @Test
    void twoRequestsAtOnceMakeOneAdministrator() throws Exception {
        try (ConfigurableApplicationContext identity = start(Instant.now().plusSeconds(3600))) {
            Api api = new Api(StandaloneIdentity.port(identity));
            List<CompletableFuture<HttpResponse<String>>> attempts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String email = "racer-" + i + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.jp";
                attempts.add(CompletableFuture.supplyAsync(() -> create(api, TOKEN, email, PASSWORD)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (var attempt : attempts) {
                statuses.add(attempt.get().statusCode());
            }
            assertThat(statuses).containsOnlyOnce(201).allMatch(status -> status == 201 || status == 410);
            assertThat(identity.getBean(Accounts.class).anyAdministrator()).isTrue();
        }
    }

    private ConfigurableApplicationContext start(Instant expiresAt) {
        return StandaloneIdentity.start(database(), mail,
                "--iinj.identity.first-administrator.setup-token-sha256=" + HexFormat.of().formatHex(SetupLink.sha256(TOKEN)),
                "--iinj.identity.first-administrator.setup-token-expires-at=" + expiresAt);
    }

    private static String database() {
        return "identity-first-admin-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static HttpResponse<String> create(Api api, String token, String email, String password) {
        return api.post("/api/identity/first-administrator", "{\"token\":" + Api.quote(token) + ",\"email\":" + Api.quote(email)
                + ",\"displayName\":\"Root\",\"password\":" + Api.quote(password) + "}");
    }

    private static List<String> fields(HttpResponse<String> problem) {
        List<String> fields = new ArrayList<>();
        Api.json(problem).path("errors").forEach(error -> fields.add(error.path("field").asString()));
        return fields;
    }

    private static void assertProblem(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
    }
}
