package jp.iinj.businessmatching.messaging;

import org.springframework.stereotype.Component;

import jp.iinj.businessmatching.members.MatchingMember;
import jp.iinj.businessmatching.profiles.PartneringProfile;
import jp.iinj.businessmatching.profiles.ProfileActor;
import jp.iinj.contracts.matching.ProfileExpiredV1;
import jp.iinj.contracts.matching.ProfilePublishedV1;
import jp.iinj.contracts.matching.ProfileRenewedV1;
import jp.iinj.contracts.matching.ProfileWithdrawnV1;
import jp.iinj.contracts.topics.EventType;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.eventing.cloudevents.EventRegion;
import jp.iinj.eventing.outbox.OutboxEntry;
import jp.iinj.eventing.outbox.OutboxEventFactory;

/**
 * Maps changes to events on {@code matching.matching-events.v1}. Public and anonymous: ids, types, regions and
 * technology fields; never the owner of a profile (until a match is agreed), names, free text or contacts. The region
 * extension is the owner's, so feeds filter by it without reading payloads.
 */
@Component
public class MatchingEvents {

    private final OutboxEventFactory events;

    public MatchingEvents(OutboxEventFactory events) {
        this.events = events;
    }

    public OutboxEntry profilePublished(PartneringProfile profile, MatchingMember owner, String correlationId) {
        var content = profile.content();
        var payload = new ProfilePublishedV1(profile.id(), profile.type(), owner.prefectureCode(), owner.bureau(),
                content.technologyFields(), content.jsicCodes(), content.targetRegions(),
                profile.publishedBy().role() == ProfileActor.Role.COORDINATOR, profile.publishedAt(),
                profile.expiresOn());
        return event(TopicCatalogue.PROFILE_PUBLISHED_V1, profile, owner, payload, correlationId);
    }

    public OutboxEntry profileRenewed(PartneringProfile profile, MatchingMember owner, String correlationId) {
        var payload = new ProfileRenewedV1(profile.id(), profile.type(), owner.prefectureCode(), owner.bureau(),
                profile.updatedAt(), profile.expiresOn());
        return event(TopicCatalogue.PROFILE_RENEWED_V1, profile, owner, payload, correlationId);
    }

    public OutboxEntry profileWithdrawn(PartneringProfile profile, MatchingMember owner, String correlationId) {
        var payload = new ProfileWithdrawnV1(profile.id(), profile.type(), owner.prefectureCode(), owner.bureau(),
                profile.updatedAt());
        return event(TopicCatalogue.PROFILE_WITHDRAWN_V1, profile, owner, payload, correlationId);
    }

    /** Published by the expiry job: nothing outside caused it, so there is no correlation id. */
    public OutboxEntry profileExpired(PartneringProfile profile, MatchingMember owner) {
        var payload = new ProfileExpiredV1(profile.id(), profile.type(), owner.prefectureCode(), owner.bureau(),
                profile.expiresOn(), profile.updatedAt());
        return event(TopicCatalogue.PROFILE_EXPIRED_V1, profile, owner, payload, null);
    }

    private <P> OutboxEntry event(EventType<P> type, PartneringProfile profile, MatchingMember owner, P payload,
                                  String correlationId) {
        return events.create(type, profile.id(), payload, regionOf(owner), correlationId, profile.updatedAt());
    }

    static EventRegion regionOf(MatchingMember member) {
        return new EventRegion(member.bureau(), member.prefectureCode(), member.firstCluster());
    }
}
