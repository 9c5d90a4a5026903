package jp.iinj.contracts.membership;

import java.time.Instant;

/**
 * An organisation applied for membership. Public: carries no personal data.
 *
 * @param corporateNumber 13-digit National Tax Agency number (public information); {@code null} for organisations
 *                        that have none
 * @param bureau          METI regional bureau id derived from the prefecture
 */
public record MemberRegisteredV1(
        String memberId,
        String legalName,
        OrganisationType organisationType,
        String corporateNumber,
        String prefectureCode,
        String bureau,
        Instant registeredAt) {
}
