package jp.iinj.identity.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jp.iinj.contracts.notifications.NotificationRequestedV1;
import jp.iinj.contracts.topics.EventType;
import jp.iinj.contracts.topics.Topic;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.eventing.consumer.EventSubscription;
import jp.iinj.identity.notifications.NotificationMails;

/**
 * Other services ask identity to tell people things, because identity alone knows their addresses and languages.
 * Each service asks on a topic of its own with the same payload, so each is one bean here with its own consumer group
 * (a backlog of one does not hold up the other's mails). Implausible requests are {@code PoisonEventException}s from
 * {@link NotificationMails#send}: dead-lettered at once.
 */
@Configuration(proxyBeanMethods = false)
class NotificationSubscriptions {

    /** Consumer group {@code identity.matching-notification-mails}. */
    @Bean
    EventSubscription matchingNotificationMails(NotificationMails mails) {
        return mailing(TopicCatalogue.MATCHING_NOTIFICATIONS_V1, TopicCatalogue.MATCHING_NOTIFICATION_REQUESTED_V1,
                "matching-notification-mails", mails);
    }

    /** Consumer group {@code identity.coordination-notification-mails}. */
    @Bean
    EventSubscription coordinationNotificationMails(NotificationMails mails) {
        return mailing(TopicCatalogue.COORDINATION_NOTIFICATIONS_V1,
                TopicCatalogue.COORDINATION_NOTIFICATION_REQUESTED_V1, "coordination-notification-mails", mails);
    }

    private static EventSubscription mailing(Topic topic, EventType<NotificationRequestedV1> type, String name,
                                             NotificationMails mails) {
        return EventSubscription.to(topic, name).onBlocking(type, event -> mails.send(event.payload())).build();
    }
}
