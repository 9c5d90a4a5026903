package jp.iinj.businessmatching.proposals;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import jp.iinj.businessmatching.members.MatchingMember;
import jp.iinj.businessmatching.members.MatchingMembers;
import jp.iinj.businessmatching.profiles.PartneringProfile;
import jp.iinj.businessmatching.profiles.ProfileAccess;
import jp.iinj.businessmatching.profiles.PublishedProfileView;
import jp.iinj.httpapi.core.access.PlatformPrincipal;
import jp.iinj.httpapi.core.problems.ResourceNotFoundException;
import reactor.core.publisher.Mono;

/**
 * A member's proposals as its side sees them. Only live ones: both profiles still published and both owners still
 * active members, checked against the store at every read, so a suspended member's proposals vanish at once.
 */
@Service
public class MemberProposals {

    static final int LIMIT = 100;

    private final ReactiveMongoTemplate mongo;
    private final MatchingMembers members;

    public MemberProposals(ReactiveMongoTemplate mongo, MatchingMembers members) {
        this.mongo = mongo;
        this.members = members;
    }

    public Mono<List<ProposalView>> of(String memberId, PlatformPrincipal caller) {
        return members.byId(memberId)
                .filter(member -> ProfileAccess.seesInFull(caller, member))
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("no member " + memberId)))
                .flatMap(member -> mongo.find(Query.query(new Criteria().orOperator(
                                        where("offerMemberId").is(memberId), where("requestMemberId").is(memberId)))
                                .with(Sort.by(Sort.Direction.DESC, "proposedAt")).limit(LIMIT), MatchProposal.class)
                        .collectList()
                        .flatMap(proposals -> live(member, proposals)));
    }

    /** A proposal the member's side may read, or empty (404 for the caller). */
    public Mono<MatchProposal> one(String proposalId, PlatformPrincipal caller) {
        return mongo.findById(proposalId, MatchProposal.class)
                .filterWhen(proposal -> members.byIds(List.of(proposal.offerMemberId(), proposal.requestMemberId()))
                        .map(owners -> owners.values().stream().anyMatch(owner -> ProfileAccess.seesInFull(caller, owner))))
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("no proposal " + proposalId)));
    }

    private Mono<List<ProposalView>> live(MatchingMember member, List<MatchProposal> proposals) {
        List<String> profileIds = new ArrayList<>();
        List<String> memberIds = new ArrayList<>();
        for (MatchProposal proposal : proposals) {
            profileIds.add(proposal.offerProfileId());
            profileIds.add(proposal.requestProfileId());
            memberIds.add(proposal.offerMemberId());
            memberIds.add(proposal.requestMemberId());
        }
        return mongo.find(Query.query(where("_id").in(profileIds)), PartneringProfile.class)
                .collectMap(PartneringProfile::id, Function.identity())
                .zipWith(members.byIds(memberIds.stream().distinct().toList()))
                .map(found -> views(member, proposals, found.getT1(), found.getT2()));
    }

    private static List<ProposalView> views(MatchingMember member, List<MatchProposal> proposals,
                                            Map<String, PartneringProfile> profiles, Map<String, MatchingMember> owners) {
        List<ProposalView> views = new ArrayList<>();
        for (MatchProposal proposal : proposals) {
            PartneringProfile own = profiles.get(proposal.ownProfileOf(member.id()));
            PartneringProfile other = profiles.get(proposal.otherProfileOf(member.id()));
            MatchingMember otherOwner = other == null ? null : owners.get(other.ownerMemberId());
            if (own == null || other == null || otherOwner == null || !own.published() || !other.published()
                    || !otherOwner.active() || !member.active()) {
                continue;
            }
            views.add(new ProposalView(proposal.id(), proposal.score(), proposal.explanation(),
                    new ProposalView.OwnProfile(own.id(), own.type(), own.content().title()),
                    PublishedProfileView.of(other, otherOwner), proposal.proposedAt()));
        }
        return views;
    }
}
