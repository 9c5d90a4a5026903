package jp.iinj.coordination.cases;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.coordination.assignment.AssignmentReason;
import jp.iinj.coordination.messaging.CaseEvents;
import jp.iinj.coordination.roster.Coordinator;
import jp.iinj.eventing.outbox.AggregateStore;
import jp.iinj.eventing.outbox.OutboxEntry;
import jp.iinj.httpapi.core.access.PlatformPrincipal;
import jp.iinj.httpapi.core.problems.ConflictException;
import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.httpapi.core.problems.InvalidField;
import jp.iinj.httpapi.core.problems.PreconditionFailedException;
import jp.iinj.httpapi.core.problems.ProblemException;
import jp.iinj.httpapi.security.CallerRequest;
import jp.iinj.httpapi.core.problems.ResourceNotFoundException;
import reactor.core.publisher.Mono;

/**
 * Every action on a case, each in the same order: who may do it ({@link CaseAccess}: 404 for a case the caller may
 * not see, 403 for one they may see but not act on), then the revision they read (412), then the change itself
 * ({@link CoordinationCase}: 409 when its state does not allow it), stored with its events in one single-document
 * write guarded by that revision (409 if someone changed it in between).
 */
@Service
public class CaseActions {

    private final ReactiveMongoTemplate mongo;
    private final AggregateStore store;
    private final CaseAssignments assignments;
    private final CaseEvents events;
    private final Clock clock;

    public CaseActions(ReactiveMongoTemplate mongo, AggregateStore store, CaseAssignments assignments,
                       CaseEvents events, Clock clock) {
        this.mongo = mongo;
        this.store = store;
        this.assignments = assignments;
        this.events = events;
        this.clock = clock;
    }

    public Mono<CoordinationCase> read(String caseId, PlatformPrincipal caller) {
        return visible(caseId, caller);
    }

    public Mono<CoordinationCase> accept(String caseId, CallerRequest request, Long expectedRevision) {
        return change(caseId, request, expectedRevision, CaseAccess::mayWork,
                "Only the coordinator the case is assigned to accepts it.",
                current -> Mono.just(current.accepted(clock.instant())),
                (before, accepted) -> events.accepted(accepted, request.correlationId()));
    }

    /** The decline and the next assignment (or the queue) are one write. */
    public Mono<CoordinationCase> decline(String caseId, CaseRequests.Decline decline, CallerRequest request,
                                          Long expectedRevision) {
        return change(caseId, request, expectedRevision, CaseAccess::mayWork,
                "Only the coordinator the case is assigned to declines it.",
                current -> {
                    Instant now = clock.instant();
                    return assignments.assignOrQueue(current.declined(decline.reason(), strippedOrNull(decline.note()),
                            now), now);
                }, (before, after) -> events.declined(before, after, request.correlationId()));
    }

    public Mono<CoordinationCase> reachStage(String caseId, CaseRequests.StageChange change, CallerRequest request,
                                             Long expectedRevision) {
        return change(caseId, request, expectedRevision, CaseAccess::mayWork,
                "Only the coordinator of the case moves its stages.",
                current -> Mono.just(current.reached(change.stage(), clock.instant())),
                (before, after) -> events.stageChanged(before, after, request.correlationId()));
    }

    public Mono<CoordinationCase> close(String caseId, CaseRequests.Closure closure, CallerRequest request,
                                        Long expectedRevision) {
        return change(caseId, request, expectedRevision, CaseAccess::mayClose,
                "The case's coordinator, its bureau's regional body or an administrator closes it.",
                current -> Mono.just(current.closed(closure.outcome(), closure.reason().strip(),
                        request.caller().subject(), clock.instant())),
                (before, closed) -> events.closed(closed, request.correlationId()));
    }

    public Mono<CoordinationCase> note(String caseId, CaseRequests.NewNote note, CallerRequest request,
                                       Long expectedRevision) {
        return change(caseId, request, expectedRevision, CaseAccess::mayWriteNotes,
                "The case's coordinator, its bureau's regional body or an administrator write its notes.",
                current -> Mono.just(current.noted(new CaseParts.Note(UUID.randomUUID().toString(),
                        request.caller().subject(), clock.instant(), note.text().strip()))),
                (before, noted) -> List.of());
    }

