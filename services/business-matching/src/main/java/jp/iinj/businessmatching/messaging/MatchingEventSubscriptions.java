package jp.iinj.businessmatching.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jp.iinj.businessmatching.notifications.MemberInbox;
import jp.iinj.businessmatching.outcomes.MatchOutcomes;
import jp.iinj.businessmatching.proposals.ProposalMaker;
import jp.iinj.businessmatching.searchindex.SearchIndex;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.eventing.consumer.EventSubscription;

/**
 * The service's subscriptions besides the members read model. It reads its own profile events twice, for two jobs. Every instance keeps its own search index
 * in step ({@code search-index}, each instance gets every event); proposals for a published or renewed profile are
 * computed once ({@code proposals}, one instance per event, the consumer group's usual sharing). Its own notification
 * requests fill the portal's inbox; coordination's closed cases record their outcome on the match.
 */
@Configuration(proxyBeanMethods = false)
class MatchingEventSubscriptions {

    @Bean
    EventSubscription searchIndexFromProfiles(SearchIndex index) {
        return EventSubscription.to(TopicCatalogue.MATCHING_EVENTS_V1, "search-index")
                .on(TopicCatalogue.PROFILE_PUBLISHED_V1, event -> index.refresh(event.payload().profileId()))
                .on(TopicCatalogue.PROFILE_RENEWED_V1, event -> index.refresh(event.payload().profileId()))
                .on(TopicCatalogue.PROFILE_WITHDRAWN_V1, event -> index.refresh(event.payload().profileId()))
                .on(TopicCatalogue.PROFILE_EXPIRED_V1, event -> index.refresh(event.payload().profileId()))
                .onEveryInstance()
                .build();
    }

    /** The portal's inbox keeps what identity mails out. */
    @Bean
    EventSubscription inboxFromNotifications(MemberInbox inbox) {
        return EventSubscription.to(TopicCatalogue.MATCHING_NOTIFICATIONS_V1, "inbox")
                .on(TopicCatalogue.MATCHING_NOTIFICATION_REQUESTED_V1, event -> inbox.received(event.payload()))
                .build();
    }

    /** Coordination says how the case of an agreed match ended; the match records it. */
    @Bean
    EventSubscription matchOutcomesFromCases(MatchOutcomes outcomes) {
        return EventSubscription.to(TopicCatalogue.CASE_EVENTS_V1, "match-outcomes")
                .on(TopicCatalogue.CASE_CLOSED_V1, event -> outcomes.caseClosed(event.payload(),
                        event.metadata().correlationId()))
                .build();
    }

    @Bean
    EventSubscription proposalsForPublishedProfiles(ProposalMaker proposals) {
        return EventSubscription.to(TopicCatalogue.MATCHING_EVENTS_V1, "proposals")
                .on(TopicCatalogue.PROFILE_PUBLISHED_V1, event -> proposals
                        .proposeFor(event.payload().profileId(), event.metadata().correlationId()).then())
                .on(TopicCatalogue.PROFILE_RENEWED_V1, event -> proposals
                        .proposeFor(event.payload().profileId(), event.metadata().correlationId()).then())
                .build();
    }
}
