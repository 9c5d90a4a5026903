package jp.iinj.contracts.coordination;

import java.time.Instant;

/** The coordinator moved an accepted case from one stage to the next. */
public record CaseStageChangedV1(
        String caseId,
        CaseStage fromStage,
        CaseStage toStage,
        Instant changedAt) {
}
