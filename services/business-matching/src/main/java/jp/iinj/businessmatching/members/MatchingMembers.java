package jp.iinj.businessmatching.members;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import jp.iinj.contracts.membership.PublicMemberProfile;
import reactor.core.publisher.Mono;

/**
 * The members read model: applies the registry's events and answers who stands where. Each change is one guarded
 * upsert: it applies only when the event is newer than what is stored (redelivered or reordered events change
 * nothing), and an upsert that loses to a newer document is a duplicate key, which means exactly that.
 */
@Service
public class MatchingMembers {

    private final ReactiveMongoTemplate mongo;

    public MatchingMembers(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<MatchingMember> byId(String memberId) {
        return mongo.findById(memberId, MatchingMember.class);
    }

    /** The members among these ids, by id; unknown ids are simply absent. */
    public Mono<Map<String, MatchingMember>> byIds(Collection<String> memberIds) {
        if (memberIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return mongo.find(Query.query(where("_id").in(memberIds)), MatchingMember.class)
                .collectMap(MatchingMember::id, Function.identity());
    }

    /** Of these ids, the members that are active now. */
    public Mono<Set<String>> activeAmong(Collection<String> memberIds) {
        return byIds(memberIds).map(members -> members.values().stream().filter(MatchingMember::active)
                .map(MatchingMember::id).collect(Collectors.toSet()));
    }

    /**
     * The ids of every active member: search filters hits with it, so a suspension hides a member's profiles at once.
     * One indexed query of ids only; at the network's scale (tens of thousands of members) a small set.
     */
    public Mono<Set<String>> activeIds() {
        Query active = Query.query(where("standing").is(MemberStanding.ACTIVE));
        active.fields().include("_id");
        return mongo.find(active, org.bson.Document.class, MatchingMember.COLLECTION)
                .map(document -> document.getString("_id")).collect(Collectors.toSet());
    }

    public Mono<Void> standing(String memberId, MemberStanding standing, Instant at) {
        Update update = new Update().set("standing", standing).set("standingAt", at);
        return guardedUpsert(memberId, "standingAt", at, update);
    }

    /** A new or changed public profile; a registration also sets the first standing. */
    public Mono<Void> profile(String memberId, PublicMemberProfile profile, Instant at, MemberStanding initialStanding) {
        Update update = new Update()
                .set("legalName", profile.legalName())
                .set("englishName", profile.englishName())
                .set("website", profile.website())
                .set("organisationType", profile.organisationType())
                .set("employeeBand", profile.employeeBand())
                .set("capitalBand", profile.capitalBand())
                .set("typology", profile.typology())
                .set("prefectureCode", profile.prefectureCode())
                .set("bureau", profile.bureau())
                .set("clusterIds", profile.clusterIds() == null ? List.of() : profile.clusterIds())
                .set("profileAt", at);
        if (initialStanding != null) {
            // only when no standing was recorded yet: an approval may overtake its registration
            update.setOnInsert("standing", initialStanding).setOnInsert("standingAt", at);
        }
        return guardedUpsert(memberId, "profileAt", at, update);
    }

    private Mono<Void> guardedUpsert(String memberId, String timeField, Instant at, Update update) {
        Query newer = Query.query(where("_id").is(memberId)
                .orOperator(where(timeField).exists(false), where(timeField).lt(at)));
        return mongo.upsert(newer, update, MatchingMember.class)
                .onErrorResume(DuplicateKeyException.class, storedIsNewer -> Mono.empty())
                .then();
    }
}
