package jp.iinj.contracts.coordination;

import java.time.Instant;

/**
 * The assigned coordinator accepted a case; it enters {@link CaseStage#FIRST_CONTACT}, which is due by
 * {@code firstContactDueAt} (the service level, counted in Japanese business days) or the case is escalated.
 *
 * @param coordinatorId the accepting coordinator's roster id
 */
public record CaseAcceptedV1(
        String caseId,
        String coordinatorId,
        Instant acceptedAt,
        Instant firstContactDueAt) {
}
