package jp.iinj.gateway.authentication;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformAuthoritiesTest {

    private final JwtAuthenticationConfiguration.PlatformAuthorities authorities =
            new JwtAuthenticationConfiguration.PlatformAuthorities();

    @Test
    void rolesAndScopesBecomeAuthorities() {
        Jwt jwt = jwt().claim("roles", List.of("MEMBER", "COORDINATOR")).claim("scope", "openid profile").build();

        assertThat(authorities.convert(jwt)).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_MEMBER", "ROLE_COORDINATOR", "SCOPE_openid", "SCOPE_profile");
    }

    @Test
    void missingOrOddClaimsGiveNoAuthorities() {
        assertThat(authorities.convert(jwt().claim("member_ids", List.of("m-1")).build())).isEmpty();
        assertThat(authorities.convert(jwt().claim("roles", List.of(1, "", "ADMIN")).build()))
                .extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_ADMIN");
    }

    private static Jwt.Builder jwt() {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("s")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
    }
}
