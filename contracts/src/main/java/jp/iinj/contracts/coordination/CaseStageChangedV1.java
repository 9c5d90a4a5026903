package jp.iinj.contracts.coordination;

import java.time.Instant;

/**
 * The coordinator moved an accepted case to a stage.
 *
 * @param fromStage the stage it left; null for the first stage after the acceptance
 */
public record CaseStageChangedV1(
        String caseId,
        CaseStage fromStage,
        CaseStage toStage,
        Instant changedAt) {
}
