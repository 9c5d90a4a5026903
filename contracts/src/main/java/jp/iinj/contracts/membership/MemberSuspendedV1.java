package jp.iinj.contracts.membership;

import java.time.Instant;

/** The membership was suspended (active → suspended). Public: the reason is a code, the note stays in the registry. */
public record MemberSuspendedV1(
        String memberId,
        String prefectureCode,
        String bureau,
        SuspensionReason reason,
        Instant suspendedAt) {
}
