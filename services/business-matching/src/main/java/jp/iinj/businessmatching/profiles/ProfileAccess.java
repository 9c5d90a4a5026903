package jp.iinj.businessmatching.profiles;

import java.util.Optional;

import jp.iinj.businessmatching.members.MatchingMember;
import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.httpapi.core.access.PlatformPrincipal;

/**
 * Who may see and act on a member's profiles. In full: the member's own people, the coordinators and regional bodies
 * of its bureau, administrators. Acting (draft, edit, publish, renew, withdraw): the member's people, a coordinator of
 * its bureau for the member, an administrator. Everyone else who may search sees published profiles of active
 * members only, without the owner ({@link PublishedProfileView}).
 */
public final class ProfileAccess {

    private ProfileAccess() {
    }

    public static boolean seesInFull(PlatformPrincipal caller, MatchingMember owner) {
        return caller.actsFor(owner.id()) || caller.covers(owner.bureau()) || caller.has(PlatformRole.ADMIN);
    }

    /** The role in which the caller acts for the owner, if they may. */
    public static Optional<ProfileActor.Role> actingRole(PlatformPrincipal caller, MatchingMember owner) {
        if (caller.actsFor(owner.id())) {
            return Optional.of(ProfileActor.Role.MEMBER);
        }
        if (caller.has(PlatformRole.COORDINATOR) && caller.covers(owner.bureau())) {
            return Optional.of(ProfileActor.Role.COORDINATOR);
        }
        if (caller.has(PlatformRole.ADMIN)) {
            return Optional.of(ProfileActor.Role.ADMINISTRATOR);
        }
        return Optional.empty();
    }

    /** Members' people, coordinators, regional bodies and administrators search the database. */
    public static boolean maySearch(PlatformPrincipal caller) {
        return !caller.memberIds().isEmpty() && caller.has(PlatformRole.MEMBER) || caller.has(PlatformRole.COORDINATOR)
                || caller.has(PlatformRole.REGIONAL_BODY) || caller.has(PlatformRole.ADMIN);
    }
}
