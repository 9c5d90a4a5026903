package jp.iinj.coordination.cases;

import java.time.Instant;

import jp.iinj.contracts.coordination.CaseOutcome;
import jp.iinj.contracts.coordination.EscalationReason;
import jp.iinj.coordination.assignment.AssignmentReason;

/** The parts a {@link CoordinationCase} is made of. */
public final class CaseParts {

    private CaseParts() {
    }

    /** One side of the agreed match, as {@code match-agreed} named it. */
    public record Party(String memberId, String profileId, String bureau, String prefectureCode) {
    }

    /**
     * Who has the case and why.
     *
     * @param coordinatorSubject their identity subject when assigned: who may act on the case
     * @param bureau             the parties' bureau they cover (the first party's if both): the bureau that owns the
     *                           case while they have it
     * @param code               the rule that chose them ({@code expertise}, {@code same-bureau}, {@code lowest-load},
     *                           {@code rotation}) or {@code manual}
     * @param assignedBy         the subject who assigned by hand, or null when the rules chose
     */
    public record Assignment(String coordinatorId, String coordinatorSubject, String coordinatorName, String bureau,
                             String code, AssignmentReason reason, Instant assignedAt, String assignedBy) {

        public static final String MANUAL = "manual";
    }

    /** Why the case waits in its bureaus' queue, counted by cause. */
    public record Queueing(AssignmentReason reason, Instant queuedAt, String queuedBy) {
    }

    /** A coordinator who said no to the case; never chosen again for it. The note stays in this service. */
    public record Declination(String coordinatorId, DeclineReason reason, String note, Instant declinedAt) {
    }

    /** A coordinator who let the case pass its acceptance due date; the rules do not choose them again for it. */
    public record Lapse(String coordinatorId, Instant acceptanceDueAt, Instant lapsedAt) {
    }

    /** The case was escalated to this bureau's regional body, once, for this reason. */
    public record Escalation(EscalationReason reason, String bureau, Instant escalatedAt) {
    }

    /** When each stage was first reached; null until then. */
    public record StagesReached(Instant firstContactAt, Instant introductionMadeAt, Instant negotiatingAt) {

        static StagesReached none() {
            return new StagesReached(null, null, null);
        }

        /** Reaching a stage also reaches the ones before it that were skipped, at the same time. */
        StagesReached reaching(CaseStage stage, Instant at) {
            return new StagesReached(
                    firstContactAt != null ? firstContactAt : at,
                    introductionMadeAt != null || stage.compareTo(CaseStage.INTRODUCTION_MADE) < 0
                            ? introductionMadeAt : at,
                    negotiatingAt != null || stage.compareTo(CaseStage.NEGOTIATING) < 0 ? negotiatingAt : at);
        }
    }

    /** How the case ended; the reason's words stay in this service, the event carries the outcome. */
    public record Closing(CaseOutcome outcome, String reason, Instant closedAt, String closedBy) {
    }

    /** A line of the notes log. */
    public record Note(String id, String author, Instant at, String text) {
    }
}
