package jp.iinj.contracts.membership;

import java.time.Instant;

/**
 * The person who registered an organisation is its owner. Internal and personal (APPI): read by the identity
 * service, which opens the owner's account, and by nobody outside the platform.
 */
public record OwnerDesignatedV1(
        String memberId,
        String email,
        String displayName,
        Instant designatedAt) {
}