    /** By hand, to an active coordinator who covers a party's bureau, or to the queue. */
    public Mono<CoordinationCase> reassign(String caseId, CaseRequests.Reassignment reassignment,
                                           CallerRequest request, Long expectedRevision) {
        boolean toQueue = reassignment.to() == CaseRequests.Reassignment.Target.QUEUE;
        if (toQueue == (reassignment.coordinatorId() != null)) {
            return Mono.error(new FieldValidationException(List.of(new InvalidField("coordinatorId",
                    toQueue ? "not with to=QUEUE" : "required with to=COORDINATOR"))));
        }
        String by = request.caller().subject();
        String note = strippedOrNull(reassignment.note());
        return change(caseId, request, expectedRevision, CaseAccess::mayReassign,
                "Administrators and the regional bodies of the case's bureaus reassign it.",
                current -> {
                    Instant now = clock.instant();
                    if (toQueue) {
                        return Mono.just(current.queued(new AssignmentReason(
                                "手動で待ち行列へ戻されました" + (note == null ? "。" : "：" + note),
                                "Put back in the queue by hand" + (note == null ? "." : ": " + note)), now, by));
                    }
                    return mongo.findById(reassignment.coordinatorId(), Coordinator.class)
                            .filter(chosen -> chosen.active()
                                    && chosen.bureaus().stream().anyMatch(current.bureaus()::contains))
                            .switchIfEmpty(Mono.error(() -> ConflictException.because("coordinator-not-eligible",
                                    "coordinator " + reassignment.coordinatorId() + " is not an active coordinator "
                                            + "covering " + String.join(" or ", current.bureaus()))))
                            .flatMap(chosen -> {
                                if (current.assignment() != null
                                        && current.assignment().coordinatorId().equals(chosen.id())) {
                                    return Mono.error(ConflictException.because("already-assigned",
                                            "the case is already with " + chosen.id()));
                                }
                                return Mono.just(assignments.assignByHand(current, chosen, new AssignmentReason(
                                        "手動割当" + (note == null ? "。" : "：" + note),
                                        "Assigned by hand" + (note == null ? "." : ": " + note)), by, now));
                            });
                }, (before, after) -> events.reassignedByHand(before, after, request.correlationId()));
    }

    public Mono<List<CoordinationCase>> list(CaseListRequest request, PlatformPrincipal caller) {
        Instant now = clock.instant();
        if (request.view() == CaseListRequest.View.MINE) {
            if (caller.has(PlatformRole.COORDINATOR)) {
                Criteria mine = where("assignment.coordinatorSubject").is(caller.subject()).and("open").is(true);
                if (request.stage() != null) {
                    mine = mine.and("stage").is(request.stage());
                }
                return mongo.find(Query.query(mine), CoordinationCase.class)
                        .sort(BY_URGENCY).take(request.limit()).collectList();
            }
            if (caller.has(PlatformRole.MEMBER) && !caller.memberIds().isEmpty()) {
                Criteria theirs = where("memberIds").in(caller.memberIds());
                if (request.stage() != null) {
                    theirs = theirs.and("stage").is(request.stage());
                }
                return mongo.find(Query.query(theirs).with(Sort.by(Sort.Direction.DESC, "openedAt"))
                        .limit(request.limit()), CoordinationCase.class).collectList();
            }
            return Mono.error(ProblemException.forbidden("\"My cases\" are a coordinator's or a member's."));
        }
        if (!CaseAccess.mayOverseeBureau(caller, request.bureau())) {
            return Mono.error(ProblemException.forbidden("A bureau's queue, overdue and escalated cases are for its "
                    + "regional body and administrators."));
        }
        Criteria ofBureau = where("bureaus").is(request.bureau()).and("open").is(true);
        Criteria criteria = switch (request.view()) {
            case QUEUE -> ofBureau.and("status").is(CaseStatus.QUEUED);
            case OVERDUE -> ofBureau.orOperator(overdueAt(now));
            case ESCALATED -> ofBureau.and("escalation").ne(null);
            case MINE -> throw new IllegalStateException("handled above");
        };
        return mongo.find(Query.query(criteria).with(Sort.by("openedAt", "_id")).limit(request.limit()),
                CoordinationCase.class).collectList();
    }

