package jp.iinj.memberregistry.membership;

import java.time.Instant;
import java.util.List;

import jp.iinj.eventing.outbox.OutboxEntry;
import jp.iinj.memberregistry.commands.OrganisationAccess;
import jp.iinj.memberregistry.commands.OrganisationCommand;
import jp.iinj.memberregistry.messaging.MemberEvents;
import jp.iinj.memberregistry.organisation.Organisation;

/** Suspended → active again, with the term it had. */
record ReinstateMembership() implements OrganisationCommand {

    @Override
    public OrganisationAccess whoMay() {
        return MembershipActions.APPROVERS;
    }

    @Override
    public Organisation apply(Organisation organisation, Instant now) {
        return organisation.withMembership(organisation.membership().reinstate(now), now);
    }

    @Override
    public List<OutboxEntry> events(Organisation reinstated, MemberEvents events, String correlationId) {
        return List.of(events.reinstated(reinstated, correlationId));
    }
}
