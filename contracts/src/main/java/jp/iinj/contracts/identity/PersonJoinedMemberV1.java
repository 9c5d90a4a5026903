package jp.iinj.contracts.identity;

import java.time.Instant;

/**
 * A person now acts for a member organisation: the owner's account became active for it (the organisation was
 * approved), or an invited person accepted. Internal and personal (APPI): read by the member registry only.
 *
 * @param subject     the person's account id at the identity service, the {@code sub} of their tokens
 * @param displayName may be null when the account has no name
 */
public record PersonJoinedMemberV1(
        String memberId,
        String subject,
        PersonRole role,
        String displayName,
        String email,
        Instant joinedAt) {
}
