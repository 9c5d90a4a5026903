package jp.iinj.memberregistry.membership;

import java.time.Instant;
import java.util.List;

import jp.iinj.eventing.outbox.OutboxEntry;
import jp.iinj.memberregistry.commands.OrganisationAccess;
import jp.iinj.memberregistry.commands.OrganisationCommand;
import jp.iinj.memberregistry.messaging.MemberEvents;
import jp.iinj.memberregistry.organisation.MembershipTerms;
import jp.iinj.memberregistry.organisation.Organisation;

/** Active stays active, one more term from the current expiry; only within the renewal window or grace period. */
record RenewMembership(MembershipTerms terms) implements OrganisationCommand {

    @Override
    public OrganisationAccess whoMay() {
        return MembershipActions.OWN_PEOPLE_OR_APPROVERS;
    }

    @Override
    public Organisation apply(Organisation organisation, Instant now) {
        return organisation.withMembership(organisation.membership().renew(now, terms), now);
    }

    @Override
    public List<OutboxEntry> events(Organisation renewed, MemberEvents events, String correlationId) {
        return List.of(events.renewed(renewed, correlationId));
    }
}
