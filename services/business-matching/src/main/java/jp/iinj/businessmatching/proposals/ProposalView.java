package jp.iinj.businessmatching.proposals;

import java.time.Instant;
import java.util.List;

import jp.iinj.businessmatching.profiles.LocalizedText;
import jp.iinj.businessmatching.profiles.PublishedProfileView;
import jp.iinj.contracts.matching.ProfileType;

/**
 * A proposal as one side sees it: its own profile, the other side's anonymously, the score and every reason for it.
 *
 * @param explanation the reasons; their points add up to the score
 */
public record ProposalView(
        String id,
        double score,
        List<MatchProposal.ExplanationLine> explanation,
        OwnProfile yourProfile,
        PublishedProfileView counterpart,
        Instant proposedAt) {

    /** Which of the member's profiles the proposal is for. */
    public record OwnProfile(String id, ProfileType type, LocalizedText title) {
    }

    /** A member's current proposals, newest first. */
    public record ProposalList(List<ProposalView> items) {
    }
}
