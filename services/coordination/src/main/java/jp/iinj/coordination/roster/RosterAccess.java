package jp.iinj.coordination.roster;

import java.util.Collection;

import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.httpapi.core.access.PlatformPrincipal;

/**
 * Who may see and maintain the roster, decided here for every action and nowhere else. Administrators: every entry.
 * Regional bodies: see the coordinators who cover one of their bureaus, and maintain those whose bureaus are all
 * their own (before and after the change), so no body moves a coordinator into or out of another body's bureau. A
 * coordinator: sees their own entry. Nobody else sees the roster.
 */
public final class RosterAccess {

    private RosterAccess() {
    }

    public static boolean maySee(PlatformPrincipal caller, Coordinator coordinator) {
        return caller.has(PlatformRole.ADMIN)
                || caller.has(PlatformRole.REGIONAL_BODY)
                   && coordinator.bureaus().stream().anyMatch(caller.bureaus()::contains)
                || caller.has(PlatformRole.COORDINATOR) && caller.subject().equals(coordinator.subject());
    }

    /**
     * May put on the roster, change or (de)activate a coordinator covering these bureaus. An entry without bureaus
     * is nobody's region, so only an administrator's.
     */
    public static boolean mayMaintain(PlatformPrincipal caller, Collection<String> bureaus) {
        return caller.has(PlatformRole.ADMIN)
                || caller.has(PlatformRole.REGIONAL_BODY) && !bureaus.isEmpty() && caller.bureaus().containsAll(bureaus);
    }

    /** Which list the caller may read: everything, their bureaus' coordinators, their own entry, or nothing. */
    public static RosterView listView(PlatformPrincipal caller) {
        if (caller.has(PlatformRole.ADMIN)) {
            return RosterView.WHOLE;
        }
        if (caller.has(PlatformRole.REGIONAL_BODY) && !caller.bureaus().isEmpty()) {
            return RosterView.OWN_BUREAUS;
        }
        if (caller.has(PlatformRole.COORDINATOR)) {
            return RosterView.OWN_ENTRY;
        }
        return RosterView.NONE;
    }

    public enum RosterView {
        WHOLE,
        OWN_BUREAUS,
        OWN_ENTRY,
        NONE
    }
}
