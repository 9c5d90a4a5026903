package jp.iinj.contracts.coordination;

import java.time.Instant;

/**
 * A coordination case ended with an outcome; business matching records it on the match. Public: codes only, the
 * closing reason's words stay in coordination.
 *
 * @param matchId the agreed match the case followed up
 * @param bureau  the bureau whose coordinator owned the case
 */
public record CaseClosedV1(
        String caseId,
        String matchId,
        CaseOutcome outcome,
        String bureau,
        Instant closedAt) {
}
