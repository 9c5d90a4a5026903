package jp.iinj.memberregistry.lapse;

import java.time.Instant;
import java.util.List;

import jp.iinj.eventing.outbox.OutboxEntry;
import jp.iinj.memberregistry.commands.OrganisationChange;
import jp.iinj.memberregistry.messaging.MemberEvents;
import jp.iinj.memberregistry.organisation.MembershipTerms;
import jp.iinj.memberregistry.organisation.Organisation;

/** Active → lapsed once the term and its grace period are over. Nobody asks for it: only the job makes it. */
record LapseMembership(MembershipTerms terms) implements OrganisationChange {

    @Override
    public Organisation apply(Organisation organisation, Instant now) {
        return organisation.withMembership(organisation.membership().lapse(now, terms), now);
    }

    /** Without a correlation id: nothing outside caused it. */
    @Override
    public List<OutboxEntry> events(Organisation lapsed, MemberEvents events, String correlationId) {
        return List.of(events.lapsed(lapsed));
    }
}
