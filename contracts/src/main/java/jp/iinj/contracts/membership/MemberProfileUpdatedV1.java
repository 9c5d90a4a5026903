package jp.iinj.contracts.membership;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A member changed its profile: the whole public profile after the change. Public: no personal data.
 *
 * @param profile its fields are top-level fields of the event's data
 */
public record MemberProfileUpdatedV1(
        String memberId,
        String corporateNumber,
        @JsonUnwrapped PublicMemberProfile profile,
        Instant updatedAt) {
}
