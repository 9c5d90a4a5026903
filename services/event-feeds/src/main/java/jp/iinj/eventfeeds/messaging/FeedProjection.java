package jp.iinj.eventfeeds.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.eventfeeds.delivery.DeliveryDispatcher;
import jp.iinj.eventfeeds.log.FeedLog;
import jp.iinj.eventing.consumer.EventSubscription;

/**
 * The public projection: every event of every public topic, whatever its type (types added later included), into the
 * feed log, data as received. Internal topics (contacts, people, notifications) are never read here;
 * {@code FeedProjectionTest} fails when a public topic is added to the catalogue without its subscription here. Each
 * event logged for the first time goes straight on to this instance's webhook deliveries.
 */
@Configuration(proxyBeanMethods = false)
class FeedProjection {

    @Bean
    EventSubscription feedOfMemberEvents(FeedLog log, DeliveryDispatcher dispatcher) {
        return EventSubscription.to(TopicCatalogue.MEMBER_EVENTS_V1, "member-feed").onEveryType(event -> log.append(event).doOnNext(dispatcher::logged).then())
                .idempotentByEventId().build();
    }

    @Bean
    EventSubscription feedOfMatchingEvents(FeedLog log, DeliveryDispatcher dispatcher) {
        return EventSubscription.to(TopicCatalogue.MATCHING_EVENTS_V1, "matching-feed")
                .onEveryType(event -> log.append(event).doOnNext(dispatcher::logged).then())
                .idempotentByEventId().build();
    }

    @Bean
    EventSubscription feedOfCaseEvents(FeedLog log, DeliveryDispatcher dispatcher) {
        return EventSubscription.to(TopicCatalogue.CASE_EVENTS_V1, "case-feed").onEveryType(event -> log.append(event).doOnNext(dispatcher::logged).then())
                .idempotentByEventId().build();
    }
}
