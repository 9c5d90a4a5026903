package jp.iinj.coordination.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.coordination.cases.CaseOpening;
import jp.iinj.coordination.notifications.CaseInbox;
import jp.iinj.eventing.consumer.EventSubscription;

/**
 * Every agreed match opens its case. The ordinary shared subscription: one instance per event, processed ids
 * recorded, retries and dead letters by the library; the store's unique index on {@code matchId} makes the rest safe.
 */
@Configuration(proxyBeanMethods = false)
class CaseEventSubscriptions {

    @Bean
    EventSubscription casesFromAgreedMatches(CaseOpening opening) {
        return EventSubscription.to(TopicCatalogue.MATCHING_EVENTS_V1, "cases")
                .on(TopicCatalogue.MATCH_AGREED_V1, event -> opening.matchAgreed(event.payload(),
                        event.metadata().correlationId()))
                .build();
    }

    /** The portal's inbox keeps what identity mails out. */
    @Bean
    EventSubscription inboxFromNotifications(CaseInbox inbox) {
        return EventSubscription.to(TopicCatalogue.COORDINATION_NOTIFICATIONS_V1, "inbox")
                .on(TopicCatalogue.COORDINATION_NOTIFICATION_REQUESTED_V1, event -> inbox.received(event.payload()))
                .build();
    }
}
