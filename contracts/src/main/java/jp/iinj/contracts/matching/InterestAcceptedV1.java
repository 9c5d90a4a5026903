package jp.iinj.contracts.matching;

import java.time.Instant;

/** The profile's owner accepted an expression of interest; the match {@code matchId} is agreed. Public. */
public record InterestAcceptedV1(
        String interestId,
        String profileId,
        String fromBureau,
        String toBureau,
        String matchId,
        Instant acceptedAt) {
}
