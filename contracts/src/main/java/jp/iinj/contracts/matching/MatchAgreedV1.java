package jp.iinj.contracts.matching;

import java.time.Instant;
import java.util.List;

/**
 * Both sides agreed to be introduced: the profile's owner accepted the interest, and both identities are now disclosed
 * to each other. Coordination opens one case per match. Public: member ids and regions, no names or text.
 *
 * @param owner            the owner of the profile the interest was in
 * @param interested       the member who expressed the interest
 * @param technologyFields the fields of the owner's profile
 */
public record MatchAgreedV1(
        String matchId,
        String interestId,
        MatchParty owner,
        MatchParty interested,
        List<String> technologyFields,
        Instant agreedAt) {
}
