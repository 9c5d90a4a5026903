package jp.iinj.httpapi.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import jp.iinj.contracts.access.PlatformRole;

class PlatformPrincipalTest {

    @Test
    void readsRolesMembershipsAndBureausFromTheToken() {
        PlatformPrincipal principal = PlatformPrincipal.of(token(List.of("MEMBER", "SOMETHING_NEWER"), List.of("m-1"), List.of()));

        assertThat(principal.subject()).isEqualTo("person-1");
        assertThat(principal.roles()).containsExactly(PlatformRole.MEMBER);
        assertThat(principal.actsFor("m-1")).isTrue();
        assertThat(principal.actsFor("m-2")).isFalse();
        assertThat(principal.covers("kanto")).isFalse();
    }

    @Test
    void aRegionalBodyCoversOnlyItsBureaus() {
        PlatformPrincipal principal = PlatformPrincipal.of(token(List.of("REGIONAL_BODY"), List.of(), List.of("kanto")));

        assertThat(principal.covers("kanto")).isTrue();
        assertThat(principal.covers("kinki")).isFalse();
    }

    @Test
    void memberIdsWithoutTheMemberRoleGrantNothing() {
        PlatformPrincipal principal = PlatformPrincipal.of(token(List.of("COORDINATOR"), List.of("m-1"), List.of("kanto")));

        assertThat(principal.actsFor("m-1")).isFalse();
    }

    @Test
    void aTokenWithoutPlatformClaimsHasNoRoles() {
        Jwt bare = Jwt.withTokenValue("t").header("alg", "RS256").subject("machine").issuedAt(Instant.now()).build();

        assertThat(PlatformPrincipal.of(bare).roles()).isEmpty();
        assertThat(PlatformPrincipal.of(bare).memberIds()).isEmpty();
    }

    @Test
    void aPersonHasTheOpenIdScopeAMachineClientNever() {
        Jwt person = Jwt.withTokenValue("t").header("alg", "RS256").subject("person-1").claim("roles", List.of("ADMIN"))
                .claim("scope", List.of("openid", "profile")).build();
        Jwt machine = Jwt.withTokenValue("t").header("alg", "RS256").subject("rb-client").claim("roles", List.of("REGIONAL_BODY"))
                .claim("scope", "feeds.read").build();

        assertThat(PlatformPrincipal.of(person).person()).isTrue();
        assertThat(PlatformPrincipal.of(person).authorities()).extracting(Object::toString)
                .containsExactly("ROLE_ADMIN", PlatformPrincipal.PERSON_AUTHORITY);
        assertThat(PlatformPrincipal.of(machine).person()).isFalse();
        assertThat(PlatformPrincipal.of(machine).authorities()).extracting(Object::toString).containsExactly("ROLE_REGIONAL_BODY");
    }

    private static Jwt token(List<String> roles, List<String> memberIds, List<String> bureaus) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("person-1").issuedAt(Instant.now())
                .claim("roles", roles).claim("member_ids", memberIds).claim("bureaus", bureaus).build();
    }
}
