package jp.iinj.contracts.coordination;

import java.time.Instant;

/**
 * A case was escalated to a bureau's regional body, which is notified and sees it among its escalated cases.
 * Coordination escalates a case once per reason, however many instances run the service-level sweep.
 *
 * @param bureau the bureau the case is escalated to
 */
public record CaseEscalatedV1(
        String caseId,
        String bureau,
        EscalationReason reason,
        Instant escalatedAt) {
}
