package jp.iinj.identity.clients;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A registered OAuth2 client as stored in {@code registered_clients}.
 *
 * @param clientSecret           delegating-encoder hash; null for public clients (the portal)
 * @param accessTokenTtlSeconds  lifetime of the access tokens it gets
 * @param refreshTokenTtlSeconds lifetime of its refresh tokens (only clients with the refresh-token grant get them);
 *                               null: Spring's default
 * @param roles                  {@code roles} claim of its client-credentials tokens
 * @param bureaus                {@code bureaus} claim of its client-credentials tokens
 */
@Document(ClientDocument.COLLECTION)
record ClientDocument(
        @Id String id,
        String clientId,
        Instant clientIdIssuedAt,
        String clientSecret,
        String clientName,
        List<String> authenticationMethods,
        List<String> grantTypes,
        List<String> redirectUris,
        List<String> postLogoutRedirectUris,
        List<String> scopes,
        boolean requireProofKey,
        boolean requireAuthorizationConsent,
        long accessTokenTtlSeconds,
        Long refreshTokenTtlSeconds,
        List<String> roles,
        List<String> bureaus) {

    static final String COLLECTION = "registered_clients";

    ClientDocument {
        authenticationMethods = orEmpty(authenticationMethods);
        grantTypes = orEmpty(grantTypes);
        redirectUris = orEmpty(redirectUris);
        postLogoutRedirectUris = orEmpty(postLogoutRedirectUris);
        scopes = orEmpty(scopes);
        roles = orEmpty(roles);
        bureaus = orEmpty(bureaus);
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
