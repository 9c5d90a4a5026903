package jp.iinj.contracts.matching;

import java.time.Instant;

/** The profile's owner declined an expression of interest with a reason code (the other side sees it). Public. */
public record InterestDeclinedV1(
        String interestId,
        String profileId,
        String fromBureau,
        String toBureau,
        DeclineReason reason,
        Instant declinedAt) {
}
