package jp.iinj.memberregistry.messaging;

import org.springframework.stereotype.Component;

import jp.iinj.contracts.membership.StaffRemovedV1;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.eventing.cloudevents.EventRegion;
import jp.iinj.eventing.outbox.OutboxEntry;
import jp.iinj.eventing.outbox.OutboxEventFactory;
import jp.iinj.memberregistry.organisation.Organisation;
import jp.iinj.memberregistry.people.OrganisationPerson;

/**
 * Maps changes of an organisation's people to events. The removal of staff goes to the internal
 * {@code membership.member-contacts.v1}, for the identity service, which takes the organisation from the account.
 */
@Component
public class OrganisationPeopleEvents {

    private final OutboxEventFactory events;

    public OrganisationPeopleEvents(OutboxEventFactory events) {
        this.events = events;
    }

    /** @param removal the person as the removal left them (its time is the event's) */
    public OutboxEntry staffRemoved(Organisation organisation, OrganisationPerson removal, String correlationId) {
        var payload = new StaffRemovedV1(removal.memberId(), removal.subject(), removal.removalRequestedAt());
        return events.create(TopicCatalogue.STAFF_REMOVED_V1, removal.memberId(), payload,
                new EventRegion(organisation.bureau(), organisation.prefectureCode(), null), correlationId,
                removal.removalRequestedAt());
    }
}
