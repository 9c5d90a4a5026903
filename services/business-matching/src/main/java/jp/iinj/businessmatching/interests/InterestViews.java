package jp.iinj.businessmatching.interests;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import jp.iinj.businessmatching.members.MatchingMember;
import jp.iinj.businessmatching.members.MatchingMembers;
import jp.iinj.businessmatching.profiles.PartneringProfile;
import jp.iinj.businessmatching.profiles.PublishedProfileView;
import reactor.core.publisher.Mono;

/** Interests as one side sees them: the other side anonymous until accepted, then disclosed. */
final class InterestViews {

    static final int LIMIT = 200;

    private InterestViews() {
    }

    static Mono<List<InterestView>> sentOrReceived(ReactiveMongoTemplate mongo, MatchingMembers members, String memberId,
                                                   InterestView.Direction direction, InterestStatus status) {
        var criteria = where(direction == InterestView.Direction.SENT ? "interestedMemberId" : "ownerMemberId")
                .is(memberId);
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "expressedAt")).limit(LIMIT),
                        ExpressionOfInterest.class)
                .collectList()
                .flatMap(interests -> of(mongo, members, interests, memberId));
    }

    static Mono<List<InterestView>> of(ReactiveMongoTemplate mongo, MatchingMembers members,
                                       List<ExpressionOfInterest> interests, String viewerMemberId) {
        Set<String> profileIds = new HashSet<>();
        Set<String> memberIds = new HashSet<>();
        for (ExpressionOfInterest interest : interests) {
            profileIds.add(interest.profileId());
            if (interest.interestedProfileId() != null) {
                profileIds.add(interest.interestedProfileId());
            }
            memberIds.add(interest.ownerMemberId());
            memberIds.add(interest.interestedMemberId());
        }
        return mongo.find(Query.query(where("_id").in(profileIds)), PartneringProfile.class)
                .collectMap(PartneringProfile::id, Function.identity())
                .zipWith(members.byIds(memberIds))
                .map(found -> views(interests, viewerMemberId, found.getT1(), found.getT2()));
    }

    private static List<InterestView> views(List<ExpressionOfInterest> interests, String viewer,
                                            Map<String, PartneringProfile> profiles, Map<String, MatchingMember> owners) {
        List<InterestView> views = new ArrayList<>();
        for (ExpressionOfInterest interest : interests) {
            boolean sent = interest.interestedMemberId().equals(viewer);
            MatchingMember owner = owners.get(interest.ownerMemberId());
            MatchingMember interested = owners.get(interest.interestedMemberId());
            MatchingMember other = sent ? owner : interested;
            if (owner == null || interested == null) {
                continue;
            }
            boolean disclosed = interest.status() == InterestStatus.ACCEPTED;
            views.add(new InterestView(interest.id(),
                    sent ? InterestView.Direction.SENT : InterestView.Direction.RECEIVED, interest.status(),
                    view(profiles.get(interest.profileId()), owner),
                    interest.interestedProfileId() == null ? null
                            : view(profiles.get(interest.interestedProfileId()), interested),
                    interest.proposalId(), InterestView.Party.of(other, disclosed), interest.message(),
                    interest.expressedAt(), interest.expiresAt(), interest.answeredAt(), interest.declineReason(),
                    interest.declineNote(), interest.matchId(), interest.outcome()));
        }
        return views;
    }

    private static PublishedProfileView view(PartneringProfile profile, MatchingMember owner) {
        return profile == null ? null : PublishedProfileView.of(profile, owner);
    }
}
