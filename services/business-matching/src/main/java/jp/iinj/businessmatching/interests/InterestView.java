package jp.iinj.businessmatching.interests;

import java.time.Instant;
import java.util.List;

import jp.iinj.businessmatching.members.MatchingMember;
import jp.iinj.businessmatching.profiles.PublishedProfileView;
import jp.iinj.contracts.coordination.CaseOutcome;
import jp.iinj.contracts.matching.DeclineReason;
import jp.iinj.contracts.membership.EmployeeBand;
import jp.iinj.contracts.membership.OrganisationType;

/**
 * An expression of interest as one of its two sides sees it. Until it is accepted the other side is anonymous
 * ({@link Party} without a name); once accepted, both are disclosed ({@link Party#identity}).
 *
 * @param direction   {@code SENT} for the interested member, {@code RECEIVED} for the profile's owner
 * @param profile     the profile the interest is in
 * @param otherProfile the interested member's own profile from the proposal, if any (for the owner to judge)
 */
public record InterestView(
        String id,
        Direction direction,
        InterestStatus status,
        PublishedProfileView profile,
        PublishedProfileView otherProfile,
        String proposalId,
        Party other,
        String message,
        Instant expressedAt,
        Instant expiresAt,
        Instant answeredAt,
        DeclineReason declineReason,
        String declineNote,
        String matchId,
        CaseOutcome outcome) {

    public enum Direction {
        SENT,
        RECEIVED
    }

    /**
     * The other side: always its type, size band and bureau; its identity only after acceptance.
     *
     * @param identity null until the interest is accepted
     */
    public record Party(OrganisationType organisationType, EmployeeBand sizeBand, String bureau, Identity identity) {

        static Party of(MatchingMember member, boolean disclosed) {
            return new Party(member.organisationType(), member.employeeBand(), member.bureau(),
                    disclosed ? new Identity(member.id(), member.legalName(), member.englishName(), member.website(),
                            member.prefectureCode()) : null);
        }
    }

    /** Who the other side is, disclosed on acceptance (the organisation; its people are introduced by a coordinator). */
    public record Identity(String memberId, String legalName, String englishName, String website,
                           String prefectureCode) {
    }

    /** A member's interests in one direction, newest first. */
    public record InterestList(List<InterestView> items) {
    }
}
