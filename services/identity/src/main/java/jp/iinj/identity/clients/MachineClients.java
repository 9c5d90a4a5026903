package jp.iinj.identity.clients;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.identity.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;

/**
 * Machine clients of regional bodies: client credentials, scope {@value #FEEDS_READ}, tokens with
 * {@code roles: [REGIONAL_BODY]} and the bureaus they watch. The secret is generated here, returned once, and stored
 * only as a delegating-encoder hash.
 */
@Service
public class MachineClients {

    public static final String FEEDS_READ = "feeds.read";

    private static final Logger log = LoggerFactory.getLogger(MachineClients.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoRegisteredClientRepository clients;
    private final PasswordEncoder passwordEncoder;
    private final IdentityProperties properties;
    private final Clock clock;

    MachineClients(MongoRegisteredClientRepository clients, PasswordEncoder passwordEncoder,
                   IdentityProperties properties, Clock clock) {
        this.clients = clients;
        this.passwordEncoder = passwordEncoder;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new client; the secret in the answer is the only copy there will ever be. */
    public CreatedClient create(String name, List<String> bureaus) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String clientId = "rb-" + UUID.randomUUID();
        List<String> roles = List.of(PlatformRole.REGIONAL_BODY.name());
        RegisteredClient client = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientIdIssuedAt(clock.instant())
                .clientSecret(passwordEncoder.encode(secret))
                .clientName(name)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope(FEEDS_READ)
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(false)
                        .requireAuthorizationConsent(false)
                        .setting(PlatformClientSettings.ROLES, roles)
                        .setting(PlatformClientSettings.BUREAUS, List.copyOf(bureaus))
                        .build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.tokens().accessTokenTtl()).build())
                .build();
        clients.save(client);
        log.info("Machine client {} created for bureaus {}", clientId, bureaus);
        return new CreatedClient(clientId, secret, name, roles, List.copyOf(bureaus), List.of(FEEDS_READ));
    }

    public List<RegisteredClient> list() {
        return clients.findWithRole(PlatformRole.REGIONAL_BODY.name());
    }

    /** A client just created, with its secret in clear. */
    public record CreatedClient(String clientId, String clientSecret, String name, List<String> roles,
                                List<String> bureaus, List<String> scopes) {
    }
}
