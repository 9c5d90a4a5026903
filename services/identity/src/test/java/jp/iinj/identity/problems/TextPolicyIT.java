package jp.iinj.identity.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import jp.iinj.identity.accounts.AccountStore;
import jp.iinj.identity.accounts.Accounts;
import jp.iinj.identity.mail.FileMailSender;
import jp.iinj.identity.support.Api;
import jp.iinj.identity.support.IdentityIntegrationTest;
import jp.iinj.identity.support.IdentityPortal;
import jp.iinj.identity.support.TestAccounts;
import jp.iinj.testing.mail.MailBox;
import jp.iinj.testing.web.Portal;

/**
 * The platform's text policy on identity's JSON endpoints: names and e-mails with bidirectional, invisible or control
 * characters are refused naming the field; a password is taken as sent, so that the sign-in form finds it.
 */
@IdentityIntegrationTest
class TextPolicyIT {

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
        if (adminToken == null) {
            adminToken = IdentityPortal.at(port).signIn(new TestAccounts(store, accounts).admin().email(),
                    TestAccounts.PASSWORD).accessToken();
        }
    }

    static Stream<Arguments> refusedText() {
        String token = Portal.randomUrlSafe(32);
        return Stream.of(
                // path, body, field, message start
                Arguments.of("/api/identity/invitations/" + token,
                        "{\"displayName\":\"山田\\u202e郎太\",\"password\":\"long enough passphrase\"}", "displayName",
                        "must not contain bidirectional formatting characters (U+202E at position 3)"),
                Arguments.of("/api/identity/invitations/" + token,
                        "{\"displayName\":\"山田\\u200b太郎\",\"password\":\"long enough passphrase\"}", "displayName",
                        "must not contain invisible or formatting characters (U+200B at position 3)"),
                Arguments.of("/api/identity/admin/accounts",
                        "{\"email\":\"x@example.jp\",\"displayName\":\"\\ufeffAdmin\",\"roles\":[\"ADMIN\"],\"bureaus\":[]}",
                        "displayName", "must not contain invisible or formatting characters (U+FEFF at position 1)"),
                Arguments.of("/api/identity/admin/accounts",
                        "{\"email\":\"x\\u2066@example.jp\",\"displayName\":\"X\",\"roles\":[\"ADMIN\"],\"bureaus\":[]}",
                        "email", "must not contain bidirectional formatting characters (U+2066 at position 2)"),
                Arguments.of("/api/identity/admin/clients", "{\"name\":\"Kanto feed\\u202e\",\"bureaus\":[\"kanto\"]}",
                        "name", "must not contain bidirectional formatting characters (U+202E at position 11)"),
                Arguments.of("/api/identity/admin/clients", "{\"name\":\"Kanto\",\"bureaus\":[\"kan\\u200bto\"]}",
                        "bureaus[0]", "must not contain invisible or formatting characters (U+200B at position 4)"),
                Arguments.of("/api/identity/password-resets", "{\"email\":\"a\\u202e@example.jp\"}", "email",
                        "must not contain bidirectional formatting characters (U+202E at position 2)"));
    }

    @ParameterizedTest
    @MethodSource("refusedText")
    void refusedTextIsA400NamingTheField(String path, String body, String field, String message) {
        HttpResponse<String> response = path.contains("/admin/") ? api.post(path, body, adminToken) : api.post(path, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode errors = Api.json(response).get("errors");
        assertThat(errors.findValuesAsString("field")).containsExactly(field);
        assertThat(errors.get(0).get("message").asString()).isEqualTo(message);
    }

    @Test
    void aDisplayNameIsKeptInNfcAndCountedInCodePoints() {
        String email = TestAccounts.uniqueEmail("nfc");
        // 200 × ガ sent as カ + U+3099: 400 UTF-16 units, 200 code points once composed
        String decomposed = "\u30AB\u3099".repeat(200);

        HttpResponse<String> created = api.post("/api/identity/admin/accounts", "{\"email\":" + Api.quote(email)
                + ",\"displayName\":" + Api.quote(decomposed) + ",\"roles\":[\"COORDINATOR\"],\"bureaus\":[\"kanto\"]}",
                adminToken);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(Api.json(created).get("displayName").asString()).isEqualTo("ガ".repeat(200));
        assertThat(store.findByEmail(email)).hasValueSatisfying(
                account -> assertThat(account.displayName()).isEqualTo("ガ".repeat(200)));
    }

    @Test
    void aPasswordIsTakenAsSentNeitherNormalisedNorRefused() {
        String email = TestAccounts.uniqueEmail("verbatim");
        new TestAccounts(store, accounts).active(email, Set.of(), List.of(), List.of());
        MailBox mailBox = new MailBox(mailSender.directory());
        api.post("/api/identity/password-resets", "{\"email\":" + Api.quote(email) + "}");
        String token = MailBox.tokenIn(mailBox.awaitMessage(email, 1));
        String password = "\u30AB\u3099 passphrase \u202e\u200d 42"; // decomposed ガ, an override and a joiner

        var set = api.post("/api/identity/password-resets/" + token, "{\"password\":" + Api.quote(password) + "}");

        assertThat(set.statusCode()).as(set.body()).isEqualTo(204);
        Portal portal = IdentityPortal.at(port);
        assertThat(portal.trySignIn(email, password)).as("the same characters at the sign-in form").isPresent();
        assertThat(portal.trySignIn(email, "ガ passphrase \u202e\u200d 42")).as("the NFC form is another password").isEmpty();
    }
}
