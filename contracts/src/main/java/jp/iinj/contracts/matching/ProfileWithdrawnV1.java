package jp.iinj.contracts.matching;

import java.time.Instant;

/** The owner (or an administrator) withdrew a published profile. Public. */
public record ProfileWithdrawnV1(
        String profileId,
        ProfileType profileType,
        String prefectureCode,
        String bureau,
        Instant withdrawnAt) {
}
