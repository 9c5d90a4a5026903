package jp.iinj.contracts.coordination;

import java.time.Instant;

/**
 * The assigned coordinator declined a case; coordination reassigns it to the next best or queues it. Public: a reason
 * code; the coordinator's explanation stays in coordination.
 *
 * @param coordinatorId the declining coordinator's roster id
 */
public record AssignmentDeclinedV1(
        String caseId,
        String coordinatorId,
        AssignmentDeclineReason reason,
        Instant declinedAt) {
}
