package jp.iinj.portal.signin;

import java.util.List;
import java.util.Set;

import jp.iinj.contracts.access.TokenClaims;

import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The signed-in person as the portal shows them, from the ID token identity issued at sign-in: what decides which
 * pages the navigation offers. The APIs decide again, on the access token, what the person may see and do.
 *
 * @param memberIds the member organisations the person acts for, only those that are active
 * @param bureaus   the METI bureaus a regional body's staff cover
 */
public record Person(String subject, String name, String email, Set<String> roles, List<String> memberIds,
                     List<String> bureaus) {

    public static final String MEMBER = "MEMBER";
    public static final String REGIONAL_BODY = "REGIONAL_BODY";
    public static final String COORDINATOR = "COORDINATOR";
    public static final String ADMIN = "ADMIN";

    public static Person of(OidcUser user) {
        List<String> roles = listClaim(user, TokenClaims.ROLES);
        String name = user.getFullName() != null && !user.getFullName().isBlank() ? user.getFullName() : user.getEmail();
        return new Person(user.getSubject(), name, user.getEmail(), Set.copyOf(roles),
                listClaim(user, TokenClaims.MEMBER_IDS), listClaim(user, TokenClaims.BUREAUS));
    }

    private static List<String> listClaim(OidcUser user, String claim) {
        List<String> values = user.getClaimAsStringList(claim);
        return values == null ? List.of() : List.copyOf(values);
    }

    public boolean isMember() {
        return roles.contains(MEMBER) || !memberIds.isEmpty();
    }

    public boolean isRegionalBody() {
        return roles.contains(REGIONAL_BODY);
    }

    public boolean isAdministrator() {
        return roles.contains(ADMIN);
    }

    public boolean isCoordinator() {
        return roles.contains(COORDINATOR);
    }
}
