package jp.iinj.identity.signingkeys;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import jp.iinj.identity.clients.MachineClients;
import jp.iinj.identity.support.Api;
import jp.iinj.identity.support.Jwks;
import jp.iinj.identity.support.StandaloneIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Priority 3b: the service restarted on the same database serves the same keys, so a token issued before the
 * restart verifies after it (and another instance on the same database accepts it too).
 */
class RestartIT {

    @TempDir
    Path mail;

    @Test
    void aTokenIssuedBeforeARestartVerifiesAfterIt() {
        String database = "identity-restart-" + UUID.randomUUID().toString().substring(0, 8);

        String token;
        List<String> kidsBefore;
        try (ConfigurableApplicationContext first = start(database)) {
            int port = port(first);
            MachineClients.CreatedClient client = first.getBean(MachineClients.class).create("restart test",
                    List.of("tohoku"));
            var response = new Api(port).clientCredentials(client.clientId(), client.clientSecret(), "feeds.read");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            token = Api.json(response).get("access_token").asString();
            kidsBefore = Jwks.kids(port);
            assertThat(Jwks.verifies(token, Jwks.fetch(port))).isTrue();
        }

        try (ConfigurableApplicationContext second = start(database);
             ConfigurableApplicationContext third = start(database)) {
            for (ConfigurableApplicationContext instance : List.of(second, third)) {
                int port = port(instance);
                assertThat(Jwks.kids(port)).containsExactlyElementsOf(kidsBefore);
                assertThat(Jwks.verifies(token, Jwks.fetch(port))).isTrue();
                // the instance's own resource server accepts it: authenticated (403: not an admin), not 401
                assertThat(new Api(port).get("/api/identity/admin/signing-keys", token).statusCode()).isEqualTo(403);
            }
        }
    }

    private ConfigurableApplicationContext start(String database) {
        return StandaloneIdentity.start(database, mail);
    }

    private static int port(ConfigurableApplicationContext context) {
        return StandaloneIdentity.port(context);
    }
}
