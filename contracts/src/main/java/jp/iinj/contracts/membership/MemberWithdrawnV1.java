package jp.iinj.contracts.membership;

import java.time.Instant;

/** The member left the network (active → withdrawn). Public: the reason is a code, the note stays in the registry. */
public record MemberWithdrawnV1(
        String memberId,
        String prefectureCode,
        String bureau,
        WithdrawalReason reason,
        Instant withdrawnAt) {
}
