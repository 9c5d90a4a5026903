package jp.iinj.businessmatching.messaging;

import java.time.Instant;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jp.iinj.businessmatching.members.MatchingMembers;
import jp.iinj.businessmatching.members.MemberStanding;
import jp.iinj.eventing.consumer.EventSubscription;
import jp.iinj.eventing.consumer.PoisonEventException;
import jp.iinj.contracts.topics.TopicCatalogue;
import reactor.core.publisher.Mono;

/**
 * The members read model follows the registry: who applied (with the public profile), who is active, who is not any
 * more. Each event carries its own time, which orders them whatever the delivery order.
 */
@Configuration(proxyBeanMethods = false)
class MemberEventSubscriptions {

    @Bean
    EventSubscription membersFromRegistry(MatchingMembers members) {
        return EventSubscription.to(TopicCatalogue.MEMBER_EVENTS_V1, "members")
                .on(TopicCatalogue.MEMBER_REGISTERED_V1, event -> {
                    var registered = event.payload();
                    return checked(registered.memberId(), registered.registeredAt())
                            .then(members.profile(registered.memberId(), registered.profile(),
                                    registered.registeredAt(), MemberStanding.APPLIED));
                })
                .on(TopicCatalogue.MEMBER_PROFILE_UPDATED_V1, event -> {
                    var updated = event.payload();
                    return checked(updated.memberId(), updated.updatedAt())
                            .then(members.profile(updated.memberId(), updated.profile(), updated.updatedAt(), null));
                })
                .on(TopicCatalogue.MEMBER_APPROVED_V1, event -> standing(members, event.payload().memberId(),
                        MemberStanding.ACTIVE, event.payload().approvedAt()))
                .on(TopicCatalogue.MEMBER_REINSTATED_V1, event -> standing(members, event.payload().memberId(),
                        MemberStanding.ACTIVE, event.payload().reinstatedAt()))
                .on(TopicCatalogue.MEMBER_RENEWED_V1, event -> standing(members, event.payload().memberId(),
                        MemberStanding.ACTIVE, event.payload().renewedAt()))
                .on(TopicCatalogue.MEMBER_REJECTED_V1, event -> standing(members, event.payload().memberId(),
                        MemberStanding.REJECTED, event.payload().rejectedAt()))
                .on(TopicCatalogue.MEMBER_SUSPENDED_V1, event -> standing(members, event.payload().memberId(),
                        MemberStanding.SUSPENDED, event.payload().suspendedAt()))
                .on(TopicCatalogue.MEMBER_WITHDRAWN_V1, event -> standing(members, event.payload().memberId(),
                        MemberStanding.WITHDRAWN, event.payload().withdrawnAt()))
                .on(TopicCatalogue.MEMBER_LAPSED_V1, event -> standing(members, event.payload().memberId(),
                        MemberStanding.LAPSED, event.payload().lapsedAt()))
                .build();
    }

    private static Mono<Void> standing(MatchingMembers members, String memberId, MemberStanding standing, Instant at) {
        return checked(memberId, at).then(members.standing(memberId, standing, at));
    }

    /** An event without a member or a time can never be applied: dead-letter it at once. */
    private static Mono<Void> checked(String memberId, Instant at) {
        if (memberId == null || memberId.isBlank() || memberId.length() > 64 || at == null) {
            return Mono.error(new PoisonEventException("member event without a plausible memberId or time"));
        }
        return Mono.empty();
    }
}
