package jp.iinj.coordination.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import jp.iinj.contracts.coordination.CaseOutcome;
import jp.iinj.contracts.coordination.EscalationReason;
import jp.iinj.coordination.assignment.AssignmentReason;
import jp.iinj.coordination.assignment.CaseToAssign;
import jp.iinj.httpapi.core.problems.ConflictException;

/**
 * The follow-up of one agreed match, from its assignment to its outcome: the aggregate of this feature. One per match,
 * enforced by the unique index on {@code matchId}. Every change returns the next version with {@code revision + 1};
 * the store guards each write with the revision it read. A change the case's state does not allow is a 409.
 *
 * @param bureaus   the parties' bureaus, first party first: their regional bodies see the case, and it waits in
 *                  their queue when nobody can take it
 * @param memberIds the two members of the match: they read the case
 * @param open      not closed; kept as a field so that workload counts are one indexed query
 */
@Document(CoordinationCase.COLLECTION)
@CompoundIndex(name = "coordinator_open", def = "{'assignment.coordinatorId': 1, 'open': 1}")
@CompoundIndex(name = "bureau_status", def = "{'bureaus': 1, 'status': 1}")
@CompoundIndex(name = "acceptance_due", def = "{'status': 1, 'acceptanceDueAt': 1}")
@CompoundIndex(name = "first_contact_due",
        def = "{'status': 1, 'stagesReached.firstContactAt': 1, 'escalation': 1, 'firstContactDueAt': 1}")
