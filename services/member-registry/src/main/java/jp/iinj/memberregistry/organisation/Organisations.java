package jp.iinj.memberregistry.organisation;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads organisations. Writes go through the eventing library's AggregateStore, together with their events. */
@Component
public class Organisations {

    /** Statuses of organisations that still exist for duplicate checks: a rejected or ended membership does not. */
    private static final List<MembershipStatus> CURRENT =
            List.of(MembershipStatus.APPLIED, MembershipStatus.ACTIVE, MembershipStatus.SUSPENDED);

    private final ReactiveMongoTemplate mongo;

    public Organisations(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Organisation> byId(String id) {
        return mongo.findById(id, Organisation.class);
    }

    public Mono<Organisation> byCorporateNumber(String corporateNumber) {
        return mongo.findOne(Query.query(where("corporateNumber").is(corporateNumber)), Organisation.class);
    }

    public Mono<Organisation> byRegistrationKey(String idempotencyKey) {
        return mongo.findOne(Query.query(where("registrationKey.key").is(idempotencyKey)), Organisation.class);
    }

    /** Current organisations with this normalised name in this prefecture: possible duplicates. */
    public Flux<Organisation> withSameNameAndPrefecture(String normalisedName, String prefectureCode, int limit) {
        return mongo.find(Query.query(where("normalisedName").is(normalisedName)
                        .and("profile.prefectureCode").is(prefectureCode)
                        .and("membership.status").in(CURRENT))
                .limit(limit), Organisation.class);
    }
}
