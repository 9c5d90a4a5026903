package jp.iinj.identity.clients;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/** The authorization server's registered clients, in this service's own MongoDB ({@code registered_clients}). */
@Component
public class MongoRegisteredClientRepository implements RegisteredClientRepository, InitializingBean {

    private final MongoTemplate mongo;

    public MongoRegisteredClientRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(ClientDocument.COLLECTION)
                .createIndex(new Index().on("clientId", Sort.Direction.ASC).unique().named("client_id_unique"));
    }

    /** Inserts or replaces the client (by id). */
    @Override
    public void save(RegisteredClient client) {
        mongo.save(toDocument(client));
    }

    @Override
    public RegisteredClient findById(String id) {
        ClientDocument document = mongo.findById(id, ClientDocument.class);
        return document == null ? null : toRegisteredClient(document);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        ClientDocument document = mongo.findOne(Query.query(Criteria.where("clientId").is(clientId)),
                ClientDocument.class);
        return document == null ? null : toRegisteredClient(document);
    }

    /** Clients holding a role in their settings (machine clients), newest first. */
    List<RegisteredClient> findWithRole(String role) {
        return mongo.find(Query.query(Criteria.where("roles").is(role))
                        .with(Sort.by(Sort.Direction.DESC, "clientIdIssuedAt")), ClientDocument.class)
                .stream().map(MongoRegisteredClientRepository::toRegisteredClient).toList();
    }

    static ClientDocument toDocument(RegisteredClient client) {
        ClientSettings settings = client.getClientSettings();
        return new ClientDocument(
                client.getId(),
                client.getClientId(),
                client.getClientIdIssuedAt(),
                client.getClientSecret(),
                client.getClientName(),
                client.getClientAuthenticationMethods().stream().map(ClientAuthenticationMethod::getValue).sorted().toList(),
                client.getAuthorizationGrantTypes().stream().map(AuthorizationGrantType::getValue).sorted().toList(),
                client.getRedirectUris().stream().sorted().toList(),
                client.getPostLogoutRedirectUris().stream().sorted().toList(),
                client.getScopes().stream().sorted().toList(),
                settings.isRequireProofKey(),
                settings.isRequireAuthorizationConsent(),
                client.getTokenSettings().getAccessTokenTimeToLive().toSeconds(),
                client.getTokenSettings().getRefreshTokenTimeToLive().toSeconds(),
                PlatformClientSettings.roles(settings),
                PlatformClientSettings.bureaus(settings));
    }

    static RegisteredClient toRegisteredClient(ClientDocument document) {
        TokenSettings.Builder tokenSettings = TokenSettings.builder()
                .accessTokenTimeToLive(Duration.ofSeconds(document.accessTokenTtlSeconds()))
                .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                .idTokenSignatureAlgorithm(SignatureAlgorithm.RS256)
                // a refresh token works once: each refresh hands out the next one
                .reuseRefreshTokens(false);
        if (document.refreshTokenTtlSeconds() != null) {
            tokenSettings.refreshTokenTimeToLive(Duration.ofSeconds(document.refreshTokenTtlSeconds()));
        }
        return RegisteredClient.withId(document.id())
                .clientId(document.clientId())
                .clientIdIssuedAt(document.clientIdIssuedAt())
                .clientSecret(document.clientSecret())
                .clientName(document.clientName())
                .clientAuthenticationMethods(methods -> document.authenticationMethods()
                        .forEach(method -> methods.add(new ClientAuthenticationMethod(method))))
                .authorizationGrantTypes(grants -> document.grantTypes()
                        .forEach(grant -> grants.add(new AuthorizationGrantType(grant))))
                .redirectUris(uris -> uris.addAll(document.redirectUris()))
                .postLogoutRedirectUris(uris -> uris.addAll(document.postLogoutRedirectUris()))
                .scopes(scopes -> scopes.addAll(document.scopes()))
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(document.requireProofKey())
                        .requireAuthorizationConsent(document.requireAuthorizationConsent())
                        .setting(PlatformClientSettings.ROLES, document.roles())
                        .setting(PlatformClientSettings.BUREAUS, document.bureaus())
                        .build())
                .tokenSettings(tokenSettings.build())
                .build();
    }
}
