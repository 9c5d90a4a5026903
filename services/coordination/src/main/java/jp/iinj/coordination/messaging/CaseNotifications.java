package jp.iinj.coordination.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import jp.iinj.contracts.notifications.NotificationRequestedV1;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.coordination.cases.CaseStatus;
import jp.iinj.coordination.cases.CoordinationCase;
import jp.iinj.coordination.notifications.CaseNotificationKind;
import jp.iinj.eventing.cloudevents.EventRegion;
import jp.iinj.eventing.outbox.OutboxEntry;
import jp.iinj.eventing.outbox.OutboxEventFactory;

/**
 * Who is told what, as requests on {@code coordination.notifications.v1} in the same write as the change: identity
 * mails them (it owns addresses and languages), this service's inbox keeps them for the portal. Recipients are a
 * subject, a member or a bureau, never an address; the link is the case's page.
 */
@Component
public class CaseNotifications {

    /** The portal's page of a case. */
    public static String linkTo(String caseId) {
        return "/coordination/cases/" + caseId;
    }

    private final OutboxEventFactory events;

    public CaseNotifications(OutboxEventFactory events) {
        this.events = events;
    }

    /** A new case: both members hear a follow-up has begun. */
    List<OutboxEntry> opened(CoordinationCase opened, String correlationId) {
        return opened.memberIds().stream().map(memberId -> request(null, memberId, null,
                CaseNotificationKind.CASE_OPENED, opened, correlationId)).toList();
    }

    /** The coordinator it was given to; or, when it waits in the queue, the regional bodies of its bureaus. */
    List<OutboxEntry> assignedOrQueued(CoordinationCase current, String correlationId) {
        if (current.status() == CaseStatus.ASSIGNED) {
            return List.of(request(current.assignment().coordinatorSubject(), null, null,
                    CaseNotificationKind.CASE_ASSIGNED, current, correlationId));
        }
        if (current.status() == CaseStatus.QUEUED && current.escalation() == null) {
            return current.bureaus().stream().map(bureau -> request(null, null, bureau,
                    CaseNotificationKind.CASE_QUEUED, current, correlationId)).toList();
        }
        return List.of();
    }

    /**
     * The regional bodies of every bureau of the case (both parties' bureaus see it in their lists), and, when the
     * case stays with its coordinator (no first contact in time), that coordinator.
     */
    List<OutboxEntry> escalated(CoordinationCase escalated, String correlationId) {
        List<OutboxEntry> told = new ArrayList<>();
        escalated.bureaus().forEach(bureau -> told.add(request(null, null, bureau,
                CaseNotificationKind.CASE_ESCALATED, escalated, correlationId)));
        if (escalated.status() == CaseStatus.ACCEPTED && escalated.assignment() != null) {
            told.add(request(escalated.assignment().coordinatorSubject(), null, null,
                    CaseNotificationKind.CASE_OVERDUE, escalated, correlationId));
        }
        return told;
    }

    /** The coordinator who let the case lapse: it is no longer theirs. */
    List<OutboxEntry> lapsed(CoordinationCase before, String correlationId) {
        return List.of(request(before.assignment().coordinatorSubject(), null, null,
                CaseNotificationKind.CASE_REASSIGNED, before, correlationId));
    }

    /** The coordinator, when someone else closed their case; members hear the outcome from business matching. */
    List<OutboxEntry> closed(CoordinationCase closed, String correlationId) {
        List<OutboxEntry> told = new ArrayList<>();
        if (closed.assignment() != null
                && !closed.assignment().coordinatorSubject().equals(closed.closing().closedBy())) {
            told.add(request(closed.assignment().coordinatorSubject(), null, null, CaseNotificationKind.CASE_CLOSED,
                    closed, correlationId));
        }
        return told;
    }

    private OutboxEntry request(String subject, String memberId, String bureau, CaseNotificationKind kind,
                                CoordinationCase about, String correlationId) {
        String id = UUID.randomUUID().toString();
        Instant at = about.updatedAt();
        var payload = new NotificationRequestedV1(id, memberId, bureau, subject, kind.code(), linkTo(about.id()), at);
        return events.create(TopicCatalogue.COORDINATION_NOTIFICATION_REQUESTED_V1, id, payload, EventRegion.none(),
                correlationId, at);
    }
}
