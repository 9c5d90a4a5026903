package jp.iinj.contracts.matching;

import java.time.Instant;
import java.util.List;

/**
 * The matching engine proposed an offer and a request to each other. Public: the two profiles, their owners'
 * bureaus and the score; not who owns them.
 *
 * @param score            0–100, the sum of the explanation's contributions
 * @param technologyFields the fields the two profiles share
 */
public record MatchProposedV1(
        String proposalId,
        String offerProfileId,
        String requestProfileId,
        String offerBureau,
        String requestBureau,
        int score,
        List<String> technologyFields,
        Instant proposedAt) {
}
