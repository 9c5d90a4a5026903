package jp.iinj.contracts.membership;

import java.time.Instant;

/** The suspended membership is active again (suspended → active). Public. */
public record MemberReinstatedV1(
        String memberId,
        String prefectureCode,
        String bureau,
        Instant reinstatedAt) {
}
