package jp.iinj.memberregistry.membership;

import java.time.Instant;
import java.util.List;

import jp.iinj.contracts.membership.WithdrawalReason;
import jp.iinj.eventing.outbox.OutboxEntry;
import jp.iinj.memberregistry.commands.OrganisationAccess;
import jp.iinj.memberregistry.commands.OrganisationCommand;
import jp.iinj.memberregistry.messaging.MemberEvents;
import jp.iinj.memberregistry.organisation.Organisation;

/**
 * Active → withdrawn: the organisation leaves the network.
 *
 * @param reason published in member-withdrawn
 * @param note   checked free text; stays in the registry
 */
record WithdrawMembership(WithdrawalReason reason, String note) implements OrganisationCommand {

    @Override
    public OrganisationAccess whoMay() {
        return MembershipActions.OWN_PEOPLE;
    }

    @Override
    public Organisation apply(Organisation organisation, Instant now) {
        return organisation.withMembership(organisation.membership().withdraw(now, reason.name(), note), now);
    }

    @Override
    public List<OutboxEntry> events(Organisation withdrawn, MemberEvents events, String correlationId) {
        return List.of(events.withdrawn(withdrawn, correlationId));
    }
}
