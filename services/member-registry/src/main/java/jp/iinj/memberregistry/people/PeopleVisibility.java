package jp.iinj.memberregistry.people;

import jp.iinj.httpapi.core.access.PlatformPrincipal;
import jp.iinj.memberregistry.organisation.Organisation;

/**
 * Who may see an organisation's people (names and e-mail addresses: personal data). Its own people, its approvers
 * (the regional bodies of its bureau) and administrators see them. Coordinators of the bureau see the organisation
 * but not its people's contact data: they are told so (403), since they know the organisation exists. Anyone else
 * does not learn that the organisation exists (404).
 */
public enum PeopleVisibility {
    PEOPLE,
    ORGANISATION_ONLY,
    NOTHING;

    public static PeopleVisibility of(Organisation organisation, PlatformPrincipal caller) {
        if (caller.actsFor(organisation.id()) || organisation.approvableBy(caller)) {
            return PEOPLE;
        }
        return organisation.visibleTo(caller) ? ORGANISATION_ONLY : NOTHING;
    }
}