public record CoordinationCase(
        @Id String id,
        @Indexed(unique = true) String matchId,
        String interestId,
        CaseParts.Party owner,
        CaseParts.Party interested,
        List<String> technologyFields,
        List<String> bureaus,
        @Indexed List<String> memberIds,
        CaseStatus status,
        boolean open,
        CaseParts.Assignment assignment,
        CaseParts.Queueing queueing,
        List<CaseParts.Declination> declinations,
        List<CaseParts.Lapse> lapses,
        Instant acceptanceDueAt,
        Instant firstContactDueAt,
        Instant acceptedAt,
        CaseStage stage,
        CaseParts.StagesReached stagesReached,
        CaseParts.Closing closing,
        List<CaseParts.Note> notes,
        CaseParts.Escalation escalation,
        Instant agreedAt,
        Instant openedAt,
        Instant updatedAt,
        long revision) {

    public static final String COLLECTION = "cases";

    /** A notes log is for people, not for bulk: this many lines keep one case far below MongoDB's 16 MB. */
    public static final int MAX_NOTES = 500;

    public CoordinationCase {
        technologyFields = List.copyOf(technologyFields);
        bureaus = List.copyOf(bureaus);
        memberIds = List.copyOf(memberIds);
        declinations = declinations == null ? List.of() : List.copyOf(declinations);
        lapses = lapses == null ? List.of() : List.copyOf(lapses);
        notes = notes == null ? List.of() : List.copyOf(notes);
        stagesReached = stagesReached == null ? CaseParts.StagesReached.none() : stagesReached;
    }

    /** A new case, not yet assigned nor queued: {@link #assignedTo} or {@link #queued} follows at once. */
    public static CoordinationCase opened(String id, String matchId, String interestId, CaseParts.Party owner,
                                          CaseParts.Party interested, List<String> technologyFields,
                                          Instant agreedAt, Instant at) {
        List<String> bureaus = new ArrayList<>(List.of(owner.bureau()));
        if (!interested.bureau().equals(owner.bureau())) {
            bureaus.add(interested.bureau());
        }
        return new CoordinationCase(id, matchId, interestId, owner, interested, technologyFields, bureaus,
                List.of(owner.memberId(), interested.memberId()).stream().distinct().toList(), CaseStatus.QUEUED,
                true, null, null, List.of(), List.of(), null, null, null, null, CaseParts.StagesReached.none(), null,
                List.of(), null, agreedAt, at, at, 0);
    }

    /**
     * What the assignment rules need: the parties' bureaus, the fields, and who may not have it again: those who
     * declined it and those who let it lapse.
     */
    public CaseToAssign toAssign() {
        Set<String> passedOver = new HashSet<>();
        declinations.forEach(declined -> passedOver.add(declined.coordinatorId()));
        lapses.forEach(lapsed -> passedOver.add(lapsed.coordinatorId()));
        return new CaseToAssign(id, owner.bureau(), interested.bureau(), Set.copyOf(technologyFields), Set.of(),
                passedOver);
    }

    /**
     * Given to a coordinator: they must accept by one due date and make first contact by the other. A case moved by
     * hand keeps the stages it reached; the new coordinator accepts it again. A new coordinator answers the
     * escalation, so the case is no longer escalated.
     */
    public CoordinationCase assignedTo(CaseParts.Assignment assignment, DueDates dueDates) {
        requireOpen();
        return new CoordinationCase(id, matchId, interestId, owner, interested, technologyFields, bureaus, memberIds,
                CaseStatus.ASSIGNED, true, assignment, null, declinations, lapses,
                dueDates.acceptanceDue(assignment.assignedAt()), dueDates.firstContactDue(assignment.assignedAt()),
                null, stage, stagesReached, null, notes, null, agreedAt, openedAt, assignment.assignedAt(),
                revision + 1);
    }

    /**
     * Nobody (eligible) has it: it waits in its bureaus' queue, without due dates, until assigned by hand. An
     * escalation stays: the queue is where the regional body answers it.
     */
    public CoordinationCase queued(AssignmentReason reason, Instant at, String by) {
        requireOpen();
        return new CoordinationCase(id, matchId, interestId, owner, interested, technologyFields, bureaus, memberIds,
                CaseStatus.QUEUED, true, null, new CaseParts.Queueing(reason, at, by), declinations, lapses, null,
                null, null, stage, stagesReached, null, notes, escalation, agreedAt, openedAt, at, revision + 1);
    }

    /**
     * The coordinator did not accept by the due date: the case is taken from them (and never given back by the
     * rules). Like a decline, the caller reassigns or queues it in the same write.
     */
    public CoordinationCase acceptanceLapsed(Instant at) {
        requireStatus(CaseStatus.ASSIGNED, "case-not-awaiting-acceptance", "only an assigned case can lapse");
        List<CaseParts.Lapse> lapsed = new ArrayList<>(lapses);
        lapsed.add(new CaseParts.Lapse(assignment.coordinatorId(), acceptanceDueAt, at));
        return new CoordinationCase(id, matchId, interestId, owner, interested, technologyFields, bureaus, memberIds,
                status, true, assignment, null, declinations, lapsed, acceptanceDueAt, firstContactDueAt, null, stage,
                stagesReached, null, notes, escalation, agreedAt, openedAt, at, revision);
    }

    /**
     * Escalated to the bureau that owns the case. Once: a case already escalated is not escalated again until a new
     * coordinator takes it ({@link #assignedTo} clears it).
     */
    public CoordinationCase escalated(EscalationReason reason, Instant at) {
        requireOpen();
        if (escalation != null) {
            throw ConflictException.because("case-already-escalated", "case " + id + " was escalated at "
                    + escalation.escalatedAt());
        }
        return new CoordinationCase(id, matchId, interestId, owner, interested, technologyFields, bureaus, memberIds,
                status, true, assignment, queueing, declinations, lapses, acceptanceDueAt, firstContactDueAt,
                acceptedAt, stage, stagesReached, null, notes, new CaseParts.Escalation(reason, owningBureau(), at),
                agreedAt, openedAt, at, revision + 1);
    }

    /** Accepted, and no first contact made by its due date at {@code now}. */
    public boolean firstContactOverdueAt(Instant now) {
        return status == CaseStatus.ACCEPTED && stagesReached.firstContactAt() == null && firstContactDueAt != null
                && firstContactDueAt.isBefore(now);
    }

    public CoordinationCase accepted(Instant at) {
        requireStatus(CaseStatus.ASSIGNED, "case-not-awaiting-acceptance", "only an assigned case is accepted");
        return new CoordinationCase(id, matchId, interestId, owner, interested, technologyFields, bureaus, memberIds,
                CaseStatus.ACCEPTED, true, assignment, null, declinations, lapses, acceptanceDueAt, firstContactDueAt, at,
                stage, stagesReached, null, notes, escalation, agreedAt, openedAt, at, revision + 1);
    }

    /**
     * The assigned coordinator said no: the case is theirs no more, and never will be. The caller reassigns it
     * ({@link #assignedTo}) or queues it ({@link #queued}) in the same write.
     */
    public CoordinationCase declined(DeclineReason reason, String note, Instant at) {
        requireStatus(CaseStatus.ASSIGNED, "case-not-awaiting-acceptance",
                "only an assigned case not yet accepted can be declined");
        List<CaseParts.Declination> declined = new ArrayList<>(declinations);
        declined.add(new CaseParts.Declination(assignment.coordinatorId(), reason, note, at));
        return new CoordinationCase(id, matchId, interestId, owner, interested, technologyFields, bureaus, memberIds,
                status, true, assignment, null, declined, lapses, acceptanceDueAt, firstContactDueAt, null, stage,
                stagesReached, null, notes, escalation, agreedAt, openedAt, at, revision);
    }

    /** Forward only: a later stage than the current one; skipped stages count as reached at the same time. */
    public CoordinationCase reached(CaseStage next, Instant at) {
        requireStatus(CaseStatus.ACCEPTED, "case-not-accepted", "stages follow the coordinator's acceptance");
        if (stage != null && next.compareTo(stage) <= 0) {
            throw ConflictException.because("stage-not-forward", "the case is at " + stage
                    + "; stages only move forward");
        }
        return new CoordinationCase(id, matchId, interestId, owner, interested, technologyFields, bureaus, memberIds,
                status, true, assignment, null, declinations, lapses, acceptanceDueAt, firstContactDueAt, acceptedAt, next,
                stagesReached.reaching(next, at), null, notes, escalation, agreedAt, openedAt, at, revision + 1);
    }

    public CoordinationCase closed(CaseOutcome outcome, String reason, String by, Instant at) {
        requireOpen();
        return new CoordinationCase(id, matchId, interestId, owner, interested, technologyFields, bureaus, memberIds,
                CaseStatus.CLOSED, false, assignment, queueing, declinations, lapses, acceptanceDueAt, firstContactDueAt,
                acceptedAt, stage, stagesReached, new CaseParts.Closing(outcome, reason, at, by), notes, escalation,
                agreedAt, openedAt, at, revision + 1);
    }

    public CoordinationCase noted(CaseParts.Note note) {
        if (notes.size() >= MAX_NOTES) {
            throw ConflictException.because("notes-full", "a case keeps at most " + MAX_NOTES + " notes");
        }
        List<CaseParts.Note> more = new ArrayList<>(notes);
        more.add(note);
        return new CoordinationCase(id, matchId, interestId, owner, interested, technologyFields, bureaus, memberIds,
                status, open, assignment, queueing, declinations, lapses, acceptanceDueAt, firstContactDueAt, acceptedAt, stage,
                stagesReached, closing, more, escalation, agreedAt, openedAt, note.at(), revision + 1);
    }

    /** The bureau that owns the case now: its coordinator's, else the first party's. */
    public String owningBureau() {
        return assignment != null ? assignment.bureau() : bureaus.get(0);
    }

    /** Past its acceptance or first-contact due date at {@code now}, with that step not taken. */
    public boolean overdueAt(Instant now) {
        return status == CaseStatus.ASSIGNED && acceptanceDueAt != null && acceptanceDueAt.isBefore(now)
                || firstContactOverdueAt(now);
    }

    /**
     * The next due date the coordinator has to meet: acceptance while assigned, first contact once accepted and
     * until it is made; null when none is pending.
     */
    public Instant nextDueAt() {
        if (status == CaseStatus.ASSIGNED) {
            return acceptanceDueAt;
        }
        if (status == CaseStatus.ACCEPTED && stagesReached.firstContactAt() == null) {
            return firstContactDueAt;
        }
        return null;
    }

    private void requireOpen() {
        if (!open) {
            throw ConflictException.because("case-closed", "case " + id + " is closed");
        }
    }

    private void requireStatus(CaseStatus required, String code, String why) {
        requireOpen();
        if (status != required) {
            throw ConflictException.because(code, "case " + id + " is " + status + ": " + why);
        }
    }
}
