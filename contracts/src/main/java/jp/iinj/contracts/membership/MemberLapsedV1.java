package jp.iinj.contracts.membership;

import java.time.Instant;
import java.time.LocalDate;

/** The membership expired on {@code expiredOn} and was not renewed within the grace period (active → lapsed). Public. */
public record MemberLapsedV1(
        String memberId,
        String prefectureCode,
        String bureau,
        LocalDate expiredOn,
        Instant lapsedAt) {
}
