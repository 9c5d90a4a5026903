package jp.iinj.contracts.coordination;

import java.time.Instant;

/**
 * A coordinator was given a case, automatically or by hand, and must accept it by {@code acceptanceDueAt} (the
 * service level, counted in Japanese business days) or lose it to the next in line. Public: the coordinator is an
 * opaque roster id, never their identity subject or name.
 *
 * @param coordinatorId   the coordinator's id in coordination's roster
 * @param bureau          the coordinator's bureau
 * @param reason          the rule that chose them, or {@code MANUAL}
 * @param acceptanceDueAt when acceptance is due
 */
public record CoordinatorAssignedV1(
        String caseId,
        String matchId,
        String coordinatorId,
        String bureau,
        AssignmentReasonCode reason,
        Instant assignedAt,
        Instant acceptanceDueAt) {
}
