package jp.iinj.identity.messaging;

import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.eventing.consumer.EventSubscription;
import jp.iinj.eventing.consumer.PoisonEventException;
import jp.iinj.identity.accounts.Accounts;

/**
 * Accounts follow the member registry's events, so that no claim is typed in by hand: a registration's owner gets a
 * pending account, an approval grants it the member claim, and a removal of staff takes the claim away. Every call
 * is idempotent. An event the accounts can never apply (an implausible e-mail or id) is refused as poison here, by
 * the rules {@link Accounts} enforces, and goes to the dead-letter topic; any other failure is retried.
 */
@Configuration(proxyBeanMethods = false)
class MembershipEventSubscriptions {

    @Bean
    EventSubscription memberOwners(Accounts accounts) {
        return EventSubscription.to(TopicCatalogue.MEMBER_CONTACTS_V1, "member-owners")
                .onBlocking(TopicCatalogue.OWNER_DESIGNATED_V1, event -> {
                    var owner = event.payload();
                    poisonIf(Accounts.implausibleOwner(owner.memberId(), owner.email(), owner.displayName()));
                    accounts.designateOwner(owner.memberId(), owner.email(), owner.displayName());
                })
                .build();
    }

    @Bean
    EventSubscription memberApprovals(Accounts accounts) {
        return EventSubscription.to(TopicCatalogue.MEMBER_EVENTS_V1, "member-approvals")
                .onBlocking(TopicCatalogue.MEMBER_APPROVED_V1, event -> {
                    poisonIf(Accounts.implausibleId(event.payload().memberId(), "memberId"));
                    accounts.grantMembership(event.payload().memberId());
                })
                .build();
    }

    /** The owner or an administrator removed a person in the registry: the account stops acting for the organisation. */
    @Bean
    EventSubscription staffRemovals(Accounts accounts) {
        return EventSubscription.to(TopicCatalogue.MEMBER_CONTACTS_V1, "staff-removals")
                .onBlocking(TopicCatalogue.STAFF_REMOVED_V1, event -> {
                    var removal = event.payload();
                    poisonIf(Accounts.implausibleId(removal.memberId(), "memberId")
                            .or(() -> Accounts.implausibleId(removal.subject(), "subject")));
                    accounts.removeFromMember(removal.memberId(), removal.subject());
                })
                .build();
    }

    private static void poisonIf(Optional<String> problem) {
        problem.ifPresent(reason -> {
            throw new PoisonEventException(reason);
        });
    }
}
