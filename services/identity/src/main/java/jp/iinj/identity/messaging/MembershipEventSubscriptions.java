package jp.iinj.identity.messaging;

import java.time.Instant;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.eventing.consumer.EventSubscription;
import jp.iinj.eventing.consumer.PoisonEventException;
import jp.iinj.identity.accounts.Accounts;

/**
 * Accounts follow the member registry's events, so that no claim is typed in by hand: a registration's owner gets a
 * pending account, an approval grants it the member claim, a removal of staff takes the claim away, and the
 * organisation's standing (suspended, withdrawn, lapsed, rejected, reinstated) decides whether the claim is issued. Every call
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
                    poisonIf(missingTime(event.payload().approvedAt(), "approvedAt"));
                    accounts.grantMembership(event.payload().memberId(), event.payload().approvedAt());
                })
                .build();
    }

    /**
     * An organisation's standing: suspension, withdrawal, lapse and rejection take its member claim away (and end the
     * access of people who act only for it), reinstatement brings the claim back. The event's own time orders them.
     */
    @Bean
    EventSubscription memberStanding(Accounts accounts) {
        return EventSubscription.to(TopicCatalogue.MEMBER_EVENTS_V1, "member-standing")
                .onBlocking(TopicCatalogue.MEMBER_SUSPENDED_V1, event ->
                        noLongerActive(accounts, event.payload().memberId(), event.payload().suspendedAt(), "suspendedAt"))
                .onBlocking(TopicCatalogue.MEMBER_WITHDRAWN_V1, event ->
                        noLongerActive(accounts, event.payload().memberId(), event.payload().withdrawnAt(), "withdrawnAt"))
                .onBlocking(TopicCatalogue.MEMBER_LAPSED_V1, event ->
                        noLongerActive(accounts, event.payload().memberId(), event.payload().lapsedAt(), "lapsedAt"))
                .onBlocking(TopicCatalogue.MEMBER_REJECTED_V1, event ->
                        noLongerActive(accounts, event.payload().memberId(), event.payload().rejectedAt(), "rejectedAt"))
                .onBlocking(TopicCatalogue.MEMBER_REINSTATED_V1, event -> {
                    var reinstated = event.payload();
                    poisonIf(Accounts.implausibleId(reinstated.memberId(), "memberId")
                            .or(() -> missingTime(reinstated.reinstatedAt(), "reinstatedAt")));
                    accounts.memberActiveAgain(reinstated.memberId(), reinstated.reinstatedAt());
                })
                .build();
    }

    private static void noLongerActive(Accounts accounts, String memberId, Instant since, String timeName) {
        poisonIf(Accounts.implausibleId(memberId, "memberId").or(() -> missingTime(since, timeName)));
        accounts.memberNoLongerActive(memberId, since);
    }

    private static Optional<String> missingTime(Instant time, String name) {
        return time == null ? Optional.of(name + " is missing") : Optional.empty();
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
