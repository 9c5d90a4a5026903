package jp.iinj.memberregistry.approval;

import java.time.Instant;
import java.util.List;

import jp.iinj.contracts.membership.RejectionReason;
import jp.iinj.eventing.outbox.OutboxEntry;
import jp.iinj.memberregistry.commands.OrganisationAccess;
import jp.iinj.memberregistry.commands.OrganisationCommand;
import jp.iinj.memberregistry.messaging.MemberEvents;
import jp.iinj.memberregistry.organisation.Organisation;

/**
 * Applied → rejected.
 *
 * @param reason published in member-rejected
 * @param note   checked free text; stays in the registry
 */
record RejectApplication(RejectionReason reason, String note) implements OrganisationCommand {

    @Override
    public OrganisationAccess whoMay() {
        return ApplicationDecisions.APPROVERS;
    }

    @Override
    public Organisation apply(Organisation organisation, Instant now) {
        return organisation.withMembership(organisation.membership().reject(now, reason.name(), note), now);
    }

    @Override
    public List<OutboxEntry> events(Organisation rejected, MemberEvents events, String correlationId) {
        return List.of(events.rejected(rejected, correlationId));
    }
}
