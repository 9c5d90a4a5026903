package jp.iinj.coordination.cases;

import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.httpapi.core.access.PlatformPrincipal;

/**
 * Who may see and do what with a case, decided here for every action and nowhere else. Administrators: everything.
 * A regional body: the cases of its bureaus (either party's). A coordinator: the cases assigned to them now. The two
 * members of the match: read their case, without the internal log. Nobody else knows a case exists (404).
 */
public final class CaseAccess {

    private CaseAccess() {
    }

    public static boolean maySee(PlatformPrincipal caller, CoordinationCase found) {
        return manages(caller, found) || isAssignedCoordinator(caller, found) || isMemberOf(caller, found);
    }

    /** Notes, declines, reasons and who closed it: for the people who run the case, not for its members. */
    public static boolean seesInternals(PlatformPrincipal caller, CoordinationCase found) {
        return manages(caller, found) || isAssignedCoordinator(caller, found);
    }

    /** Accept or decline the assignment, and move the stages: the assigned coordinator only. */
    public static boolean mayWork(PlatformPrincipal caller, CoordinationCase found) {
        return isAssignedCoordinator(caller, found);
    }

    /** Close with an outcome: the coordinator who accepted it, or those who manage the bureau (a duplicate, say). */
    public static boolean mayClose(PlatformPrincipal caller, CoordinationCase found) {
        return isAssignedCoordinator(caller, found) || manages(caller, found);
    }

    public static boolean mayWriteNotes(PlatformPrincipal caller, CoordinationCase found) {
        return isAssignedCoordinator(caller, found) || manages(caller, found);
    }

    /** Reassign by hand: administrators, and the regional bodies of the case's bureaus. */
    public static boolean mayReassign(PlatformPrincipal caller, CoordinationCase found) {
        return manages(caller, found);
    }

    /** A bureau's queue, overdue and escalated cases and load: its regional body and administrators. */
    public static boolean mayOverseeBureau(PlatformPrincipal caller, String bureau) {
        return caller.has(PlatformRole.ADMIN)
                || caller.has(PlatformRole.REGIONAL_BODY) && caller.bureaus().contains(bureau);
    }

    private static boolean manages(PlatformPrincipal caller, CoordinationCase found) {
        return caller.has(PlatformRole.ADMIN)
                || caller.has(PlatformRole.REGIONAL_BODY) && found.bureaus().stream().anyMatch(caller.bureaus()::contains);
    }

    private static boolean isAssignedCoordinator(PlatformPrincipal caller, CoordinationCase found) {
        return caller.has(PlatformRole.COORDINATOR) && found.assignment() != null
                && caller.subject().equals(found.assignment().coordinatorSubject());
    }

    private static boolean isMemberOf(PlatformPrincipal caller, CoordinationCase found) {
        return found.memberIds().stream().anyMatch(caller::actsFor);
    }
}
