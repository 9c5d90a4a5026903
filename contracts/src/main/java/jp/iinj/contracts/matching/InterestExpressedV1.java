package jp.iinj.contracts.matching;

import java.time.Instant;

/**
 * A member expressed interest in a profile, from a search or a proposal. Public: the message stays in the service,
 * and so does who sent it.
 *
 * @param proposalId  the proposal it answers, or null when it came from a search
 * @param fromBureau  the interested member's bureau
 * @param toBureau    the profile owner's bureau
 * @param expiresAt   when it expires unanswered
 */
public record InterestExpressedV1(
        String interestId,
        String profileId,
        String proposalId,
        String fromBureau,
        String toBureau,
        Instant expressedAt,
        Instant expiresAt) {
}
