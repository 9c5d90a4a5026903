package jp.iinj.identity.clients;

import java.time.Clock;
import java.util.List;

import jp.iinj.identity.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Component;

/**
 * Registers (or updates, at every start) the web portal: a public client, authorization code with PKCE required,
 * no secret, redirect URIs from {@code iinj.identity.portal.redirect-uris}, scopes {@code openid profile}, no
 * consent screen (it is the platform's own portal). Its id is fixed, so several instances write the same document.
 * With {@code iinj.identity.portal.client-secret} it may also authenticate with that secret (HTTP Basic) and then
 * gets refresh tokens (one use each); Spring Authorization Server never gives refresh tokens to public use.
 */
@Component
class PortalClientRegistration implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(PortalClientRegistration.class);

    private final MongoRegisteredClientRepository clients;
    private final IdentityProperties properties;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    PortalClientRegistration(MongoRegisteredClientRepository clients, IdentityProperties properties,
                             PasswordEncoder passwordEncoder, Clock clock) {
        this.clients = clients;
        this.properties = properties;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        IdentityProperties.Portal portal = properties.portal();
        RegisteredClient existing = clients.findByClientId(portal.clientId());
        RegisteredClient.Builder client = RegisteredClient.withId(existing != null ? existing.getId() : portal.clientId())
                .clientId(portal.clientId())
                .clientIdIssuedAt(existing != null ? existing.getClientIdIssuedAt() : clock.instant())
                .clientName("IINJ portal")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(portal.redirectUris()))
                .postLogoutRedirectUris(uris -> uris.addAll(portal.postLogoutRedirectUris()))
                .scopes(scopes -> scopes.addAll(List.of(OidcScopes.OPENID, OidcScopes.PROFILE)))
                .clientSettings(org.springframework.security.oauth2.server.authorization.settings.ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(org.springframework.security.oauth2.server.authorization.settings.TokenSettings.builder()
                        .accessTokenTimeToLive(properties.tokens().accessTokenTtl())
                        .refreshTokenTimeToLive(properties.tokens().refreshTokenTtl())
                        .build());
        if (portal.confidential()) {
            client.clientSecret(passwordEncoder.encode(portal.clientSecret()))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN);
        }
        clients.save(client.build());
        log.info("Portal client {} registered with redirect URIs {}{}", portal.clientId(), portal.redirectUris(),
                portal.confidential() ? ", public and with its secret (refresh tokens)" : ", public");
    }
}
