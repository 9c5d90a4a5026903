package jp.iinj.memberregistry.messaging;

import org.springframework.stereotype.Component;

import jp.iinj.contracts.membership.MemberApprovedV1;
import jp.iinj.contracts.membership.MemberRegisteredV1;
import jp.iinj.contracts.membership.OwnerDesignatedV1;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.eventing.cloudevents.EventRegion;
import jp.iinj.eventing.outbox.OutboxEntry;
import jp.iinj.eventing.outbox.OutboxEventFactory;
import jp.iinj.memberregistry.organisation.Organisation;

/**
 * Maps organisation changes to events. Public events ({@code membership.member-events.v1}) carry nothing personal;
 * the owner's contact goes only to the internal {@code membership.member-contacts.v1}, for the identity service.
 */
@Component
public class MemberEvents {

    private final OutboxEventFactory events;

    public MemberEvents(OutboxEventFactory events) {
        this.events = events;
    }

    public OutboxEntry registered(Organisation organisation, String correlationId) {
        var payload = new MemberRegisteredV1(organisation.id(), organisation.legalName(), organisation.organisationType(),
                organisation.corporateNumber(), organisation.prefectureCode(), organisation.bureau(),
                organisation.registeredAt());
        return events.create(TopicCatalogue.MEMBER_REGISTERED_V1, organisation.id(), payload, regionOf(organisation),
                correlationId, organisation.registeredAt());
    }

    public OutboxEntry ownerDesignated(Organisation organisation, String correlationId) {
        var payload = new OwnerDesignatedV1(organisation.id(), organisation.owner().email(),
                organisation.owner().displayName(), organisation.registeredAt());
        return events.create(TopicCatalogue.OWNER_DESIGNATED_V1, organisation.id(), payload, regionOf(organisation),
                correlationId, organisation.registeredAt());
    }

    public OutboxEntry approved(Organisation organisation, String correlationId) {
        var payload = new MemberApprovedV1(organisation.id(), organisation.prefectureCode(), organisation.bureau(),
                organisation.approvedAt());
        return events.create(TopicCatalogue.MEMBER_APPROVED_V1, organisation.id(), payload, regionOf(organisation),
                correlationId, organisation.approvedAt());
    }

    private static EventRegion regionOf(Organisation organisation) {
        return new EventRegion(organisation.bureau(), organisation.prefectureCode(), null);
    }
}
