package jp.iinj.contracts.membership;

import java.time.Instant;
import java.time.LocalDate;

/** The annual membership was renewed until {@code expiresOn}. Public. */
public record MemberRenewedV1(
        String memberId,
        String prefectureCode,
        String bureau,
        LocalDate expiresOn,
        Instant renewedAt) {
}
