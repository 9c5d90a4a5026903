package jp.iinj.portal.matching;

import java.util.Optional;

import jp.iinj.portal.signin.Person;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.server.ResponseStatusException;

/**
 * The member a person acts for in business matching: the first of their active members (a person almost always
 * acts for one; the API decides again on every call).
 */
final class ActingMember {

    private ActingMember() {
    }

    static Optional<String> of(Person person) {
        return person == null || person.memberIds().isEmpty() ? Optional.empty() : Optional.of(person.memberIds().get(0));
    }

    /** The member, or the not-found page: a page of a member's own is nothing to someone acting for none. */
    static String required(OidcUser user) {
        return of(user == null ? null : Person.of(user)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    static boolean coordinator(OidcUser user) {
        return user != null && Person.of(user).isCoordinator();
    }
}