    public Mono<Workload.Mine> myWorkload(PlatformPrincipal caller) {
        if (!caller.has(PlatformRole.COORDINATOR)) {
            return Mono.error(ProblemException.forbidden("A workload of one's own is a coordinator's; regional bodies "
                    + "and administrators ask for a bureau's."));
        }
        Instant now = clock.instant();
        Mono<Integer> capacity = mongo.findOne(Query.query(where("subject").is(caller.subject())), Coordinator.class)
                .map(Coordinator::capacity).defaultIfEmpty(0);
        Mono<List<CoordinationCase>> open = mongo.find(Query.query(
                where("assignment.coordinatorSubject").is(caller.subject()).and("open").is(true)),
                CoordinationCase.class).sort(BY_URGENCY).collectList();
        return Mono.zip(capacity, open).map(both -> {
            List<CoordinationCase> cases = both.getT2();
            Map<String, Integer> byStage = new LinkedHashMap<>();
            byStage.put(CaseStatus.ASSIGNED.name(), 0);
            byStage.put(CaseStatus.ACCEPTED.name(), 0);
            for (CaseStage stage : CaseStage.values()) {
                byStage.put(stage.name(), 0);
            }
            cases.forEach(c -> byStage.merge(c.status() == CaseStatus.ACCEPTED && c.stage() != null
                    ? c.stage().name() : c.status().name(), 1, Integer::sum));
            List<Workload.Urgency> urgency = cases.stream().map(c -> new Workload.Urgency(c.id(), c.status(),
                    c.stage(), c.nextDueAt(), c.overdueAt(now))).toList();
            return new Workload.Mine(cases.size(), both.getT1(),
                    (int) urgency.stream().filter(Workload.Urgency::overdue).count(), byStage, urgency);
        });
    }

    public Mono<Workload.OfBureau> bureauWorkload(String bureau, PlatformPrincipal caller) {
        if (!CaseAccess.mayOverseeBureau(caller, bureau)) {
            return Mono.error(ProblemException.forbidden("A bureau's load is for its regional body and "
                    + "administrators."));
        }
        Instant now = clock.instant();
        Mono<List<Coordinator>> roster = mongo.find(Query.query(where("active").is(true).and("bureaus").is(bureau))
                .with(Sort.by("name", "_id")), Coordinator.class).collectList();
        Criteria ofBureau = where("bureaus").is(bureau).and("open").is(true);
        Mono<Long> unassigned = mongo.count(Query.query(where("bureaus").is(bureau).and("open").is(true)
                .and("status").is(CaseStatus.QUEUED)), CoordinationCase.class);
        Mono<Long> overdue = mongo.count(Query.query(ofBureau.orOperator(overdueAt(now))), CoordinationCase.class);
        return Mono.zip(roster, unassigned, overdue).flatMap(found -> {
            List<String> ids = found.getT1().stream().map(Coordinator::id).toList();
            Mono<Map<String, Integer>> open = ids.isEmpty() ? Mono.just(Map.of()) : assignments.openCases(ids);
            return open.map(counts -> new Workload.OfBureau(bureau, found.getT1().stream()
                    .map(c -> new Workload.Load(c.id(), c.name(), counts.getOrDefault(c.id(), 0), c.capacity()))
                    .toList(), found.getT2().intValue(), found.getT3().intValue()));
        });
    }

    /** Soonest due first (acceptance, then first contact); cases with nothing due after them, oldest first. */
    static final Comparator<CoordinationCase> BY_URGENCY = Comparator
            .comparing(CoordinationCase::nextDueAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(CoordinationCase::openedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(CoordinationCase::id);

    private static Criteria[] overdueAt(Instant now) {
        return new Criteria[] {
                where("status").is(CaseStatus.ASSIGNED).and("acceptanceDueAt").lt(now),
                where("status").is(CaseStatus.ACCEPTED).and("stagesReached.firstContactAt").is(null)
                        .and("firstContactDueAt").lt(now)};
    }

    private Mono<CoordinationCase> change(String caseId, CallerRequest request, Long expectedRevision,
                                          BiPredicate<PlatformPrincipal, CoordinationCase> may, String refusal,
                                          Function<CoordinationCase, Mono<CoordinationCase>> change,
                                          BiFunction<CoordinationCase, CoordinationCase, List<OutboxEntry>> emitted) {
        return visible(caseId, request.caller()).flatMap(current -> {
            if (!may.test(request.caller(), current)) {
                return Mono.error(ProblemException.forbidden(refusal));
            }
            if (expectedRevision != null && expectedRevision != current.revision()) {
                return Mono.error(new PreconditionFailedException("case " + caseId
                        + " has changed since you read it; read it again"));
            }
            return Mono.defer(() -> change.apply(current))
                    .flatMap(next -> store.update(next, where("revision").is(current.revision()),
                            emitted.apply(current, next)))
                    .doOnSuccess(changed -> assignments.forgetRecentWorkload())
                    .onErrorMap(OptimisticLockingFailureException.class, changed -> new ConflictException(
                            "case " + caseId + " changed meanwhile; read it again", changed));
        });
    }

    private Mono<CoordinationCase> visible(String caseId, PlatformPrincipal caller) {
        return mongo.findById(caseId, CoordinationCase.class)
                .filter(found -> CaseAccess.maySee(caller, found))
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("no case " + caseId)));
    }


    private static String strippedOrNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
