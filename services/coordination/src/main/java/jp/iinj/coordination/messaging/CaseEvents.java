package jp.iinj.coordination.messaging;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import jp.iinj.contracts.coordination.AssignmentDeclineReason;
import jp.iinj.contracts.coordination.AssignmentDeclinedV1;
import jp.iinj.contracts.coordination.AssignmentReasonCode;
import jp.iinj.contracts.coordination.CaseAcceptedV1;
import jp.iinj.contracts.coordination.CaseClosedV1;
import jp.iinj.contracts.coordination.CaseEscalatedV1;
import jp.iinj.contracts.coordination.CaseOpenedV1;
import jp.iinj.contracts.coordination.CaseQueuedV1;
import jp.iinj.contracts.coordination.CaseReassignedV1;
import jp.iinj.contracts.coordination.CaseStageChangedV1;
import jp.iinj.contracts.coordination.CoordinatorAssignedV1;
import jp.iinj.contracts.coordination.QueueReason;
import jp.iinj.contracts.coordination.ReassignmentReason;
import jp.iinj.contracts.topics.EventType;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.coordination.cases.CaseParts;
import jp.iinj.coordination.cases.CaseStatus;
import jp.iinj.coordination.cases.CoordinationCase;
import jp.iinj.eventing.cloudevents.EventRegion;
import jp.iinj.eventing.outbox.OutboxEntry;
import jp.iinj.eventing.outbox.OutboxEventFactory;

/**
 * Maps case changes to events on {@code coordination.case-events.v1}, keyed by case id, written in the same
 * single-document write as the change. Public: codes and opaque ids (roster ids, never subjects or names); notes and
 * reasons in words stay in the case. The region is the bureau that owns the case, so bureau feeds filter without
 * reading payloads.
 */
@Component
public class CaseEvents {

    private final OutboxEventFactory events;
    private final CaseNotifications notifications;

    public CaseEvents(OutboxEventFactory events, CaseNotifications notifications) {
        this.events = events;
        this.notifications = notifications;
    }

    /** A new case: opened, then assigned or queued; the members and the coordinator (or the bureaus) are told. */
    public List<OutboxEntry> opened(CoordinationCase opened, String correlationId) {
        var payload = new CaseOpenedV1(opened.id(), opened.matchId(), opened.owner().profileId(),
                opened.interested().profileId(), opened.owner().bureau(), opened.interested().bureau(),
                opened.owner().prefectureCode(), opened.interested().prefectureCode(), opened.technologyFields(),
                opened.openedAt());
        List<OutboxEntry> emitted = new ArrayList<>();
        emitted.add(event(TopicCatalogue.CASE_OPENED_V1, opened, payload, correlationId));
        emitted.add(assignedOrQueued(opened, correlationId));
        emitted.addAll(notifications.opened(opened, correlationId));
        emitted.addAll(notifications.assignedOrQueued(opened, correlationId));
        return emitted;
    }

    /** The assigned coordinator declined: the decline, then the next coordinator (reassigned + assigned) or queue. */
    public List<OutboxEntry> declined(CoordinationCase before, CoordinationCase after, String correlationId) {
        CaseParts.Declination declination = after.declinations().get(after.declinations().size() - 1);
        List<OutboxEntry> emitted = new ArrayList<>();
        emitted.add(event(TopicCatalogue.ASSIGNMENT_DECLINED_V1, after, new AssignmentDeclinedV1(after.id(),
                declination.coordinatorId(), AssignmentDeclineReason.valueOf(declination.reason().name()),
                declination.declinedAt()), correlationId));
        if (after.status() == CaseStatus.ASSIGNED) {
            emitted.add(event(TopicCatalogue.CASE_REASSIGNED_V1, after, new CaseReassignedV1(after.id(),
                    before.assignment().coordinatorId(), after.assignment().coordinatorId(),
                    ReassignmentReason.DECLINED, after.assignment().assignedAt()), correlationId));
        }
        emitted.add(assignedOrQueued(after, correlationId));
        emitted.addAll(notifications.assignedOrQueued(after, correlationId));
        return emitted;
    }

    /** Moved by hand: to a coordinator (reassigned from the previous one, if any, then assigned) or to the queue. */
    public List<OutboxEntry> reassignedByHand(CoordinationCase before, CoordinationCase after, String correlationId) {
        List<OutboxEntry> emitted = new ArrayList<>();
        if (after.status() == CaseStatus.ASSIGNED && before.assignment() != null) {
            emitted.add(event(TopicCatalogue.CASE_REASSIGNED_V1, after, new CaseReassignedV1(after.id(),
                    before.assignment().coordinatorId(), after.assignment().coordinatorId(),
                    ReassignmentReason.MANUAL, after.assignment().assignedAt()), correlationId));
        }
        emitted.add(assignedOrQueued(after, correlationId));
        emitted.addAll(notifications.assignedOrQueued(after, correlationId));
        return emitted;
    }

