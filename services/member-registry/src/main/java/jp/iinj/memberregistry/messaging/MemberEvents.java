package jp.iinj.memberregistry.messaging;

import org.springframework.stereotype.Component;

import jp.iinj.contracts.membership.MemberRegisteredV1;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.eventing.cloudevents.EventRegion;
import jp.iinj.eventing.outbox.OutboxEntry;
import jp.iinj.eventing.outbox.OutboxEventFactory;
import jp.iinj.memberregistry.organisation.Organisation;

/**
 * Maps organisation changes to the public events of {@code membership.member-events.v1}. Public: nothing personal
 * (contact persons, addresses of individuals) ever goes in here.
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

    private static EventRegion regionOf(Organisation organisation) {
        return new EventRegion(organisation.bureau(), organisation.prefectureCode(), null);
    }
}
