package jp.iinj.coordination.servicelevels;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import jp.iinj.contracts.coordination.EscalationReason;
import jp.iinj.coordination.cases.CaseAssignments;
import jp.iinj.coordination.cases.CaseStatus;
import jp.iinj.coordination.cases.CoordinationCase;
import jp.iinj.coordination.messaging.CaseEvents;
import jp.iinj.eventing.outbox.AggregateStore;
import jp.iinj.httpapi.core.problems.ConflictException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Nothing may sit unnoticed: a case not accepted by its due date goes to the next best coordinator (or, with nobody
 * left, to the bureau's queue, escalated); an accepted case without first contact by its due date is escalated to the
 * bureau that owns it. Both are found by a query on the due dates stored on the case, so a sweep after a downtime
 * finds whatever fell due meanwhile. Safe with any number of instances at once: each change is one write guarded by the
 * revision read, with its events in the same document, so exactly one instance makes it; the others' writes miss and
 * are skipped. An escalated case is not escalated again (the query and {@link CoordinationCase#escalated} both refuse).
 */
@Component
public class ServiceLevelSweep {

    /** Cases read per query; the sweep pages through all that are due, by due date. */
    static final int PAGE = 500;
    private static final Logger log = LoggerFactory.getLogger(ServiceLevelSweep.class);

    private final ReactiveMongoTemplate mongo;
    private final AggregateStore store;
    private final CaseAssignments assignments;
    private final CaseEvents events;
    private final Clock clock;

    public ServiceLevelSweep(ReactiveMongoTemplate mongo, AggregateStore store, CaseAssignments assignments,
                             CaseEvents events, Clock clock) {
        this.mongo = mongo;
        this.store = store;
        this.assignments = assignments;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What one sweep did.
     *
     * @param reassigned not accepted in time, given to the next best coordinator
     * @param queued     not accepted in time and nobody left: queued and escalated
     * @param escalated  no first contact in time
     * @param skipped    changed meanwhile (by a person or another instance), or failed; due again at the next sweep
     *                   if still due
     */
    public record Result(long reassigned, long queued, long escalated, long skipped) {

        Result plus(Result other) {
            return new Result(reassigned + other.reassigned, queued + other.queued, escalated + other.escalated,
                    skipped + other.skipped);
        }

        public long changed() {
            return reassigned + queued + escalated;
        }
    }

    private static final Result REASSIGNED = new Result(1, 0, 0, 0);
    private static final Result QUEUED = new Result(0, 1, 0, 0);
    private static final Result ESCALATED = new Result(0, 0, 1, 0);
    private static final Result SKIPPED = new Result(0, 0, 0, 1);
    private static final Result NOTHING = new Result(0, 0, 0, 0);

    /** One pass over everything due at this instant: acceptances first, then first contacts. */
    public Mono<Result> sweep() {
        Instant now = clock.instant();
        // the roster and its workload, read once, and only if some case lapsed: reassigning thousands of cases costs
        // one read of the workload, not one per case
        Mono<CaseAssignments.Session> roster = assignments.sessionForAllBureaus().cache();
        Flux<Result> lapses = each(where("status").is(CaseStatus.ASSIGNED).and("acceptanceDueAt").lt(now),
                "acceptanceDueAt", now, (read, at) -> roster.flatMap(session -> lapse(read, at, session)));
        Flux<Result> escalations = each(where("status").is(CaseStatus.ACCEPTED)
                        .and("stagesReached.firstContactAt").is(null).and("escalation").is(null)
                        .and("firstContactDueAt").lt(now),
                "firstContactDueAt", now, this::escalate);
        return lapses.concatWith(escalations).reduce(NOTHING, Result::plus)
                .doOnNext(done -> {
                    if (done.reassigned() + done.queued() > 0) {
                        assignments.forgetRecentWorkload();
                    }
                });
    }

    /** Not accepted in time: the next best coordinator, or the queue with an escalation. */
    private Mono<Result> lapse(CoordinationCase read, Instant now, CaseAssignments.Session roster) {
        String correlationId = UUID.randomUUID().toString();
        return Mono.fromCallable(() -> {
                    roster.released(read.assignment().coordinatorId());
                    return roster.assignOrQueue(read.acceptanceLapsed(now), now);
                })
                .map(next -> next.status() == CaseStatus.QUEUED && next.escalation() == null
                        ? next.escalated(EscalationReason.NOT_ACCEPTED_IN_TIME, now) : next)
                .flatMap(next -> guarded(read, next, events.acceptanceLapsed(read, next, correlationId))
                        .thenReturn(next.status() == CaseStatus.ASSIGNED ? REASSIGNED : QUEUED)
                        .doOnNext(done -> log.info("Case {} not accepted by {} in time: {}", read.id(),
                                read.assignment().coordinatorId(), next.status() == CaseStatus.ASSIGNED
                                        ? "reassigned to " + next.assignment().coordinatorId()
                                        : "queued and escalated to " + next.escalation().bureau())));
    }

    /** No first contact in time: escalated to the bureau that owns the case. */
    private Mono<Result> escalate(CoordinationCase read, Instant now) {
        String correlationId = UUID.randomUUID().toString();
        return Mono.fromCallable(() -> read.escalated(EscalationReason.NO_FIRST_CONTACT_IN_TIME, now))
                .flatMap(next -> guarded(read, next, events.escalated(next, correlationId)).thenReturn(ESCALATED)
                        .doOnNext(done -> log.info("Case {}: no first contact in time, escalated to {}", read.id(),
                                next.escalation().bureau())));
    }

    private Mono<CoordinationCase> guarded(CoordinationCase read, CoordinationCase next,
                                           List<jp.iinj.eventing.outbox.OutboxEntry> emitted) {
        return store.update(next, where("revision").is(read.revision()), emitted);
    }

    /**
     * Every case matching {@code due}, a page at a time in the order of its due date (then id), each handled on its
     * own: one that raced or failed is skipped and counted, never stops the sweep.
     */
    private Flux<Result> each(Criteria due, String dueField, Instant now,
                              BiFunction<CoordinationCase, Instant, Mono<Result>> handle) {
        return page(due, dueField, null)
                .expand(page -> page.size() < PAGE ? Mono.empty()
                        : page(due, dueField, page.get(page.size() - 1)))
                .concatMap(page -> Flux.fromIterable(page).concatMap(found -> guardedly(found, now, handle)));
    }

    /**
     * One due case acted on as the sweep does, from a copy read earlier: how two instances that read the same case
     * race (the tests use it to force the interleaving).
     */
    Mono<Result> actOn(CoordinationCase read, Instant now) {
        return guardedly(read, now, read.status() == CaseStatus.ASSIGNED
                ? (found, at) -> assignments.sessionForAllBureaus().flatMap(session -> lapse(found, at, session))
                : this::escalate);
    }

    /** A case that raced (changed by a person or another instance) or failed is skipped and counted. */
    private Mono<Result> guardedly(CoordinationCase found, Instant now,
                                   BiFunction<CoordinationCase, Instant, Mono<Result>> handle) {
        return handle.apply(found, now)
                .onErrorResume(OptimisticLockingFailureException.class, raced -> Mono.just(SKIPPED))
                .onErrorResume(ConflictException.class, raced -> Mono.just(SKIPPED))
                .onErrorResume(failure -> {
                    log.warn("Service-level check of case {} failed; it is due again at the next sweep", found.id(),
                            failure);
                    return Mono.just(SKIPPED);
                });
    }

    /** The next page after {@code last} (by due date, then id), so that skipped cases are not read again. */
    private Mono<List<CoordinationCase>> page(Criteria due, String dueField, CoordinationCase last) {
        Criteria criteria = due;
        if (last != null) {
            Instant lastDue = dueField.equals("acceptanceDueAt") ? last.acceptanceDueAt() : last.firstContactDueAt();
            criteria = new Criteria().andOperator(due, new Criteria().orOperator(where(dueField).gt(lastDue),
                    where(dueField).is(lastDue).and("_id").gt(last.id())));
        }
        return mongo.find(Query.query(criteria).with(Sort.by(dueField, "_id")).limit(PAGE), CoordinationCase.class)
                .collectList();
    }
}
