package jp.iinj.contracts.membership;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * An organisation applied for membership. Public: carries no personal data (no contact persons, no address).
 *
 * @param corporateNumber 13-digit National Tax Agency number (public information); {@code null} for organisations
 *                        that have none
 * @param profile         its fields are top-level fields of the event's data
 */
public record MemberRegisteredV1(
        String memberId,
        String corporateNumber,
        @JsonUnwrapped PublicMemberProfile profile,
        Instant registeredAt) {

    /** Only the required fields: the optional profile fields are absent (null). */
    public MemberRegisteredV1(String memberId, String legalName, OrganisationType organisationType,
                              String corporateNumber, String prefectureCode, String bureau, Instant registeredAt) {
        this(memberId, corporateNumber, PublicMemberProfile.required(legalName, organisationType, prefectureCode, bureau),
                registeredAt);
    }
}
