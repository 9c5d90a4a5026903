package jp.iinj.contracts.matching;

import java.time.Instant;
import java.time.LocalDate;

/** The owner renewed a published profile: it runs until the new {@code expiresOn} and is matched again. Public. */
public record ProfileRenewedV1(
        String profileId,
        ProfileType profileType,
        String prefectureCode,
        String bureau,
        Instant renewedAt,
        LocalDate expiresOn) {
}
