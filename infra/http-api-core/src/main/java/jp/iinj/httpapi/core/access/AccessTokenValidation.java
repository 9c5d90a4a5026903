package jp.iinj.httpapi.core.access;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * What every service checks of a bearer token besides its signature: it is an access token ({@code typ: at+jwt},
 * RFC 9068, which identity sets on access tokens only), not expired, and from the platform's issuer. Without the
 * type check an ID token, signed by the same key and carrying the same roles, would pass as an access token.
 */
public final class AccessTokenValidation {

    public static final String ACCESS_TOKEN_TYPE = "at+jwt";

    private AccessTokenValidation() {
    }

    /** @param issuer the expected {@code iss}; blank: not checked */
    public static OAuth2TokenValidator<Jwt> validator(String issuer) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(accessTokenType());
        if (issuer != null && !issuer.isBlank()) {
            validators.add(new JwtIssuerValidator(issuer));
        }
        // replaces the default type check (typ JWT or none); keeps the default timestamp check
        return JwtValidators.createDefaultWithValidators(validators);
    }

    public static JwtTypeValidator accessTokenType() {
        return new JwtTypeValidator(ACCESS_TOKEN_TYPE, "application/" + ACCESS_TOKEN_TYPE);
    }
}
