package jp.iinj.businessmatching.proposals;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The engine proposed an offer and a request to each other, with the reasons. One per pair, whichever side was
 * published or renewed last: the id is made of the two profile ids, so the store refuses a second one. Its document
 * carries the outbox of its events (match proposed, and the notifications of both sides).
 *
 * @param score       0–100, the sum of the explanation's points
 * @param explanation what contributed how much, in words a person reads
 */
@Document(MatchProposal.COLLECTION)
@CompoundIndex(name = "offer_member", def = "{'offerMemberId': 1, 'proposedAt': -1}")
@CompoundIndex(name = "request_member", def = "{'requestMemberId': 1, 'proposedAt': -1}")
public record MatchProposal(
        @Id String id,
        String offerProfileId,
        String requestProfileId,
        String offerMemberId,
        String requestMemberId,
        String offerBureau,
        String requestBureau,
        double score,
        List<ExplanationLine> explanation,
        Instant proposedAt,
        long revision) {

    public static final String COLLECTION = "proposals";

    /** One reason: what kind (term, concept, technology field, JSIC, region, stage and IP, organisation types). */
    public record ExplanationLine(String kind, String label, double points) {
    }

    public static String idOf(String offerProfileId, String requestProfileId) {
        return offerProfileId + "~" + requestProfileId;
    }

    /** The side of {@code memberId} in this proposal: its own profile, and the other side's. */
    public boolean involves(String memberId) {
        return memberId.equals(offerMemberId) || memberId.equals(requestMemberId);
    }

    public String ownProfileOf(String memberId) {
        return memberId.equals(offerMemberId) ? offerProfileId : requestProfileId;
    }

    public String otherProfileOf(String memberId) {
        return memberId.equals(offerMemberId) ? requestProfileId : offerProfileId;
    }
}
