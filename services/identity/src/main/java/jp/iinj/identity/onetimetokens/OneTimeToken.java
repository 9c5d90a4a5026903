package jp.iinj.identity.onetimetokens;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A one-time token as stored: only the SHA-256 of the token (hex) is kept, as {@code _id}, so a copy of the database
 * gives nobody a usable link.
 *
 * @param accountId the account it acts on (password tokens); null for invitations to people without an account
 * @param memberId  the organisation an invitation is for
 * @param issuedBy  {@code sub} of who caused it (invitations), else null
 */
@Document(OneTimeToken.COLLECTION)
public record OneTimeToken(
        @Id String hash,
        TokenPurpose purpose,
        String accountId,
        String email,
        String memberId,
        String issuedBy,
        Instant createdAt,
        Instant expiresAt,
        Instant spentAt) {

    public static final String COLLECTION = "one_time_tokens";

    public boolean spent() {
        return spentAt != null;
    }

    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
