package jp.iinj.businessmatching.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import jp.iinj.businessmatching.interests.ExpressionOfInterest;
import jp.iinj.businessmatching.members.MatchingMember;
import jp.iinj.businessmatching.notifications.NotificationKind;
import jp.iinj.businessmatching.profiles.PartneringProfile;
import jp.iinj.businessmatching.profiles.ProfileActor;
import jp.iinj.businessmatching.proposals.MatchProposal;
import jp.iinj.contracts.matching.InterestAcceptedV1;
import jp.iinj.contracts.matching.InterestDeclinedV1;
import jp.iinj.contracts.matching.InterestExpiredV1;
import jp.iinj.contracts.matching.InterestExpressedV1;
import jp.iinj.contracts.matching.MatchAgreedV1;
import jp.iinj.contracts.matching.MatchOutcomeRecordedV1;
import jp.iinj.contracts.matching.MatchParty;
import jp.iinj.contracts.matching.MatchProposedV1;
import jp.iinj.contracts.notifications.NotificationRequestedV1;
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

    /** The region is the offer's owner's: a feed of a bureau sees what its members offer being proposed. */
    public OutboxEntry matchProposed(MatchProposal proposal, PartneringProfile offer, PartneringProfile request,
                                     MatchingMember offerOwner, String correlationId) {
        List<String> shared = offer.content().technologyFields().stream()
                .filter(request.content().technologyFields()::contains).toList();
        var payload = new MatchProposedV1(proposal.id(), proposal.offerProfileId(), proposal.requestProfileId(),
                proposal.offerBureau(), proposal.requestBureau(), (int) Math.round(proposal.score()), shared,
                proposal.proposedAt());
        return events.create(TopicCatalogue.MATCH_PROPOSED_V1, proposal.id(), payload, regionOf(offerOwner),
                correlationId, proposal.proposedAt());
    }

    public OutboxEntry interestExpressed(ExpressionOfInterest interest, MatchingMember interested,
                                         MatchingMember owner, String correlationId) {
        var payload = new InterestExpressedV1(interest.id(), interest.profileId(), interest.proposalId(),
                interested.bureau(), owner.bureau(), interest.expressedAt(), interest.expiresAt());
        return interestEvent(TopicCatalogue.INTEREST_EXPRESSED_V1, interest, owner, payload, correlationId,
                interest.expressedAt());
    }

    public OutboxEntry interestAccepted(ExpressionOfInterest interest, MatchingMember interested,
                                        MatchingMember owner, String correlationId) {
        var payload = new InterestAcceptedV1(interest.id(), interest.profileId(), interested.bureau(), owner.bureau(),
                interest.matchId(), interest.answeredAt());
        return interestEvent(TopicCatalogue.INTEREST_ACCEPTED_V1, interest, owner, payload, correlationId,
                interest.answeredAt());
    }

    /** Keyed by the match id: coordination opens one case per match. */
    public OutboxEntry matchAgreed(ExpressionOfInterest interest, PartneringProfile ownerProfile,
                                   MatchingMember interested, MatchingMember owner, String correlationId) {
        var payload = new MatchAgreedV1(interest.matchId(), interest.id(),
                new MatchParty(owner.id(), interest.profileId(), owner.bureau(), owner.prefectureCode()),
                new MatchParty(interested.id(), interest.interestedProfileId(), interested.bureau(),
                        interested.prefectureCode()),
                ownerProfile.content().technologyFields(), interest.answeredAt());
        return events.create(TopicCatalogue.MATCH_AGREED_V1, interest.matchId(), payload, regionOf(owner),
                correlationId, interest.answeredAt());
    }

    public OutboxEntry interestDeclined(ExpressionOfInterest interest, MatchingMember interested,
                                        MatchingMember owner, String correlationId) {
        var payload = new InterestDeclinedV1(interest.id(), interest.profileId(), interested.bureau(), owner.bureau(),
                interest.declineReason(), interest.answeredAt());
        return interestEvent(TopicCatalogue.INTEREST_DECLINED_V1, interest, owner, payload, correlationId,
                interest.answeredAt());
    }

    /** Published by the expiry job: no correlation id. */
    public OutboxEntry interestExpired(ExpressionOfInterest interest, MatchingMember interested,
                                       MatchingMember owner) {
        var payload = new InterestExpiredV1(interest.id(), interest.profileId(), interested.bureau(), owner.bureau(),
                interest.answeredAt());
        return interestEvent(TopicCatalogue.INTEREST_EXPIRED_V1, interest, owner, payload, null,
                interest.answeredAt());
    }

    public OutboxEntry matchOutcomeRecorded(ExpressionOfInterest match, MatchingMember owner, Instant recordedAt,
                                            String correlationId) {
        var payload = new MatchOutcomeRecordedV1(match.matchId(), match.outcome(), match.outcomeAt(), recordedAt);
        return events.create(TopicCatalogue.MATCH_OUTCOME_RECORDED_V1, match.matchId(), payload, regionOf(owner),
                correlationId, recordedAt);
    }

    /**
     * Asks identity to tell a member's people (by e-mail, in each person's language) and the portal's inbox to show
     * it. Names the member, never an address: identity owns those.
     */
    public OutboxEntry notifyMember(String memberId, NotificationKind kind, String link, Instant at,
                                    String correlationId) {
        String id = UUID.randomUUID().toString();
        var payload = new NotificationRequestedV1(id, memberId, null, null, kind.code(), link, at);
        return events.create(TopicCatalogue.MATCHING_NOTIFICATION_REQUESTED_V1, id, payload,
                EventRegion.none(), correlationId, at);
    }

    private <P> OutboxEntry interestEvent(EventType<P> type, ExpressionOfInterest interest, MatchingMember owner,
                                          P payload, String correlationId, Instant at) {
        return events.create(type, interest.id(), payload, regionOf(owner), correlationId, at);
    }

    private <P> OutboxEntry event(EventType<P> type, PartneringProfile profile, MatchingMember owner, P payload,
                                  String correlationId) {
        return events.create(type, profile.id(), payload, regionOf(owner), correlationId, profile.updatedAt());
    }

    static EventRegion regionOf(MatchingMember member) {
        return new EventRegion(member.bureau(), member.prefectureCode(), member.firstCluster());
    }
}
