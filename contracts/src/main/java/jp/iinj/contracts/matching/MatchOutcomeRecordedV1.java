package jp.iinj.contracts.matching;

import java.time.Instant;

import jp.iinj.contracts.coordination.CaseOutcome;

/** The coordination case of an agreed match closed, and its outcome is recorded on the match. Public. */
public record MatchOutcomeRecordedV1(
        String matchId,
        CaseOutcome outcome,
        Instant closedAt,
        Instant recordedAt) {
}
