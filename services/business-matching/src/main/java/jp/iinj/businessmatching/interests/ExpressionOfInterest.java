package jp.iinj.businessmatching.interests;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import jp.iinj.contracts.coordination.CaseOutcome;
import jp.iinj.contracts.matching.DeclineReason;
import jp.iinj.httpapi.core.problems.ConflictException;

/**
 * A member's expression of interest in another member's published profile, and once accepted, the agreed match: one
 * document, so accepting, disclosing both identities and announcing the match are one atomic write, whoever clicks
 * twice. Its document carries the outbox of its events.
 *
 * @param openKey            {@code interested~profile} while open, absent after: the store refuses a second open
 *                           interest of one member in one profile
 * @param interestedProfileId the interested member's own profile in the proposal it answers, or null
 * @param message            why the member is interested: for the owner only, never published
 * @param declineNote        the owner's words with the reason code, for the interested member only
 * @param matchId            set on acceptance
 * @param outcome            how the coordination case of the match closed, once it has
 */
@Document(ExpressionOfInterest.COLLECTION)
@CompoundIndex(name = "sent", def = "{'interestedMemberId': 1, 'status': 1, 'expressedAt': -1}")
@CompoundIndex(name = "received", def = "{'ownerMemberId': 1, 'status': 1, 'expressedAt': -1}")
@CompoundIndex(name = "due", def = "{'status': 1, 'expiresAt': 1}")
public record ExpressionOfInterest(
        @Id String id,
        @Indexed(unique = true, sparse = true) String openKey,
        String profileId,
        String proposalId,
        String ownerMemberId,
        String interestedMemberId,
        String interestedProfileId,
        String message,
        InterestStatus status,
        String expressedBy,
        Instant expressedAt,
        Instant expiresAt,
        Instant remindedAt,
        String answeredBy,
        Instant answeredAt,
        DeclineReason declineReason,
        String declineNote,
        @Indexed(unique = true, sparse = true) String matchId,
        List<Disclosure> disclosures,
        CaseOutcome outcome,
        Instant outcomeAt,
        long revision) {

    public static final String COLLECTION = "interests";

    public static ExpressionOfInterest expressed(String id, String profileId, String proposalId, String ownerMemberId,
                                                 String interestedMemberId, String interestedProfileId, String message,
                                                 String by, Instant now, Duration answerWithin) {
        return new ExpressionOfInterest(id, interestedMemberId + "~" + profileId, profileId, proposalId, ownerMemberId,
                interestedMemberId, interestedProfileId, message, InterestStatus.OPEN, by, now, now.plus(answerWithin),
                null, null, null, null, null, null, List.of(), null, null, 0);
    }

    /** Accepted: the match is agreed and each side's identity is disclosed to the other. */
    public ExpressionOfInterest accepted(String by, Instant now) {
        requireOpen("accepted");
        List<Disclosure> both = List.of(new Disclosure(ownerMemberId, interestedMemberId, now),
                new Disclosure(interestedMemberId, ownerMemberId, now));
        return new ExpressionOfInterest(id, null, profileId, proposalId, ownerMemberId, interestedMemberId,
                interestedProfileId, message, InterestStatus.ACCEPTED, expressedBy, expressedAt, expiresAt, remindedAt,
                by, now, null, null, "m-" + id, both, null, null, revision + 1);
    }

    public ExpressionOfInterest declined(String by, Instant now, DeclineReason reason, String note) {
        requireOpen("declined");
        return new ExpressionOfInterest(id, null, profileId, proposalId, ownerMemberId, interestedMemberId,
                interestedProfileId, message, InterestStatus.DECLINED, expressedBy, expressedAt, expiresAt, remindedAt,
                by, now, reason, note, null, disclosures, null, null, revision + 1);
    }

    public ExpressionOfInterest expired(Instant now) {
        requireOpen("expired");
        if (now.isBefore(expiresAt)) {
            throw new ConflictException("interest " + id + " is not due to expire");
        }
        return new ExpressionOfInterest(id, null, profileId, proposalId, ownerMemberId, interestedMemberId,
                interestedProfileId, message, InterestStatus.EXPIRED, expressedBy, expressedAt, expiresAt, remindedAt,
                null, now, null, null, null, disclosures, null, null, revision + 1);
    }

    public ExpressionOfInterest reminded(Instant now) {
        requireOpen("reminded");
        if (remindedAt != null) {
            throw new ConflictException("interest " + id + " was reminded already");
        }
        return new ExpressionOfInterest(id, openKey, profileId, proposalId, ownerMemberId, interestedMemberId,
                interestedProfileId, message, status, expressedBy, expressedAt, expiresAt, now, answeredBy, answeredAt,
                declineReason, declineNote, matchId, disclosures, outcome, outcomeAt, revision + 1);
    }

    /** The coordination case of the agreed match closed with this outcome; recorded once. */
    public ExpressionOfInterest withOutcome(CaseOutcome caseOutcome, Instant closedAt) {
        if (status != InterestStatus.ACCEPTED || outcome != null) {
            throw new ConflictException("match of interest " + id + " has no open outcome to record");
        }
        return new ExpressionOfInterest(id, openKey, profileId, proposalId, ownerMemberId, interestedMemberId,
                interestedProfileId, message, status, expressedBy, expressedAt, expiresAt, remindedAt, answeredBy,
                answeredAt, declineReason, declineNote, matchId, disclosures, caseOutcome, closedAt, revision + 1);
    }

    public boolean involves(String memberId) {
        return ownerMemberId.equals(memberId) || interestedMemberId.equals(memberId);
    }

    private void requireOpen(String what) {
        if (status != InterestStatus.OPEN) {
            throw InterestConflict.NOT_OPEN.problem("interest " + id + " is " + status + " and cannot be " + what);
        }
    }
}
