package jp.iinj.contracts.membership;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A regional body of the member's bureau, or an administrator, approved the organisation: it is now an active
 * member until {@code expiresOn}. Public: carries no personal data (not even who approved).
 */
public record MemberApprovedV1(
        String memberId,
        String prefectureCode,
        String bureau,
        Instant approvedAt,
        LocalDate expiresOn) {
}
