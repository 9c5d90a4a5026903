package jp.iinj.identity.messaging;

import java.util.concurrent.Callable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.eventing.consumer.EventSubscription;
import jp.iinj.eventing.consumer.PoisonEventException;
import jp.iinj.identity.accounts.Accounts;
import reactor.core.publisher.Mono;

/**
 * Accounts follow the member registry's events, so that no claim is typed in by hand: a registration's owner gets a
 * pending account, an approval grants it the member claim, and a removal of staff takes the claim away. Every call
 * is idempotent; implausible payloads are poison and go to the dead-letter topic.
 */
@Configuration(proxyBeanMethods = false)
class MembershipEventSubscriptions {

    @Bean
    EventSubscription memberOwners(Accounts accounts) {
        return EventSubscription.to(TopicCatalogue.MEMBER_CONTACTS_V1, "member-owners")
                .on(TopicCatalogue.OWNER_DESIGNATED_V1, event -> applied(() -> accounts.designateOwner(
                        event.payload().memberId(), event.payload().email(), event.payload().displayName())))
                .build();
    }

    @Bean
    EventSubscription memberApprovals(Accounts accounts) {
        return EventSubscription.to(TopicCatalogue.MEMBER_EVENTS_V1, "member-approvals")
                .on(TopicCatalogue.MEMBER_APPROVED_V1, event -> applied(() -> accounts.grantMembership(event.payload().memberId())))
                .build();
    }

    /** The owner or an administrator removed a person in the registry: the account stops acting for the organisation. */
    @Bean
    EventSubscription staffRemovals(Accounts accounts) {
        return EventSubscription.to(TopicCatalogue.MEMBER_CONTACTS_V1, "staff-removals")
                .on(TopicCatalogue.STAFF_REMOVED_V1, event -> applied(() -> accounts.removeFromMember(
                        event.payload().memberId(), event.payload().subject())))
                .build();
    }

    /** The account store is blocking (Spring MVC service); the listener thread waits for it anyway. */
    private static Mono<Void> applied(Callable<?> change) {
        return Mono.fromCallable(change)
                .onErrorMap(IllegalArgumentException.class, implausible -> new PoisonEventException(implausible.getMessage(), implausible))
                .then();
    }
}
