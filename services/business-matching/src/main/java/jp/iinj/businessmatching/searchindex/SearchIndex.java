package jp.iinj.businessmatching.searchindex;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import jp.iinj.businessmatching.engine.MatchableProfile;
import jp.iinj.businessmatching.engine.MatchingEngine;
import jp.iinj.businessmatching.engine.Proposal;
import jp.iinj.businessmatching.members.MatchingMember;
import jp.iinj.businessmatching.members.MatchingMembers;
import jp.iinj.businessmatching.profiles.PartneringProfile;
import jp.iinj.businessmatching.profiles.ProfileStatus;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * This instance's Lucene index of published profiles: a projection of the store, never the truth. It is rebuilt from
 * MongoDB at start-up and kept near-real-time by {@link SearchIndexUpdates}; every change re-reads the profile from
 * the store, so applying one twice or late does no harm. Whether an owner is active is not indexed: callers filter
 * hits against the members read model, so a suspension hides a member at once whatever the index says.
 */
@Component
public class SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    private final MatchingEngine engine;
    private final ReactiveMongoTemplate mongo;
    private final MatchingMembers members;

    public SearchIndex(MatchingEngine engine, ReactiveMongoTemplate mongo, MatchingMembers members) {
        this.engine = engine;
        this.mongo = mongo;
        this.members = members;
    }

    /** Replaces the index with every published profile in the store. */
    public Mono<Integer> rebuild() {
        return mongo.find(Query.query(where("status").is(ProfileStatus.PUBLISHED)), PartneringProfile.class)
                .collectList()
                .flatMap(profiles -> members.byIds(profiles.stream().map(PartneringProfile::ownerMemberId)
                                .distinct().toList())
                        .map(owners -> matchable(profiles, owners)))
                .flatMap(all -> Mono.fromCallable(() -> {
                    engine.rebuild(all);
                    return all.size();
                }).subscribeOn(Schedulers.boundedElastic()))
                .doOnNext(count -> log.info("Search index rebuilt from the store: {} published profiles", count));
    }

    /** Brings one profile's entry in line with the store: indexed while published, gone otherwise. */
    public Mono<Void> refresh(String profileId) {
        return mongo.findById(profileId, PartneringProfile.class)
                .flatMap(profile -> profile.published()
                        ? members.byId(profile.ownerMemberId()).map(owner -> MatchableProfiles.of(profile, owner))
                        : Mono.<MatchableProfile>empty())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                // published: indexed; anything else (a draft, withdrawn, expired, gone): not in the index
                .flatMap(matchable -> blocking(() -> matchable.ifPresentOrElse(engine::upsert,
                        () -> engine.remove(profileId))));
    }

    /**
     * Re-reads every profile changed since {@code since} from the store. Before proposals are computed it makes this
     * instance's index hold every counterpart stored so far, whichever instance stored it: of two profiles published
     * at the same moment on two instances, the one whose proposals are computed second finds the first.
     */
    public Mono<Long> catchUp(Instant since) {
        return mongo.find(Query.query(where("updatedAt").gte(since)), PartneringProfile.class)
                .concatMap(profile -> refresh(profile.id()).thenReturn(profile.id()))
                .count();
    }

    /** The engine's proposals for a published profile, counterparts of any standing (callers filter). */
    public Mono<List<Proposal>> proposalsFor(PartneringProfile profile, MatchingMember owner) {
        return Mono.fromCallable(() -> engine.proposalsFor(MatchableProfiles.of(profile, owner)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    public MatchingEngine engine() {
        return engine;
    }

    private static Mono<Void> blocking(Runnable change) {
        return Mono.fromRunnable(change).subscribeOn(Schedulers.boundedElastic()).then();
    }

    private static List<MatchableProfile> matchable(List<PartneringProfile> profiles, Map<String, MatchingMember> owners) {
        List<MatchableProfile> all = new ArrayList<>(profiles.size());
        for (PartneringProfile profile : profiles) {
            MatchingMember owner = owners.get(profile.ownerMemberId());
            if (owner != null) {
                all.add(MatchableProfiles.of(profile, owner));
            }
        }
        return all;
    }
}