    /**
     * Not accepted in time: taken from the coordinator and given to the next best (reassigned + assigned), or, with
     * nobody left, queued and escalated to the bureau.
     */
    public List<OutboxEntry> acceptanceLapsed(CoordinationCase before, CoordinationCase after, String correlationId) {
        List<OutboxEntry> emitted = new ArrayList<>();
        if (after.status() == CaseStatus.ASSIGNED) {
            emitted.add(event(TopicCatalogue.CASE_REASSIGNED_V1, after, new CaseReassignedV1(after.id(),
                    before.assignment().coordinatorId(), after.assignment().coordinatorId(),
                    ReassignmentReason.NOT_ACCEPTED_IN_TIME, after.assignment().assignedAt()), correlationId));
        }
        emitted.add(assignedOrQueued(after, correlationId));
        emitted.addAll(notifications.assignedOrQueued(after, correlationId));
        emitted.addAll(notifications.lapsed(before, correlationId));
        if (after.escalation() != null && before.escalation() == null) {
            emitted.addAll(escalated(after, correlationId));
        }
        return emitted;
    }

    /** Escalated to the bureau that owns the case, whose regional body is told. */
    public List<OutboxEntry> escalated(CoordinationCase escalated, String correlationId) {
        CaseParts.Escalation escalation = escalated.escalation();
        List<OutboxEntry> emitted = new ArrayList<>();
        emitted.add(event(TopicCatalogue.CASE_ESCALATED_V1, escalated, new CaseEscalatedV1(escalated.id(),
                escalation.bureau(), escalation.reason(), escalation.escalatedAt()), correlationId));
        emitted.addAll(notifications.escalated(escalated, correlationId));
        return emitted;
    }

    public List<OutboxEntry> accepted(CoordinationCase accepted, String correlationId) {
        return List.of(event(TopicCatalogue.CASE_ACCEPTED_V1, accepted, new CaseAcceptedV1(accepted.id(),
                accepted.assignment().coordinatorId(), accepted.acceptedAt(), accepted.firstContactDueAt()),
                correlationId));
    }

    /** A stage reached; the first one after the acceptance has no {@code fromStage}. */
    public List<OutboxEntry> stageChanged(CoordinationCase before, CoordinationCase after, String correlationId) {
        return List.of(event(TopicCatalogue.CASE_STAGE_CHANGED_V1, after, new CaseStageChangedV1(after.id(),
                before.stage() == null ? null
                        : jp.iinj.contracts.coordination.CaseStage.valueOf(before.stage().name()),
                jp.iinj.contracts.coordination.CaseStage.valueOf(after.stage().name()), after.updatedAt()),
                correlationId));
    }

    public List<OutboxEntry> closed(CoordinationCase closed, String correlationId) {
        var payload = new CaseClosedV1(closed.id(), closed.matchId(), closed.closing().outcome(),
                closed.owningBureau(), closed.closing().closedAt());
        List<OutboxEntry> emitted = new ArrayList<>();
        emitted.add(event(TopicCatalogue.CASE_CLOSED_V1, closed, payload, correlationId));
        emitted.addAll(notifications.closed(closed, correlationId));
        return emitted;
    }

    private OutboxEntry assignedOrQueued(CoordinationCase current, String correlationId) {
        if (current.status() == CaseStatus.QUEUED) {
            return event(TopicCatalogue.CASE_QUEUED_V1, current, new CaseQueuedV1(current.id(), current.bureaus(),
                    QueueReason.NO_ELIGIBLE_COORDINATOR, current.queueing().queuedAt()), correlationId);
        }
        CaseParts.Assignment assignment = current.assignment();
        return event(TopicCatalogue.COORDINATOR_ASSIGNED_V1, current, new CoordinatorAssignedV1(current.id(),
                current.matchId(), assignment.coordinatorId(), assignment.bureau(), reasonCode(assignment.code()),
                assignment.assignedAt(), current.acceptanceDueAt()), correlationId);
    }

    /** The case's reason code ({@code same-bureau}) as the contract's enum ({@code SAME_BUREAU}). */
    static AssignmentReasonCode reasonCode(String code) {
        return AssignmentReasonCode.valueOf(code.toUpperCase().replace('-', '_'));
    }

    private <P> OutboxEntry event(EventType<P> type, CoordinationCase found, P payload, String correlationId) {
        return events.create(type, found.id(), payload, new EventRegion(found.owningBureau(), null, null),
                correlationId, found.updatedAt());
    }
}
