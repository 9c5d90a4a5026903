package jp.iinj.businessmatching.outcomes;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import jp.iinj.businessmatching.interests.ExpressionOfInterest;
import jp.iinj.businessmatching.members.MatchingMembers;
import jp.iinj.businessmatching.messaging.MatchingEvents;
import jp.iinj.businessmatching.notifications.NotificationKind;
import jp.iinj.contracts.coordination.CaseClosedV1;
import jp.iinj.eventing.consumer.PoisonEventException;
import jp.iinj.eventing.outbox.AggregateStore;
import reactor.core.publisher.Mono;

/**
 * When coordination closes the case of an agreed match, its outcome is recorded on the match, both sides are told,
 * and {@code match-outcome-recorded} is published: one guarded write. Recorded once; a redelivery changes nothing.
 */
@Service
public class MatchOutcomes {

    private final ReactiveMongoTemplate mongo;
    private final MatchingMembers members;
    private final AggregateStore store;
    private final MatchingEvents events;
    private final Clock clock;

    public MatchOutcomes(ReactiveMongoTemplate mongo, MatchingMembers members, AggregateStore store,
                         MatchingEvents events, Clock clock) {
        this.mongo = mongo;
        this.members = members;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    public Mono<Void> caseClosed(CaseClosedV1 closed, String correlationId) {
        if (closed.matchId() == null || closed.outcome() == null || closed.closedAt() == null) {
            return Mono.error(new PoisonEventException("case-closed without a match, an outcome or a time"));
        }
        return mongo.findOne(Query.query(where("matchId").is(closed.matchId())), ExpressionOfInterest.class)
                .switchIfEmpty(Mono.error(() -> new PoisonEventException("no agreed match " + closed.matchId())))
                .flatMap(match -> {
                    if (match.outcome() != null) {
                        return Mono.empty(); // recorded before
                    }
                    Instant now = clock.instant();
                    ExpressionOfInterest recorded = match.withOutcome(closed.outcome(), closed.closedAt());
                    String link = "/matching/interests/" + match.id();
                    return members.byId(match.ownerMemberId())
                            .flatMap(owner -> store.update(recorded, where("revision").is(match.revision()), List.of(
                                    events.matchOutcomeRecorded(recorded, owner, now, correlationId),
                                    events.notifyMember(match.ownerMemberId(), NotificationKind.MATCH_OUTCOME_RECORDED,
                                            link, now, correlationId),
                                    events.notifyMember(match.interestedMemberId(),
                                            NotificationKind.MATCH_OUTCOME_RECORDED, link, now, correlationId))))
                            // changed meanwhile: failing lets the library retry the event against the new version
                            .then();
                });
    }
}
