package jp.iinj.coordination.cases;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import jp.iinj.coordination.assignment.AssignmentDecision;
import jp.iinj.coordination.assignment.AssignmentRules;
import jp.iinj.coordination.assignment.CaseToAssign;
import jp.iinj.coordination.assignment.RosterCandidate;
import jp.iinj.coordination.roster.Coordinator;
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

    public CaseAssignments(ReactiveMongoTemplate mongo, AssignmentRules rules, DueDates dueDates) {
        this.mongo = mongo;
        this.rules = rules;
        this.dueDates = dueDates;
    }

    /** The case assigned by the rules, or queued with the counted causes when nobody is eligible. */
    public Mono<CoordinationCase> assignOrQueue(CoordinationCase current, Instant at) {
        CaseToAssign toAssign = current.toAssign();
        return roster(toAssign.partyBureaus()).flatMap(roster -> {
            AssignmentDecision decision = rules.assign(toAssign, roster.candidates());
            if (decision instanceof AssignmentDecision.Assigned assigned) {
                Coordinator chosen = roster.byId().get(assigned.coordinatorId());
                return Mono.just(current.assignedTo(new CaseParts.Assignment(chosen.id(), chosen.subject(),
                        chosen.name(), bureauOf(chosen, current), assigned.code().code(), assigned.reason(), at,
                        null), dueDates));
            }
            return Mono.just(current.queued(decision.reason(), at, null));
        });
    }

    /** The case given by hand to this coordinator. */
    public CoordinationCase assignByHand(CoordinationCase current, Coordinator chosen,
                                         jp.iinj.coordination.assignment.AssignmentReason reason, String by,
                                         Instant at) {
        return current.assignedTo(new CaseParts.Assignment(chosen.id(), chosen.subject(), chosen.name(),
                bureauOf(chosen, current), CaseParts.Assignment.MANUAL, reason, at, by), dueDates);
    }

    /** The first of the parties' bureaus the coordinator covers. */
    static String bureauOf(Coordinator coordinator, CoordinationCase found) {
        return found.bureaus().stream().filter(coordinator.bureaus()::contains).findFirst()
                .orElse(found.bureaus().get(0));
    }

    private Mono<Roster> roster(List<String> bureaus) {
        Query covering = Query.query(where("active").is(true).and("bureaus").in(bureaus));
        return mongo.find(covering, Coordinator.class).collectList().flatMap(coordinators -> {
            if (coordinators.isEmpty()) {
                return Mono.just(new Roster(Map.of(), List.of()));
            }
            List<String> ids = coordinators.stream().map(Coordinator::id).toList();
            return Mono.zip(openCases(ids), lastAssigned(ids)).map(workload -> {
                List<RosterCandidate> candidates = coordinators.stream()
                        .map(c -> c.asCandidate(workload.getT1().getOrDefault(c.id(), 0),
                                workload.getT2().get(c.id())))
                        .toList();
                return new Roster(coordinators.stream()
                        .collect(Collectors.toMap(Coordinator::id, Function.identity())), candidates);
            });
        });
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

    private record Roster(Map<String, Coordinator> byId, List<RosterCandidate> candidates) {
    }
}
