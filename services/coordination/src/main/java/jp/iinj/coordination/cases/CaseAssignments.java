package jp.iinj.coordination.cases;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import jp.iinj.contracts.calendar.DateNotCoveredException;
import jp.iinj.coordination.assignment.AssignmentDecision;
import jp.iinj.coordination.assignment.AssignmentReason;
import jp.iinj.coordination.assignment.AssignmentRules;
import jp.iinj.coordination.assignment.CaseToAssign;
import jp.iinj.coordination.assignment.RosterCandidate;
import jp.iinj.coordination.roster.Coordinator;
import jp.iinj.coordination.roster.RosterChanged;
import jp.iinj.httpapi.core.problems.ConflictException;
import reactor.core.publisher.Mono;

/**
 * Decides who gets a case: the active coordinators covering a party's bureau, with the workload the cases give them,
 * through {@link AssignmentRules}. Workload is counted from the cases themselves (open cases per coordinator, and the
 * latest assignment for the rotation) rather than kept as counters on the roster: a count cannot drift from the
 * cases, and no second document has to be written with the case. The price: two assignments at the same moment may
 * both see the same count, so a coordinator can end one case above capacity; the next assignment sees it.
 */
@Service
public class CaseAssignments {

    private final ReactiveMongoTemplate mongo;
    private final AssignmentRules rules;
    private final DueDates dueDates;

    private static final Logger log = LoggerFactory.getLogger(CaseAssignments.class);

    /** Why a case waits when its due dates fall past the public-holiday list (extended each February). */
    static final AssignmentReason NO_DUE_DATES = new AssignmentReason(
            "祝日一覧が期限日をまだ含まないため、期限を計算できません。担当を手動で割り当ててください。",
            "Its due dates fall past the public-holiday list, so they cannot be computed; assign it by hand.");

    /** How long a copy of the roster and its workload serves new cases. */
    static final Duration RECENT = Duration.ofSeconds(5);

    private volatile Recent recent;

    private record Recent(Session session, Instant loadedAt) {
    }

    public CaseAssignments(ReactiveMongoTemplate mongo, AssignmentRules rules, DueDates dueDates) {
        this.mongo = mongo;
        this.rules = rules;
        this.dueDates = dueDates;
    }

    /**
     * A new case assigned by the rules, or queued: like {@link #assignOrQueue}, but with the roster and workload read
     * at most {@link #RECENT} ago by this instance, counting every assignment made since. A burst of agreed matches
     * then reads them once every few seconds instead of twice per case. Any change of the roster or of a case made
     * here forgets the copy at once; changes made by other instances are seen when it expires.
     */
    public Mono<CoordinationCase> assignOrQueueNew(CoordinationCase opened, Instant at) {
        Recent copy = recent;
        Mono<Session> session = copy != null && copy.loadedAt().plus(RECENT).isAfter(at) ? Mono.just(copy.session())
                : sessionForAllBureaus().doOnNext(loaded -> recent = new Recent(loaded, at));
        return session.map(current -> {
            synchronized (current) {
                return current.assignOrQueue(opened, at);
            }
        });
    }

    /** The roster or a case changed here: the next new case reads them again. */
    @EventListener(RosterChanged.class)
    public void forgetRecentWorkload() {
        recent = null;
    }

    /** The case assigned by the rules, or queued with the counted causes when nobody is eligible. */
    public Mono<CoordinationCase> assignOrQueue(CoordinationCase current, Instant at) {
        return session(current.bureaus()).map(session -> session.assignOrQueue(current, at));
    }

    /**
     * The active roster of all bureaus and its workload, read once, for many assignments in a row (the service-level
     * sweep): each assignment made through it counts at once for the next, so a sweep reassigning thousands of cases
     * reads the roster and the workload once instead of once per case.
     */
    public Mono<Session> sessionForAllBureaus() {
        return session(null);
    }

    /** The active coordinators covering {@code bureaus} (null: all) with their open cases and last assignment. */
    private Mono<Session> session(List<String> bureaus) {
        Query active = Query.query(bureaus == null ? where("active").is(true)
                : where("active").is(true).and("bureaus").in(bureaus));
        return mongo.find(active, Coordinator.class).collectList().flatMap(coordinators -> {
            if (coordinators.isEmpty()) {
                return Mono.just(new Session(List.of(), Map.of(), Map.of()));
            }
            List<String> ids = coordinators.stream().map(Coordinator::id).toList();
            return Mono.zip(openCases(ids), lastAssigned(ids))
                    .map(workload -> new Session(coordinators, workload.getT1(), workload.getT2()));
        });
    }

    /** A session over this roster and workload, as if read from the store (for tests of the rules' use). */
    Session sessionOf(List<Coordinator> coordinators, Map<String, Integer> open, Map<String, Instant> last) {
        return new Session(coordinators, open, last);
    }

