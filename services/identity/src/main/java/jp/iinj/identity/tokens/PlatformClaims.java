package jp.iinj.identity.tokens;

import jp.iinj.identity.preferences.LanguagePreferences;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import jp.iinj.httpapi.core.access.AccessTokenValidation;
import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.contracts.access.TokenClaims;
import jp.iinj.identity.accounts.Account;
import jp.iinj.identity.accounts.Accounts;
import jp.iinj.identity.clients.PlatformClientSettings;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * The platform's claims ({@link TokenClaims}), read from the account when the token is issued, never typed by hand:
 * <ul>
 *   <li>people (authorization code, and refresh token: read again at every refresh): {@code roles},
 *       {@code member_ids} (only organisations that are active members now), {@code bureaus} (arrays, possibly
 *       empty) in the access token and the ID token; {@code email} and {@code name} in the ID token;</li>
 *   <li>machines (client credentials): {@code roles} and {@code bureaus} from the client's registration,
 *       {@code member_ids} empty.</li>
 * </ul>
 * An account that may no longer sign in (disabled meanwhile) gets no token.
 */
@Component
class PlatformClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

    private final Accounts accounts;
    private final LanguagePreferences languages;

    PlatformClaims(Accounts accounts, LanguagePreferences languages) {
        this.languages = languages;
        this.accounts = accounts;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            // RFC 9068: services accept only this type, so an ID token cannot stand in for an access token
            context.getJwsHeader().type(AccessTokenValidation.ACCESS_TOKEN_TYPE);
        }
        JwtClaimsSet.Builder claims = context.getClaims();
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            var settings = context.getRegisteredClient().getClientSettings();
            claims.claim(TokenClaims.ROLES, sorted(PlatformClientSettings.roles(settings)));
            claims.claim(TokenClaims.MEMBER_IDS, new ArrayList<>());
            claims.claim(TokenClaims.BUREAUS, sorted(PlatformClientSettings.bureaus(settings)));
            return;
        }
        String accountId = context.getPrincipal().getName();
        Account account = accounts.findById(accountId).filter(Account::maySignIn)
                .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
                        "The account may not sign in.", null)));
        claims.claim(TokenClaims.ROLES, sorted(account.roles().stream().map(PlatformRole::name).toList()));
        claims.claim(TokenClaims.MEMBER_IDS, sorted(accounts.activeMemberIds(account)));
        claims.claim(TokenClaims.BUREAUS, sorted(account.bureaus()));
        if (ID_TOKEN.equals(context.getTokenType())) {
            claims.claim(StandardClaimNames.EMAIL, account.email());
            if (account.displayName() != null) {
                claims.claim(StandardClaimNames.NAME, account.displayName());
            }
            // the language the person chose in the portal, so that it follows them to any browser
            languages.of(account.id()).ifPresent(language -> claims.claim(StandardClaimNames.LOCALE, language));
        }
    }

    /**
     * A mutable {@link ArrayList}: the claims are also stored with the authorization, as JSON written with Spring
     * Security's allow-listed types, and {@code List.of()}/{@code toList()} lists are not on that list.
     */
    private static List<String> sorted(Collection<String> values) {
        return values.stream().sorted().collect(Collectors.toCollection(ArrayList::new));
    }
}
