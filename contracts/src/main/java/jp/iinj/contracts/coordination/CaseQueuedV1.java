package jp.iinj.contracts.coordination;

import java.time.Instant;
import java.util.List;

/**
 * Nobody was eligible for a case: it waits in the queue of its parties' bureaus, where a regional body assigns it by
 * hand (then {@code coordinator-assigned} follows with reason {@code MANUAL}).
 *
 * @param bureaus the parties' bureaus whose queues show the case, the owner's first; one when both share a bureau
 */
public record CaseQueuedV1(
        String caseId,
        List<String> bureaus,
        QueueReason reason,
        Instant queuedAt) {
}