    /**
     * A roster with its workload, kept current in memory as assignments are made through it. Not thread-safe: one
     * caller at a time, as the sweep goes case by case. Counts may drift from the store when a write made with them
     * loses a race; the next session reads them again.
     */
    public final class Session {

        private final Map<String, Coordinator> byId;
        private final Map<String, Integer> open;
        private final Map<String, Instant> last;

        private Session(List<Coordinator> coordinators, Map<String, Integer> open, Map<String, Instant> last) {
            this.byId = coordinators.stream().collect(Collectors.toMap(Coordinator::id, Function.identity()));
            this.open = new HashMap<>(open);
            this.last = new HashMap<>(last);
        }

        /** The case assigned by the rules among the coordinators covering its bureaus, or queued. */
        public CoordinationCase assignOrQueue(CoordinationCase current, Instant at) {
            CaseToAssign toAssign = current.toAssign();
            List<RosterCandidate> candidates = byId.values().stream()
                    .filter(c -> c.bureaus().stream().anyMatch(toAssign.partyBureaus()::contains))
                    .map(c -> c.asCandidate(open.getOrDefault(c.id(), 0), last.get(c.id())))
                    .toList();
            AssignmentDecision decision = rules.assign(toAssign, candidates);
            if (decision instanceof AssignmentDecision.Assigned assigned) {
                Coordinator chosen = byId.get(assigned.coordinatorId());
                CoordinationCase given;
                try {
                    given = current.assignedTo(new CaseParts.Assignment(chosen.id(), chosen.subject(), chosen.name(),
                            bureauOf(chosen, current), assigned.code().code(), assigned.reason(), at, null), dueDates);
                } catch (DateNotCoveredException beyondTheHolidayList) {
                    // no due date can be computed: rather than fail for ever, the bureau takes it by hand
                    log.error("Case {}: {}; queued for its bureau instead", current.id(),
                            beyondTheHolidayList.getMessage());
                    return current.queued(NO_DUE_DATES, at, null);
                }
                open.merge(chosen.id(), 1, Integer::sum);
                last.put(chosen.id(), at);
                return given;
            }
            return current.queued(decision.reason(), at, null);
        }

        /** Open cases counted for this coordinator now. */
        int openCasesOf(String coordinatorId) {
            return open.getOrDefault(coordinatorId, 0);
        }

        /** The coordinator no longer has one of their open cases (it lapsed, or was declined). */
        public void released(String coordinatorId) {
            open.computeIfPresent(coordinatorId, (id, count) -> Math.max(0, count - 1));
        }
    }

    /** The case given by hand to this coordinator. */
    public CoordinationCase assignByHand(CoordinationCase current, Coordinator chosen,
                                         AssignmentReason reason, String by,
                                         Instant at) {
        try {
            return current.assignedTo(new CaseParts.Assignment(chosen.id(), chosen.subject(), chosen.name(),
                    bureauOf(chosen, current), CaseParts.Assignment.MANUAL, reason, at, by), dueDates);
        } catch (DateNotCoveredException beyondTheHolidayList) {
            throw ConflictException.because("due-dates-not-computable", NO_DUE_DATES.en());
        }
    }

    /** The first of the parties' bureaus the coordinator covers. */
    static String bureauOf(Coordinator coordinator, CoordinationCase found) {
        return found.bureaus().stream().filter(coordinator.bureaus()::contains).findFirst()
                .orElse(found.bureaus().get(0));
    }

    /** Open cases per coordinator: assigned (not yet accepted) and accepted ones. */
    Mono<Map<String, Integer>> openCases(List<String> coordinatorIds) {
        var aggregation = newAggregation(
                match(where("assignment.coordinatorId").in(coordinatorIds).and("open").is(true)),
                group("assignment.coordinatorId").count().as("open"));
        return mongo.aggregate(aggregation, CoordinationCase.COLLECTION, Document.class)
                .collectMap(row -> row.getString("_id"), row -> ((Number) row.get("open")).intValue())
                .map(HashMap::new);
    }

    /** When each coordinator was last given a case, for the rotation. */
    private Mono<Map<String, Instant>> lastAssigned(List<String> coordinatorIds) {
        var aggregation = newAggregation(
                match(where("assignment.coordinatorId").in(coordinatorIds)),
                group("assignment.coordinatorId").max("assignment.assignedAt").as("last"));
        return mongo.aggregate(aggregation, CoordinationCase.COLLECTION, Document.class)
                .filter(row -> row.get("last") instanceof Date)
                .collectMap(row -> row.getString("_id"), row -> row.getDate("last").toInstant())
                .map(HashMap::new);
    }
}
