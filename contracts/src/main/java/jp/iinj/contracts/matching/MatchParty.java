package jp.iinj.contracts.matching;

/**
 * One side of an agreed match.
 *
 * @param profileId the side's profile; null for an interested member who answered a profile without one of its own
 */
public record MatchParty(
        String memberId,
        String profileId,
        String bureau,
        String prefectureCode) {
}
