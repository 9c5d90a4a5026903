package jp.iinj.testing.tokens;

import java.util.List;

import org.springframework.test.context.DynamicPropertyRegistry;

import jp.iinj.contracts.access.PlatformRole;

/** One token issuer for all of a service's ITs (one per test JVM), standing in for the identity service. */
public final class TestTokens {

    public static final TestTokenIssuer ISSUER = TestTokenIssuer.start();

    private TestTokens() {
    }

    public static String admin() {
        return ISSUER.token("admin").roles(PlatformRole.ADMIN).sign();
    }

    public static String regionalBody(String bureau) {
        return ISSUER.token("rb-" + bureau).roles(PlatformRole.REGIONAL_BODY).bureaus(List.of(bureau)).sign();
    }

    public static String coordinator(String bureau) {
        return ISSUER.token("coordinator-" + bureau).roles(PlatformRole.COORDINATOR).bureaus(List.of(bureau)).sign();
    }

    /** A person acting for the organisation (its owner or staff). */
    public static String memberOf(String organisationId) {
        return ISSUER.token("member-of-" + organisationId).roles(PlatformRole.MEMBER).memberIds(List.of(organisationId))
                .sign();
    }

    public static void register(DynamicPropertyRegistry properties) {
        properties.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", ISSUER::jwkSetUri);
        properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::issuer);
    }
}
