package jp.iinj.memberregistry.approval;

import java.time.Instant;
import java.util.List;

import jp.iinj.eventing.outbox.OutboxEntry;
import jp.iinj.httpapi.core.problems.ConflictException;
import jp.iinj.memberregistry.commands.OrganisationAccess;
import jp.iinj.memberregistry.commands.OrganisationCommand;
import jp.iinj.memberregistry.messaging.MemberEvents;
import jp.iinj.memberregistry.organisation.MembershipTerms;
import jp.iinj.memberregistry.organisation.Organisation;

/** Applied → active for a first term; not while it may duplicate another organisation. */
record ApproveApplication(MembershipTerms terms) implements OrganisationCommand {

    @Override
    public OrganisationAccess whoMay() {
        return ApplicationDecisions.APPROVERS;
    }

    @Override
    public Organisation apply(Organisation organisation, Instant now) {
        if (organisation.flaggedAsPossibleDuplicate()) {
            throw new ConflictException("organisation " + organisation.id() + " may duplicate "
                    + organisation.duplicateReview().candidateIds()
                    + ": clear the duplicate review, or reject it as DUPLICATE");
        }
        return organisation.withMembership(organisation.membership().approve(now, terms), now);
    }

    @Override
    public List<OutboxEntry> events(Organisation approved, MemberEvents events, String correlationId) {
        return List.of(events.approved(approved, correlationId));
    }
}
