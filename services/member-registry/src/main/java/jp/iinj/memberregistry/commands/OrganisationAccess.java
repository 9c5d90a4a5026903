package jp.iinj.memberregistry.commands;

import jp.iinj.httpapi.core.access.PlatformPrincipal;
import jp.iinj.memberregistry.organisation.Organisation;

/**
 * Who may give a command on an organisation, and what a caller who may see the organisation but not give the
 * command is told (403).
 *
 * @param refusal the problem's detail for everyone else
 */
public record OrganisationAccess(Who who, String refusal) {

    public enum Who {
        /** A regional body of the organisation's bureau, or an administrator. */
        APPROVERS,
        /** The organisation's own people, or an administrator. */
        OWN_PEOPLE,
        /** The organisation's own people, a regional body of its bureau, or an administrator. */
        OWN_PEOPLE_OR_APPROVERS
    }

    public boolean allows(PlatformPrincipal caller, Organisation organisation) {
        return switch (who) {
            case APPROVERS -> organisation.approvableBy(caller);
            case OWN_PEOPLE -> organisation.managedBy(caller);
            case OWN_PEOPLE_OR_APPROVERS -> organisation.managedBy(caller) || organisation.approvableBy(caller);
        };
    }
}
