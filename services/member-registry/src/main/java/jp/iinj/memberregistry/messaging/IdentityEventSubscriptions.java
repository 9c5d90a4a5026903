package jp.iinj.memberregistry.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.eventing.consumer.EventSubscription;
import jp.iinj.eventing.consumer.PoisonEventException;
import jp.iinj.memberregistry.people.OrganisationPeople;
import reactor.core.publisher.Mono;

/**
 * The registry learns who an organisation's people are from the identity service, which knows them by their
 * subject: people join (the owner on approval, staff on accepting an invitation) and leave. Applying is idempotent;
 * events that can never be applied are poison and go to the dead-letter topic.
 */
@Configuration(proxyBeanMethods = false)
class IdentityEventSubscriptions {

    @Bean
    EventSubscription organisationPeopleFromIdentity(OrganisationPeople people) {
        return EventSubscription.to(TopicCatalogue.MEMBER_PEOPLE_V1, "organisation-people")
                .on(TopicCatalogue.PERSON_JOINED_MEMBER_V1, event -> poisonIfImplausible(people.joined(event.payload())))
                .on(TopicCatalogue.PERSON_LEFT_MEMBER_V1, event -> poisonIfImplausible(people.left(event.payload())))
                .build();
    }

    private static Mono<Void> poisonIfImplausible(Mono<Void> applied) {
        return applied.onErrorMap(IllegalArgumentException.class,
                implausible -> new PoisonEventException(implausible.getMessage(), implausible));
    }
}
