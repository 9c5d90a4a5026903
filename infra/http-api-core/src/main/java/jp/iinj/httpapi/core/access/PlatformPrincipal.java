package jp.iinj.httpapi.core.access;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.contracts.access.TokenClaims;

/**
 * Who is calling, as the platform's access token says: the subject, its roles, the member organisations it acts
 * for and the bureaus it covers. Object-level checks in every service are written against this.
 *
 * @param person a person signed in through the portal (their token has the OpenID scope), not a machine client:
 *               machines get tokens by client credentials, which never carry {@code openid}, and may only read
 *               feeds
 */
public record PlatformPrincipal(String subject, Set<PlatformRole> roles, Set<String> memberIds, Set<String> bureaus,
                                boolean person) {

    /** Granted to people only; services whose API is for people require it. */
    public static final String PERSON_AUTHORITY = "PLATFORM_PERSON";

    private static final String OPENID_SCOPE = "openid";

    public PlatformPrincipal {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        memberIds = Set.copyOf(memberIds);
        bureaus = Set.copyOf(bureaus);
    }

    /** Unknown role names are ignored: a newer issuer may know roles this service does not. */
    public static PlatformPrincipal of(Jwt token) {
        Set<PlatformRole> roles = EnumSet.noneOf(PlatformRole.class);
        for (String role : strings(token, TokenClaims.ROLES)) {
            Arrays.stream(PlatformRole.values()).filter(known -> known.name().equals(role)).forEach(roles::add);
        }
        return new PlatformPrincipal(token.getSubject(), roles, Set.copyOf(strings(token, TokenClaims.MEMBER_IDS)),
                Set.copyOf(strings(token, TokenClaims.BUREAUS)), scopes(token).contains(OPENID_SCOPE));
    }

    /**
     * Spring Security's view: {@code ROLE_<role>} for coarse rules such as {@code hasRole("ADMIN")}, and
     * {@link #PERSON_AUTHORITY} for a person.
     */
    public List<GrantedAuthority> authorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
        if (person) {
            authorities.add(new SimpleGrantedAuthority(PERSON_AUTHORITY));
        }
        return List.copyOf(authorities);
    }

    public boolean has(PlatformRole role) {
        return roles.contains(role);
    }

    public boolean actsFor(String memberId) {
        return has(PlatformRole.MEMBER) && memberIds.contains(memberId);
    }

    /** A regional body or coordinator whose bureaus include this one. */
    public boolean covers(String bureau) {
        return (has(PlatformRole.REGIONAL_BODY) || has(PlatformRole.COORDINATOR)) && bureaus.contains(bureau);
    }

    private static List<String> strings(Jwt token, String claim) {
        try {
            List<String> values = token.getClaimAsStringList(claim);
            return values == null ? List.of() : values;
        } catch (RuntimeException notAList) {
            return List.of();
        }
    }

    /** {@code scope} as RFC 9068 has it (one space-separated string), or as a list. */
    private static List<String> scopes(Jwt token) {
        Object scope = token.getClaims().get("scope");
        if (scope instanceof String text) {
            return Arrays.asList(text.trim().split("\\s+"));
        }
        return strings(token, "scope");
    }
}
