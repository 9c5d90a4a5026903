package jp.iinj.identity.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.eventing.consumer.EventSubscription;
import jp.iinj.identity.notifications.NotificationMails;

/**
 * Other services ask identity to tell people things, because identity alone knows their addresses and languages.
 * Coordination's notifications will be one more subscription of the same kind.
 */
@Configuration(proxyBeanMethods = false)
class NotificationSubscriptions {

    @Bean
    EventSubscription matchingNotificationMails(NotificationMails mails) {
        return EventSubscription.to(TopicCatalogue.MATCHING_NOTIFICATIONS_V1, "matching-notification-mails")
                .onBlocking(TopicCatalogue.MATCHING_NOTIFICATION_REQUESTED_V1, event -> mails.send(event.payload()))
                .build();
    }
}
