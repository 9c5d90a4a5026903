package jp.iinj.contracts.matching;

import java.time.Instant;
import java.time.LocalDate;

/** A published profile reached its expiry date without renewal. Public. */
public record ProfileExpiredV1(
        String profileId,
        ProfileType profileType,
        String prefectureCode,
        String bureau,
        LocalDate expiresOn,
        Instant expiredAt) {
}
