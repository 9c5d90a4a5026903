package jp.iinj.contracts.coordination;

import java.time.Instant;
import java.util.List;

/**
 * An agreed match opened its one coordination case. Public: ids, regions and fields only.
 * <p>
 * The two members are named by their profiles, not by their member ids: every later case event (who coordinates, who
 * declined, how it ended) refers back to this one, and member ids here would turn the whole case history into a
 * record about two named organisations for anyone who reads the feed, joined with member events by id. A consumer
 * that needs the members (business matching, coordination itself) has them from {@code match-agreed} by
 * {@code matchId}.
 *
 * @param ownerProfileId      the profile the interest was in
 * @param interestedProfileId the interested member's own profile, or null when they answered without one
 * @param technologyFields    the fields of the owner's profile, as in {@code match-agreed}
 */
public record CaseOpenedV1(
        String caseId,
        String matchId,
        String ownerProfileId,
        String interestedProfileId,
        String ownerBureau,
        String interestedBureau,
        String ownerPrefectureCode,
        String interestedPrefectureCode,
        List<String> technologyFields,
        Instant openedAt) {
}
