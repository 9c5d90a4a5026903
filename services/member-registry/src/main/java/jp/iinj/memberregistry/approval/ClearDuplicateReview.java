package jp.iinj.memberregistry.approval;

import java.time.Instant;
import java.util.List;

import jp.iinj.eventing.outbox.OutboxEntry;
import jp.iinj.httpapi.core.problems.ConflictException;
import jp.iinj.memberregistry.commands.OrganisationAccess;
import jp.iinj.memberregistry.commands.OrganisationCommand;
import jp.iinj.memberregistry.messaging.MemberEvents;
import jp.iinj.memberregistry.organisation.Organisation;

/** The approver checked the candidates: not the same organisation, so it can be approved. */
record ClearDuplicateReview() implements OrganisationCommand {

    @Override
    public OrganisationAccess whoMay() {
        return ApplicationDecisions.APPROVERS;
    }

    @Override
    public Organisation apply(Organisation organisation, Instant now) {
        if (!organisation.flaggedAsPossibleDuplicate()) {
            throw new ConflictException("organisation " + organisation.id() + " has no open duplicate review");
        }
        return organisation.withDuplicateReview(organisation.duplicateReview().cleared(now), now);
    }

    /** None: nothing changed for anyone outside the registry. */
    @Override
    public List<OutboxEntry> events(Organisation cleared, MemberEvents events, String correlationId) {
        return List.of();
    }
}
