package jp.iinj.contracts.membership;

import java.time.Instant;

/** The application was rejected (applied → rejected). Public: the reason is a code, the note stays in the registry. */
public record MemberRejectedV1(
        String memberId,
        String prefectureCode,
        String bureau,
        RejectionReason reason,
        Instant rejectedAt) {
}
