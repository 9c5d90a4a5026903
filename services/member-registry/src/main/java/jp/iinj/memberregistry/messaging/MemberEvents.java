package jp.iinj.memberregistry.messaging;

import java.util.List;

import org.springframework.stereotype.Component;

import jp.iinj.contracts.membership.MemberApprovedV1;
import jp.iinj.contracts.membership.MemberLapsedV1;
import jp.iinj.contracts.membership.MemberProfileUpdatedV1;
import jp.iinj.contracts.membership.MemberRegisteredV1;
import jp.iinj.contracts.membership.MemberReinstatedV1;
import jp.iinj.contracts.membership.MemberRejectedV1;
import jp.iinj.contracts.membership.MemberRenewedV1;
import jp.iinj.contracts.membership.MemberSuspendedV1;
import jp.iinj.contracts.membership.MemberWithdrawnV1;
import jp.iinj.contracts.membership.OwnerDesignatedV1;
import jp.iinj.contracts.membership.RejectionReason;
import jp.iinj.contracts.membership.SuspensionReason;
import jp.iinj.contracts.membership.WithdrawalReason;
import jp.iinj.contracts.topics.EventType;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.eventing.cloudevents.EventRegion;
import jp.iinj.eventing.outbox.OutboxEntry;
import jp.iinj.eventing.outbox.OutboxEventFactory;
import jp.iinj.memberregistry.organisation.Membership;
import jp.iinj.memberregistry.organisation.Organisation;

/**
 * Maps organisation changes to events. Public events ({@code membership.member-events.v1}) carry nothing personal:
 * no owner, contact persons, address or reason notes. The owner's contact goes only to the internal
 * {@code membership.member-contacts.v1}, for the identity service.
 */
@Component
public class MemberEvents {

    private final OutboxEventFactory events;

    public MemberEvents(OutboxEventFactory events) {
        this.events = events;
    }

    public OutboxEntry registered(Organisation organisation, String correlationId) {
        var payload = new MemberRegisteredV1(organisation.id(), organisation.corporateNumber(),
                organisation.profile().publicProfile(), organisation.membership().registeredAt());
        return event(TopicCatalogue.MEMBER_REGISTERED_V1, organisation, payload, correlationId);
    }

    public OutboxEntry ownerDesignated(Organisation organisation, String correlationId) {
        var payload = new OwnerDesignatedV1(organisation.id(), organisation.owner().email(),
                organisation.owner().displayName(), organisation.membership().registeredAt());
        return event(TopicCatalogue.OWNER_DESIGNATED_V1, organisation, payload, correlationId);
    }

    public OutboxEntry approved(Organisation organisation, String correlationId) {
        Membership m = organisation.membership();
        var payload = new MemberApprovedV1(organisation.id(), organisation.prefectureCode(), organisation.bureau(),
                m.approvedAt(), m.expiresOn());
        return event(TopicCatalogue.MEMBER_APPROVED_V1, organisation, payload, correlationId);
    }

    public OutboxEntry rejected(Organisation organisation, String correlationId) {
        Membership m = organisation.membership();
        var payload = new MemberRejectedV1(organisation.id(), organisation.prefectureCode(), organisation.bureau(),
                RejectionReason.valueOf(m.reasonCode()), m.statusChangedAt());
        return event(TopicCatalogue.MEMBER_REJECTED_V1, organisation, payload, correlationId);
    }

    public OutboxEntry suspended(Organisation organisation, String correlationId) {
        Membership m = organisation.membership();
        var payload = new MemberSuspendedV1(organisation.id(), organisation.prefectureCode(), organisation.bureau(),
                SuspensionReason.valueOf(m.reasonCode()), m.statusChangedAt());
        return event(TopicCatalogue.MEMBER_SUSPENDED_V1, organisation, payload, correlationId);
    }

    public OutboxEntry reinstated(Organisation organisation, String correlationId) {
        var payload = new MemberReinstatedV1(organisation.id(), organisation.prefectureCode(), organisation.bureau(),
                organisation.membership().statusChangedAt());
        return event(TopicCatalogue.MEMBER_REINSTATED_V1, organisation, payload, correlationId);
    }

    public OutboxEntry withdrawn(Organisation organisation, String correlationId) {
        Membership m = organisation.membership();
        var payload = new MemberWithdrawnV1(organisation.id(), organisation.prefectureCode(), organisation.bureau(),
                WithdrawalReason.valueOf(m.reasonCode()), m.statusChangedAt());
        return event(TopicCatalogue.MEMBER_WITHDRAWN_V1, organisation, payload, correlationId);
    }

    public OutboxEntry renewed(Organisation organisation, String correlationId) {
        Membership m = organisation.membership();
        var payload = new MemberRenewedV1(organisation.id(), organisation.prefectureCode(), organisation.bureau(),
                m.expiresOn(), m.lastRenewedAt());
        return event(TopicCatalogue.MEMBER_RENEWED_V1, organisation, payload, correlationId);
    }

    /** Published by the lapse job: nothing outside caused it, so there is no correlation id. */
    public OutboxEntry lapsed(Organisation organisation) {
        Membership m = organisation.membership();
        var payload = new MemberLapsedV1(organisation.id(), organisation.prefectureCode(), organisation.bureau(),
                m.expiresOn(), m.statusChangedAt());
        return event(TopicCatalogue.MEMBER_LAPSED_V1, organisation, payload, null);
    }

    public OutboxEntry profileUpdated(Organisation organisation, String correlationId) {
        var payload = new MemberProfileUpdatedV1(organisation.id(), organisation.corporateNumber(),
                organisation.profile().publicProfile(), organisation.updatedAt());
        return event(TopicCatalogue.MEMBER_PROFILE_UPDATED_V1, organisation, payload, correlationId);
    }

    private <P> OutboxEntry event(EventType<P> type, Organisation organisation, P payload, String correlationId) {
        return events.create(type, organisation.id(), payload, regionOf(organisation), correlationId,
                organisation.updatedAt());
    }

    /** Feeds filter on bureau, prefecture and cluster without reading payloads; the first affiliation is the cluster. */
    private static EventRegion regionOf(Organisation organisation) {
        List<String> clusters = organisation.profile().clusterIds();
        return new EventRegion(organisation.bureau(), organisation.prefectureCode(),
                clusters.isEmpty() ? null : clusters.get(0));
    }
}
