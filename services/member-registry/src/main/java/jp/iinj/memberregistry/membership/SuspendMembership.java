package jp.iinj.memberregistry.membership;

import java.time.Instant;
import java.util.List;

import jp.iinj.contracts.membership.SuspensionReason;
import jp.iinj.eventing.outbox.OutboxEntry;
import jp.iinj.memberregistry.commands.OrganisationAccess;
import jp.iinj.memberregistry.commands.OrganisationCommand;
import jp.iinj.memberregistry.messaging.MemberEvents;
import jp.iinj.memberregistry.organisation.Organisation;

/**
 * Active → suspended; the term runs on.
 *
 * @param reason published in member-suspended
 * @param note   checked free text; stays in the registry
 */
record SuspendMembership(SuspensionReason reason, String note) implements OrganisationCommand {

    @Override
    public OrganisationAccess whoMay() {
        return MembershipActions.APPROVERS;
    }

    @Override
    public Organisation apply(Organisation organisation, Instant now) {
        return organisation.withMembership(organisation.membership().suspend(now, reason.name(), note), now);
    }

    @Override
    public List<OutboxEntry> events(Organisation suspended, MemberEvents events, String correlationId) {
        return List.of(events.suspended(suspended, correlationId));
    }
}
