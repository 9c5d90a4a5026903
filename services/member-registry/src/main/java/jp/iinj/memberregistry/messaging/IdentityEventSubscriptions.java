package jp.iinj.memberregistry.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.eventing.consumer.EventSubscription;
import jp.iinj.memberregistry.people.OrganisationPeople;

/**
 * The registry learns who an organisation's people are from the identity service, which knows them by their
 * subject: people join (the owner on approval, staff on accepting an invitation) and leave. Applying is idempotent;
 * {@link OrganisationPeople} refuses events that can never be applied as poison (dead-letter topic at once).
 */
@Configuration(proxyBeanMethods = false)
class IdentityEventSubscriptions {

    @Bean
    EventSubscription organisationPeopleFromIdentity(OrganisationPeople people) {
        return EventSubscription.to(TopicCatalogue.MEMBER_PEOPLE_V1, "organisation-people")
                .on(TopicCatalogue.PERSON_JOINED_MEMBER_V1, event -> people.joined(event.payload()))
                .on(TopicCatalogue.PERSON_LEFT_MEMBER_V1, event -> people.left(event.payload()))
                .build();
    }
}
