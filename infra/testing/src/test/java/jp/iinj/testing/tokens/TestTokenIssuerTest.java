package jp.iinj.testing.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import jp.iinj.contracts.access.PlatformRole;

class TestTokenIssuerTest {

    @Test
    void itsTokensVerifyAgainstItsJwksAndCarryThePlatformClaims() {
        try (TestTokenIssuer issuer = TestTokenIssuer.start()) {
            NimbusJwtDecoder decoder = accessTokenDecoder(issuer);

            Jwt jwt = decoder.decode(issuer.token("person-1").roles(PlatformRole.MEMBER)
                    .memberIds(java.util.List.of("m-1")).sign());

            assertThat(jwt.getSubject()).isEqualTo("person-1");
            assertThat(jwt.getClaimAsStringList("roles")).containsExactly("MEMBER");
            assertThat(jwt.getClaimAsStringList("member_ids")).containsExactly("m-1");
        }
    }

    @Test
    void tokensOfARotatedKeyStillVerifyAndForeignKeysDoNot() {
        try (TestTokenIssuer issuer = TestTokenIssuer.start()) {
            String beforeRotation = issuer.token("p").sign();
            issuer.rotateKey();
            NimbusJwtDecoder decoder = accessTokenDecoder(issuer);

            assertThat(decoder.decode(beforeRotation).getSubject()).isEqualTo("p");
            assertThat(decoder.decode(issuer.token("q").sign()).getSubject()).isEqualTo("q");
            assertThatThrownBy(() -> decoder.decode(issuer.token("r").signWithUnknownKey())).isInstanceOf(JwtException.class);
            assertThatThrownBy(() -> decoder.decode(issuer.token("s").expired().sign())).isInstanceOf(JwtException.class);
        }
    }

    /** As the services decode: access tokens ({@code typ at+jwt}) only. */
    private static NimbusJwtDecoder accessTokenDecoder(TestTokenIssuer issuer) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(new JwtTypeValidator("at+jwt")));
        return decoder;
    }
}
