package jp.iinj.memberregistry.commands;

import java.util.Optional;

import jp.iinj.httpapi.core.access.PlatformPrincipal;
import jp.iinj.memberregistry.organisation.MembershipStatus;
import jp.iinj.memberregistry.organisation.Organisation;

/**
 * Who may give a command on an organisation, and what a caller who may see the organisation but not give the
 * command is told (403). It also holds the registry's one rule on member standing ({@link #standingRefusal}), which
 * every write on behalf of an organisation's people passes.
 *
 * @param notAllowed the problem's detail for everyone the {@link Who} leaves out
 */
public record OrganisationAccess(Who who, String notAllowed) {

    public enum Who {
        /** A regional body of the organisation's bureau, or an administrator. */
        APPROVERS,
        /** The organisation's own people, or an administrator. */
        OWN_PEOPLE,
        /** The organisation's own people, a regional body of its bureau, or an administrator. */
        OWN_PEOPLE_OR_APPROVERS
    }

    /** @return the 403's detail, or empty when the caller may give the command */
    public Optional<String> refusal(PlatformPrincipal caller, Organisation organisation) {
        boolean allowed = switch (who) {
            case APPROVERS -> organisation.approvableBy(caller);
            case OWN_PEOPLE -> organisation.managedBy(caller);
            case OWN_PEOPLE_OR_APPROVERS -> organisation.managedBy(caller) || organisation.approvableBy(caller);
        };
        return allowed ? standingRefusal(caller, organisation) : Optional.of(notAllowed);
    }

    /**
     * An organisation's people change it only while it is an ACTIVE member, whatever their token still says: a
     * suspended or lapsed member's access token keeps its member claim until it expires, and the registry's own
     * status is what counts, at once. Regional bodies of its bureau and administrators keep their powers (they
     * reinstate, they correct). Reads are not refused here: they end when the token does (identity stops issuing the
     * claim).
     *
     * @return the 403's detail, or empty when the caller may write (an approver, or its people while it is ACTIVE)
     */
    public static Optional<String> standingRefusal(PlatformPrincipal caller, Organisation organisation) {
        if (organisation.status() == MembershipStatus.ACTIVE || organisation.approvableBy(caller)) {
            return Optional.empty();
        }
        return Optional.of("The membership of organisation " + organisation.id() + " is not active ("
                + organisation.status() + "): its people cannot change the organisation.");
    }
}
