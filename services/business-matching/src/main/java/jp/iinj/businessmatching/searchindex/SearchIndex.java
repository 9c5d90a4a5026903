package jp.iinj.businessmatching.searchindex;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

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

    /** The first catch-up for proposals reaches this far back; later ones start where the last one started. */
    static final Duration FIRST_CATCH_UP = Duration.ofMinutes(15);
    /**
     * A write is stamped a moment before it is stored, and instances' clocks differ a little: a catch-up counts as
     * having seen a profile only if it started this much after the profile's stamp, and the next one reads again from
     * this much before the last one started.
     */
    static final Duration IN_FLIGHT = Duration.ofSeconds(2);

    private final MatchingEngine engine;
    private final ReactiveMongoTemplate mongo;
    private final MatchingMembers members;
    private final Clock clock;
    /** The revision of each profile this index last applied (also when it applied its removal). */
    private final Map<String, Long> appliedRevisions = new ConcurrentHashMap<>();
    /** When the last catch-up for proposals that finished had started, or null before the first. */
    private final AtomicReference<Instant> caughtUpAsOf = new AtomicReference<>();

    public SearchIndex(MatchingEngine engine, ReactiveMongoTemplate mongo, MatchingMembers members, Clock clock) {
        this.engine = engine;
        this.mongo = mongo;
        this.members = members;
        this.clock = clock;
    }

    /** Replaces the index with every published profile in the store. */
    public Mono<Integer> rebuild() {
        return mongo.find(Query.query(where("status").is(ProfileStatus.PUBLISHED)), PartneringProfile.class)
                .collectList()
                .doOnNext(profiles -> {
                    appliedRevisions.clear();
                    profiles.forEach(profile -> appliedRevisions.put(profile.id(), profile.revision()));
                })
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
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                // (apply completes empty: an empty-switch after it would remove every profile just indexed)
                .flatMap(found -> found.map(this::apply).orElseGet(() -> blocking(() -> {
                    engine.remove(profileId);
                    appliedRevisions.remove(profileId);
                })));
    }

    /**
     * Published: indexed; anything else (a draft, withdrawn, expired): not in the index. Never an older revision over
     * a newer one: a catch-up that read a draft before the publication's event was applied must not remove it again.
     */
    private Mono<Void> apply(PartneringProfile profile) {
        return (profile.published()
                ? members.byId(profile.ownerMemberId()).map(owner -> MatchableProfiles.of(profile, owner))
                : Mono.<MatchableProfile>empty())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(matchable -> blocking(() -> appliedRevisions.compute(profile.id(), (id, applied) -> {
                    if (applied != null && applied > profile.revision()) {
                        return applied;
                    }
                    matchable.ifPresentOrElse(engine::upsert, () -> engine.remove(id));
                    return profile.revision();
                })));
    }

    /**
     * Re-reads every profile changed since {@code since} from the store and applies those this index does not hold
     * at their stored revision.
     */
    public Mono<Long> catchUp(Instant since) {
        return mongo.find(Query.query(where("updatedAt").gte(since)), PartneringProfile.class)
                .filter(profile -> !Long.valueOf(profile.revision()).equals(appliedRevisions.get(profile.id())))
                .concatMap(profile -> apply(profile).thenReturn(profile.id()))
                .count();
    }

    /**
     * Before a profile's proposals are computed: the index holds every profile stored before this one was, whichever
     * instance stored it, so of two profiles published at the same moment on two instances the one whose proposals
     * are computed second finds the first. A catch-up that started {@link #IN_FLIGHT} after {@code storedAt} already
     * did that; otherwise this one waits until then (at most that long) and reads what changed since the last one
     * started. In a burst of publications one catch-up thus serves every profile stored before it, where one per
     * profile re-read the whole burst each time.
     */
    public Mono<Long> catchUpPast(Instant storedAt) {
        Instant seenBy = storedAt.plus(IN_FLIGHT);
        Instant asOf = caughtUpAsOf.get();
        if (asOf != null && !asOf.isBefore(seenBy)) {
            return Mono.just(0L);
        }
        Duration wait = Duration.between(clock.instant(), seenBy);
        Mono<Void> settled = wait.isNegative() || wait.isZero() ? Mono.empty()
                : Mono.delay(wait.compareTo(IN_FLIGHT) > 0 ? IN_FLIGHT : wait).then();
        return settled.then(Mono.defer(() -> {
            Instant latest = caughtUpAsOf.get();
            if (latest != null && !latest.isBefore(seenBy)) {
                return Mono.just(0L); // another caught up meanwhile
            }
            Instant started = clock.instant();
            Instant earliest = started.minus(FIRST_CATCH_UP);
            Instant since = latest == null || latest.minus(IN_FLIGHT).isBefore(earliest) ? earliest
                    : latest.minus(IN_FLIGHT);
            return catchUp(since).doOnNext(applied -> caughtUpAsOf.accumulateAndGet(started,
                    (previous, next) -> previous == null || next.isAfter(previous) ? next : previous));
        }));
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
