package jp.iinj.coordination.cases;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import jp.iinj.contracts.matching.MatchAgreedV1;
import jp.iinj.contracts.matching.MatchParty;
import jp.iinj.contracts.regions.RegionalBureau;
import jp.iinj.coordination.messaging.CaseEvents;
import jp.iinj.eventing.consumer.PoisonEventException;
import jp.iinj.eventing.outbox.AggregateStore;
import reactor.core.publisher.Mono;

/**
 * Opens the one case of an agreed match and assigns it at once (or queues it). Exactly one case per match whatever
 * the delivery: a redelivered event finds the case (or the processed-events record) and stops; two instances that
 * race both build a case, and the unique index on {@code matchId} lets only the first insert through. The loser's
 * {@link DuplicateKeyException} means "already opened", so it is done, not failed. No transaction is involved: the
 * case and its events are one document.
 */
@Service
public class CaseOpening {

    private static final Logger log = LoggerFactory.getLogger(CaseOpening.class);
    /** As match-agreed's schema bounds its ids. */
    private static final int MAX_ID = 140;

    private final ReactiveMongoTemplate mongo;
    private final AggregateStore store;
    private final CaseAssignments assignments;
    private final CaseEvents events;
    private final Clock clock;

    public CaseOpening(ReactiveMongoTemplate mongo, AggregateStore store, CaseAssignments assignments,
                       CaseEvents events, Clock clock) {
        this.mongo = mongo;
        this.store = store;
        this.assignments = assignments;
        this.events = events;
        this.clock = clock;
    }

    public Mono<Void> matchAgreed(MatchAgreedV1 agreed, String correlationId) {
        return Mono.defer(() -> {
            checked(agreed);
            return mongo.exists(Query.query(where("matchId").is(agreed.matchId())), CoordinationCase.class)
                    .flatMap(exists -> exists ? Mono.<Void>empty() : open(agreed, correlationId));
        });
    }

    private Mono<Void> open(MatchAgreedV1 agreed, String correlationId) {
        Instant now = clock.instant();
        CoordinationCase opened = CoordinationCase.opened(UUID.randomUUID().toString(), agreed.matchId(),
                agreed.interestId(), party(agreed.owner()), party(agreed.interested()),
                agreed.technologyFields() == null ? List.of() : agreed.technologyFields(), agreed.agreedAt(), now);
        return assignments.assignOrQueueNew(opened, now)
                .flatMap(assigned -> store.insert(assigned, events.opened(assigned, correlationId)))
                .doOnNext(stored -> log.info("case {} opened for match {}: {}", stored.id(), stored.matchId(),
                        stored.status()))
                .onErrorResume(DuplicateKeyException.class, duplicate -> {
                    log.info("match {} already has its case (opened concurrently)", agreed.matchId());
                    return Mono.empty();
                })
                .then();
    }

    private static CaseParts.Party party(MatchParty party) {
        return new CaseParts.Party(party.memberId(), party.profileId(), party.bureau(), party.prefectureCode());
    }

    /** An event that can never open a case goes to the dead letters at once instead of being retried. */
    private static void checked(MatchAgreedV1 agreed) {
        if (agreed == null || !plausibleId(agreed.matchId()) || agreed.agreedAt() == null
                || !plausibleParty(agreed.owner()) || !plausibleParty(agreed.interested())) {
            throw new PoisonEventException("match-agreed without a plausible matchId, parties, bureaus or time");
        }
    }

    private static boolean plausibleParty(MatchParty party) {
        return party != null && plausibleId(party.memberId()) && party.bureau() != null
                && RegionalBureau.byId(party.bureau()).isPresent();
    }

    private static boolean plausibleId(String id) {
        return id != null && !id.isBlank() && id.length() <= MAX_ID;
    }
}
