package jp.iinj.contracts.matching;

import java.time.Instant;

/** Nobody answered an expression of interest in time. Public. */
public record InterestExpiredV1(
        String interestId,
        String profileId,
        String fromBureau,
        String toBureau,
        Instant expiredAt) {
}
