package jp.iinj.gateway.authentication;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway validates access tokens: signatures against the issuer's JWKS (fetched lazily, so the gateway
 * starts and answers while the issuer is down), expiry, and the issuer claim when one is configured.
 *
 * @param jwkSetUri     the issuer's JWK Set, e.g. {@code http://localhost:8105/oauth2/jwks}
 * @param issuer        the expected {@code iss} claim; empty: not checked
 * @param jwksTimeout   how long fetching the JWKS may take before the request is answered 503
 * @param jwsAlgorithms accepted signature algorithms
 * @param clockSkew     tolerance for {@code exp} and {@code nbf}
 */
@ConfigurationProperties("iinj.gateway.jwt")
public record JwtProperties(
        URI jwkSetUri,
        String issuer,
        @DefaultValue("3s") Duration jwksTimeout,
        @DefaultValue("RS256") List<String> jwsAlgorithms,
        @DefaultValue("30s") Duration clockSkew) {

    public JwtProperties {
        if (jwkSetUri == null) {
            throw new IllegalArgumentException("iinj.gateway.jwt.jwk-set-uri must be set (the issuer's JWKS endpoint).");
        }
        jwsAlgorithms = List.copyOf(jwsAlgorithms);
    }
}
