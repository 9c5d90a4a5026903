package jp.iinj.businessmatching.profiles;

import java.util.Optional;
import java.util.Set;

import jp.iinj.businessmatching.members.MatchingMember;
import jp.iinj.businessmatching.members.MatchingMembers;
import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.httpapi.core.access.PlatformPrincipal;
import reactor.core.publisher.Mono;

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

    /**
     * Coordinators, regional bodies and administrators search the database, and the people of an active member: a
     * suspended or lapsed member's people are refused at once, whatever their token still says.
     *
     * @param activeMemberIds the caller's member ids that the read model says are active
     */
    public static boolean maySearch(PlatformPrincipal caller, Set<String> activeMemberIds) {
        return caller.has(PlatformRole.COORDINATOR) || caller.has(PlatformRole.REGIONAL_BODY)
                || caller.has(PlatformRole.ADMIN) || caller.has(PlatformRole.MEMBER) && !activeMemberIds.isEmpty();
    }

    /** {@link #maySearch}, after looking the caller's members up. */
    public static Mono<Boolean> maySearch(PlatformPrincipal caller,
                                                                MatchingMembers members) {
        return members.activeAmong(caller.memberIds()).map(active -> maySearch(caller, active));
    }
}
