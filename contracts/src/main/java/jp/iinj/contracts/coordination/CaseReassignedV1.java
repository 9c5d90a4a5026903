package jp.iinj.contracts.coordination;

import java.time.Instant;

/**
 * A case moved from one coordinator to another; {@code coordinator-assigned} for the new coordinator follows with
 * their acceptance due date. A decline that leaves nobody eligible queues the case instead ({@code case-queued}).
 *
 * @param fromCoordinatorId the previous coordinator's roster id
 * @param toCoordinatorId   the new coordinator's roster id
 */
public record CaseReassignedV1(
        String caseId,
        String fromCoordinatorId,
        String toCoordinatorId,
        ReassignmentReason reason,
        Instant reassignedAt) {
}
