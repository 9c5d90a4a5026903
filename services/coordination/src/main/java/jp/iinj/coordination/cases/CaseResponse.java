package jp.iinj.coordination.cases;

import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;

import jp.iinj.contracts.coordination.CaseOutcome;
import jp.iinj.coordination.assignment.AssignmentReason;
import jp.iinj.httpapi.core.access.PlatformPrincipal;
import jp.iinj.httpapi.core.conditional.RevisionTag;

/**
 * A case as the caller may see it; {@code revision} is also its ETag. The members of the match see where it stands
 * and who coordinates it; the internal parts (why it went where it went, declines, the closing reason's words, the
 * notes) are null for them.
 *
 * @param nextDueAt the due date the coordinator has to meet next (acceptance, then first contact), null when none
 * @param overdue   that date has passed
 * @param escalatedAt when the case was escalated (its {@code escalation}'s time), null when it is not
 */
public record CaseResponse(
        String id,
        String matchId,
        CaseStatus status,
        CaseStage stage,
        CaseParts.Party owner,
        CaseParts.Party interested,
        List<String> technologyFields,
        List<String> bureaus,
        AssignmentView assignment,
        QueueView queue,
        Instant acceptanceDueAt,
        Instant firstContactDueAt,
        Instant nextDueAt,
        boolean overdue,
        Instant acceptedAt,
        CaseParts.StagesReached stagesReached,
        ClosingView closing,
        List<CaseParts.Declination> declinations,
        List<CaseParts.Note> notes,
        Instant escalatedAt,
        CaseParts.Escalation escalation,
        Instant agreedAt,
        Instant openedAt,
        Instant updatedAt,
        long revision) {

    /**
     * @param code       {@code expertise}, {@code same-bureau}, {@code lowest-load}, {@code rotation} or
     *                   {@code manual}
     * @param assignedBy who assigned by hand; null when the rules chose
     */
    public record AssignmentView(String coordinatorId, String coordinatorName, String bureau, String code,
                                 AssignmentReason reason, Instant assignedAt, String assignedBy) {
    }

    public record QueueView(AssignmentReason reason, Instant queuedAt, String queuedBy) {
    }

    public record ClosingView(CaseOutcome outcome, String reason, Instant closedAt, String closedBy) {
    }

    public static CaseResponse of(CoordinationCase found, PlatformPrincipal caller, Instant now) {
        boolean internals = CaseAccess.seesInternals(caller, found);
        CaseParts.Assignment a = found.assignment();
        AssignmentView assignment = a == null ? null : new AssignmentView(a.coordinatorId(), a.coordinatorName(),
                a.bureau(), internals ? a.code() : null, internals ? a.reason() : null, a.assignedAt(),
                internals ? a.assignedBy() : null);
        CaseParts.Queueing q = found.queueing();
        QueueView queue = q == null ? null
                : new QueueView(internals ? q.reason() : null, q.queuedAt(), internals ? q.queuedBy() : null);
        CaseParts.Closing c = found.closing();
        ClosingView closing = c == null ? null : new ClosingView(c.outcome(), internals ? c.reason() : null,
                c.closedAt(), internals ? c.closedBy() : null);
        return new CaseResponse(found.id(), found.matchId(), found.status(), found.stage(), found.owner(),
                found.interested(), found.technologyFields(), found.bureaus(), assignment, queue,
                found.acceptanceDueAt(), found.firstContactDueAt(), found.nextDueAt(), found.overdueAt(now),
                found.acceptedAt(), found.stagesReached(), closing, internals ? found.declinations() : null,
                internals ? found.notes() : null, found.escalation() == null ? null : found.escalation().escalatedAt(),
                internals ? found.escalation() : null, found.agreedAt(), found.openedAt(),
                found.updatedAt(), found.revision());
    }

    public static ResponseEntity<CaseResponse> okWithETag(CoordinationCase found, PlatformPrincipal caller,
                                                          Instant now) {
        return ResponseEntity.ok().eTag(RevisionTag.of(found.revision())).body(of(found, caller, now));
    }

    /** A list of cases, in the order the view promises. */
    public record CaseList(List<CaseResponse> items) {
    }
}
