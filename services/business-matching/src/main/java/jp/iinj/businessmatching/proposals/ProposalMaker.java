package jp.iinj.businessmatching.proposals;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import jp.iinj.businessmatching.engine.Proposal;
import jp.iinj.businessmatching.members.MatchingMember;
import jp.iinj.businessmatching.members.MatchingMembers;
import jp.iinj.businessmatching.messaging.MatchingEvents;
import jp.iinj.businessmatching.notifications.NotificationKind;
import jp.iinj.businessmatching.profiles.PartneringProfile;
import jp.iinj.businessmatching.profiles.ProfileChanges;
import jp.iinj.businessmatching.searchindex.SearchIndex;
import jp.iinj.eventing.outbox.AggregateStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Proposes counterparts for a profile just published or renewed: runs once per such event (one instance of the
 * service takes each), scores it against every published counterpart and stores the best, each with its reasons and
 * its events. A pair already proposed is not proposed again: the store refuses the second document.
 */
@Service
public class ProposalMaker {

    static final String PROPOSALS_LINK = "/matching/proposals";
    private static final Logger log = LoggerFactory.getLogger(ProposalMaker.class);

    private final ProfileChanges profiles;
    private final MatchingMembers members;
    private final SearchIndex index;
    private final ReactiveMongoTemplate mongo;
    private final AggregateStore store;
    private final MatchingEvents events;
    private final Clock clock;

    public ProposalMaker(ProfileChanges profiles, MatchingMembers members, SearchIndex index,
                         ReactiveMongoTemplate mongo, AggregateStore store, MatchingEvents events, Clock clock) {
        this.profiles = profiles;
        this.members = members;
        this.index = index;
        this.mongo = mongo;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** @return how many new proposals were stored */
    public Mono<Long> proposeFor(String profileId, String correlationId) {
        return profiles.profileWithOwner(profileId)
                .filter(found -> found.profile().published() && found.owner().active())
                .flatMap(found -> index.catchUpPast(found.profile().updatedAt())
                        .then(index.proposalsFor(found.profile(), found.owner()))
                        .doOnNext(proposals -> log.info("Profile {}: the engine proposes {} of {} indexed", profileId,
                                proposals.size(), index.engine().size()))
                        .flatMap(proposals -> store(found.profile(), found.owner(), proposals, correlationId)))
                .defaultIfEmpty(0L)
                .doOnNext(count -> log.info("Profile {}: {} new proposals", profileId, count));
    }

    private Mono<Long> store(PartneringProfile profile, MatchingMember owner, List<Proposal> proposals,
                             String correlationId) {
        if (proposals.isEmpty()) {
            return Mono.just(0L);
        }
        List<String> ids = proposals.stream().map(Proposal::counterpartId).toList();
        return mongo.find(Query.query(where("_id").in(ids)), PartneringProfile.class)
                .filter(PartneringProfile::published)
                .collectMap(PartneringProfile::id, Function.identity())
                .flatMap(counterparts -> members.byIds(counterparts.values().stream()
                                .map(PartneringProfile::ownerMemberId).distinct().toList())
                        .flatMap(owners -> Flux.fromIterable(proposals)
                                .concatMap(proposal -> insert(profile, owner, proposal, counterparts, owners,
                                        correlationId))
                                .count()));
    }

    private Mono<MatchProposal> insert(PartneringProfile profile, MatchingMember owner, Proposal proposal,
                                       Map<String, PartneringProfile> counterparts, Map<String, MatchingMember> owners,
                                       String correlationId) {
        PartneringProfile counterpart = counterparts.get(proposal.counterpartId());
        MatchingMember counterpartOwner = counterpart == null ? null : owners.get(counterpart.ownerMemberId());
        // the index may be a moment behind the store: only published profiles of active members are proposed
        if (counterpartOwner == null || !counterpartOwner.active()
                || counterpartOwner.id().equals(owner.id())) {
            return Mono.empty();
        }
        boolean offer = profile.type().isOffer();
        PartneringProfile offerProfile = offer ? profile : counterpart;
        PartneringProfile requestProfile = offer ? counterpart : profile;
        MatchingMember offerOwner = offer ? owner : counterpartOwner;
        MatchingMember requestOwner = offer ? counterpartOwner : owner;
        Instant now = clock.instant();
        var explanation = proposal.explanation().contributions().stream()
                .map(c -> new MatchProposal.ExplanationLine(c.kind().name(), c.label(), c.points())).toList();
        var stored = new MatchProposal(MatchProposal.idOf(offerProfile.id(), requestProfile.id()), offerProfile.id(),
                requestProfile.id(), offerOwner.id(), requestOwner.id(), offerOwner.bureau(), requestOwner.bureau(),
                proposal.score(), explanation, now, 0);
        return store.insert(stored, List.of(
                        events.matchProposed(stored, offerProfile, requestProfile, offerOwner, correlationId),
                        events.notifyMember(offerOwner.id(), NotificationKind.MATCH_PROPOSED, PROPOSALS_LINK, now,
                                correlationId),
                        events.notifyMember(requestOwner.id(), NotificationKind.MATCH_PROPOSED, PROPOSALS_LINK, now,
                                correlationId)))
                // proposed before (from the other side, or at an earlier publication): once is enough
                .onErrorResume(DuplicateKeyException.class, already -> Mono.empty());
    }
}
