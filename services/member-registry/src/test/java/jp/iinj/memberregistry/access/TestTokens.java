package jp.iinj.memberregistry.access;

import org.springframework.test.context.DynamicPropertyRegistry;

import jp.iinj.testing.tokens.TestTokenIssuer;

/** One token issuer for all of this service's ITs, standing in for the identity service. */
public final class TestTokens {

    public static final TestTokenIssuer ISSUER = TestTokenIssuer.start();

    private TestTokens() {
    }

    public static void register(DynamicPropertyRegistry properties) {
        properties.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", ISSUER::jwkSetUri);
        properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::issuer);
    }
}
